package io.palisade.core.detect;

import com.google.re2j.Pattern;
import io.palisade.core.text.CharSignature;
import java.util.Locale;

/**
 * Heuristic detectors on raw request inputs, for the request phase. Each decodes what attackers
 * encode (percent escapes, overlong UTF-8, entities, look-alike characters) itself, runs RE2/J
 * patterns (linear time), and is tuned to fire on what breaks out of a context (a tag, an
 * attribute, a script string, a path, a shell word) rather than on words alone, so that ordinary
 * text (names, prose, code-looking search terms, URLs, e-mail addresses) passes. Thread-safe.
 */
public final class Detectors {

    private Detectors() {
    }

    /** Event-handler names that fire without a user's help or on any interaction; for handlers outside a tag. */
    private static final String HANDLERS = "(abort|activate|afterprint|afterscriptexecute|animation(start|end|iteration|cancel)"
            + "|auxclick|beforeprint|beforeunload|begin|blur|canplay|change|click|contextmenu|copy|cut|dblclick|drag\\w*"
            + "|drop|durationchange|end|ended|error|focus|focusin|focusout|formchange|forminput|hashchange|input|invalid"
            + "|key(down|press|up)|load|loadstart|loadeddata|message|mouse(down|enter|leave|move|out|over|up|wheel)"
            + "|pageshow|paste|pause|play|playing|pointer\\w+|popstate|progress|readystatechange|repeat|reset|resize"
            + "|scroll|search|select|show|start|submit|toggle|touch(start|end|move)|transition\\w+|unload|wheel)";

    private static final Pattern CSS_COMMENT = Pattern.compile("/\\*.*?\\*/");

    /** Tags that run or load something whatever their attributes. */
    private static final java.util.Set<String> DANGEROUS_TAGS = java.util.Set.of("script", "iframe", "frame", "frameset",
            "object", "embed", "applet", "base", "meta", "isindex", "import", "xml", "vmlframe", "layer", "ilayer", "link", "style",
            "bgsound");

    /**
     * The XSS patterns, each run only when the literals it needs are in the input: RE2/J is linear
     * but not fast (tens of nanoseconds a character for a pattern in play), so most inputs should
     * meet none of them.
     */
    private static final Check[] XSS = {
        new Check(new String[] {"on", "="}, new String[0], Pattern.compile(
                // a tag with an event handler
                "<[a-z][^<]*?[\\s/\"'`]on[a-z]{3,}([\\s/]*|[^\\sa-z0-9<>=\"']+)=|</on[a-z]{3,}\\s*="
                // breaking out of a quoted attribute into a handler: "onmouseover=  '/onfocus=
                + "|[\"'`]([^\"'`<>]*[\\s/])?on[a-z]{3,}[\\s/]*=\\s*[\"'`]?\\s*[\\w$.:\\[\\]]+\\s*[(`=]"
                // a known handler written as an attribute outside any tag
                + "|(^|[\\s;/])on" + HANDLERS + "[\\s/]*=")),
        // script URLs followed by code
        new Check(new String[] {":"}, new String[] {"script", "mocha"},
                Pattern.compile("(javascript|vbscript|livescript|mocha)\\s*:\\s*([\\w$.]+\\s*[(=\\[`]|//|/\\*|\\[|\\()")),
        new Check(new String[] {"data", ":"}, new String[0],
                Pattern.compile("data\\s*:\\s*(text/html|image/svg\\+xml|text/javascript|application/(x-)?javascript)")),
        new Check(new String[0], new String[] {"srcdoc", "expression", "behavior", "binding", "dataformatas", "<?", "&{",
            "@import"},
                Pattern.compile("\\bsrcdoc\\s*=|:\\s*expression\\s*\\(|\\bbehavior\\s*:\\s*url\\s*\\(|-moz-binding\\s*:"
                        // IE data binding and behaviours, Netscape's script entities, style sheets pulled into a page
                        + "|\\bdataformatas\\s*=|<\\?(import|xml:namespace)\\b|&\\{[^}]*\\(|<style\\b[^>]*>[^<]*@import\\b")),
        // AngularJS and other client-side template sandboxes escaped to the Function constructor
        new Check(new String[] {"constructor"}, new String[0],
                Pattern.compile("constructor\\s*\\.\\s*constructor\\s*\\(|\\[\\s*['\"]constructor['\"]\\s*\\]\\s*\\(")),
        // breaking out of a script string or statement into a call: '-alert(1)-'  ";confirm`1`
        new Check(new String[0], new String[] {"alert", "prompt", "confirm", "eval", "settimeout", "setinterval", "execscript"},
                Pattern.compile("[\"'`;]\\s*[-+*/%&|^,;)\\]}]*\\s*(alert|prompt|confirm|eval|settimeout|setinterval|execscript)"
                        + "\\s*[(`]"
                        // the classic proofs of concept, with an argument no prose has
                        + "|\\b(alert|prompt|confirm)\\s*(\\(\\s*(\\d|document\\b|window\\b|location\\b|this\\b|top\\b|self\\b|/)|`)"
                        // a dialog passed around as a value and called: (alert)(1), a=alert,a(1), [1].find(alert)
                        + "|\\(\\s*(alert|prompt|confirm|eval)\\s*\\)\\s*[(`]|=\\s*(alert|prompt|confirm|eval)\\s*[,;]"
                        + "|\\.\\s*(find|map|call|apply|foreach|filter|some|every|then)\\s*\\(\\s*(alert|prompt|confirm|eval)\\s*\\)")),
        // a global reached by a computed name and called: top["al"+"ert"](1), self[atob('...')]()
        new Check(new String[] {"[", "]"}, new String[] {"top", "self", "window", "parent", "frames", "globalthis"},
                Pattern.compile("\\b(top|self|window|parent|frames|globalthis)\\s*\\[[^\\]]+\\]\\s*[(`]"))};


    /** {@code ..} followed by junk that no decoder makes sense of, more than once: an encoding fuzzer at work. */
    private static final Pattern DOT_DOT_JUNK = Pattern.compile("(\\.\\.[^\\w\\s.]{1,16}){2,}");
    /**
     * An input that is itself the absolute path of a file attackers read (a sentence that mentions
     * one, such as a search for "cat /etc/hosts", is not).
     */
    private static final Check SENSITIVE_PATH = new Check(new String[0], new String[] {"etc/", "proc/", "windows/",
        "winnt/", "boot.ini", "inetpub/", "web-inf/", "meta-inf/", ".ht", "file:"}, Pattern.compile("^\\s*[^\\w\\s]*(file:/*)?([a-z]:)?[./]*("
            + "etc/(passwd|shadow|group|hosts|issue|hostname|sudoers|crontab|fstab|environment)\\b|proc/(self|\\d+)/"
            + "|(windows|winnt)/|boot\\.ini\\b|inetpub/|web-inf/|meta-inf/|\\.ht(access|passwd)\\b)|^\\s*file:/"));
    /** File names attackers aim at; only with a {@code ..} in the same input. */
    private static final Pattern SENSITIVE_NAME = Pattern.compile(
            "etc\\S+(passwd|shadow|issue|hosts|group|hostname)\\b|system32\\S+drivers|\\b(boot|win|system)\\.ini\\b|(boot|win)\\.ini$|system32|\\.htaccess|\\bid_rsa\\b|web\\.xml");

    /** Commands an injected shell word runs; a word must also be followed by something argument-like. */
    private static final java.util.Set<String> COMMANDS = java.util.Set.of("cat", "ls", "id", "whoami", "uname", "wget",
            "curl", "nc", "ncat", "netcat", "bash", "sh", "zsh", "ksh", "csh", "python", "python2", "python3", "perl",
            "ruby", "php", "node", "rm", "chmod", "chown", "ping", "nslookup", "dig", "powershell", "cmd", "certutil",
            "sleep", "echo", "printenv", "env", "ifconfig", "ipconfig", "netstat", "net", "netsh", "reg", "systeminfo",
            "sysinfo", "tasklist", "taskkill", "type", "dir", "pwd", "which", "hostname", "telnet", "tftp", "ftp", "ssh",
            "scp", "base64", "xxd", "head", "tail", "more", "find", "grep", "awk", "sed", "kill", "ps", "touch", "mkdir",
            "cp", "mv", "sudo", "su", "crontab", "nohup", "timeout", "wmic", "bitsadmin", "mshta", "rundll32", "regsvr32",
            "cscript", "wscript");
    /** Windows commands whose first argument is a word, and those words. */
    private static final java.util.Map<String, java.util.Set<String>> WORD_COMMANDS = java.util.Map.of(
            "net", java.util.Set.of("user", "localgroup", "group", "view", "share", "use", "start", "stop", "session",
                    "accounts"),
            "netsh", java.util.Set.of("firewall", "advfirewall", "interface", "wlan", "http"),
            "reg", java.util.Set.of("add", "query", "delete", "save", "export", "import"));
    /** Blanks looked through between a separator, a command and its argument. */
    private static final int MAX_GAP = 16;
    private static final String[] BIN_DIRECTORIES = {"/usr/local/bin/", "/usr/local/sbin/", "/usr/bin/", "/usr/sbin/",
        "/bin/", "/sbin/"};

    /** Command and code execution other than a shell separator followed by a command (see {@link #shellCommand}). */
    private static final Check[] COMMAND = {
        // a binary called by its absolute path right after a separator or quote
        new Check(new String[] {"bin/"}, new String[0],
                Pattern.compile("([;|&\\n]|\\$\\(|[\\w)]`)\\s*/(usr/)?(local/)?s?bin/[a-z]")),
        new Check(new String[] {"ifs"}, new String[0], Pattern.compile("\\$\\{ifs\\}|\\$ifs\\b")),
        new Check(new String[0], new String[] {"cmd", "powershell"},
                Pattern.compile("\\bcmd(\\.exe)?\\s+/[ck]\\b|\\bpowershell(\\.exe)?\\s+-")),
        // shellshock
        new Check(new String[] {"(", ")", "{", ";"}, new String[0], Pattern.compile("\\(\\s*\\)\\s*\\{\\s*:?\\s*;\\s*\\}")),
        // server-side includes and PHP
        new Check(new String[0], new String[] {"<!--", "<?"}, Pattern.compile("<!--\\s*#\\s*(exec|include)\\b|<\\?(php\\b|=)")),
        new Check(new String[] {"("}, new String[] {"system", "exec", "passthru", "popen", "proc_open", "eval", "assert",
            "phpinfo", "phpversion", "getruntime", "processbuilder"}, Pattern.compile(
                "\\b(system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec|eval|assert)\\s*\\(\\s*['\"`$]"
                + "|\\b(phpinfo|phpversion)\\s*\\(\\s*\\)|\\bruntime\\s*\\.\\s*getruntime\\s*\\(|\\bprocessbuilder\\s*\\(")),
        // Java expression languages (SpEL, OGNL) reaching the runtime
        new Check(new String[] {"java.lang"}, new String[0], Pattern.compile(
                "\\bt\\s*\\(\\s*java\\.lang\\.(runtime|processbuilder|system|class)\\b|@java\\.lang\\.(runtime|system)@"
                + "|new\\s+java\\.lang\\.processbuilder\\s*\\(")),
        new Check(new String[] {"memberaccess"}, new String[0], Pattern.compile("#_?memberaccess|_memberaccess\\s*[\\[.=]")),
        // expression-language and template execution, template-injection probes
        new Check(new String[0], new String[] {"${", "{{", "__", "{%", "$_"}, Pattern.compile(
                "\\$\\{@?[a-z_]+\\s*\\(|\\{\\$\\{|__(class|subclasses|globals|builtins|mro)__"
                // a template expression that calls something, a template statement, PHP's request globals
                + "|\\{\\{\\s*[a-z_][\\w.]*\\s*\\(|\\{%-?\\s*(for|if|set|import|include|extends|macro|raw)\\s"
                + "|\\{\\s*\\$_(get|post|request|cookie|server|env)\\s*\\["
                + "|\\{\\{\\s*\\d+\\s*[-+*/ ]\\s*\\d+\\s*\\}\\}|\\$\\{\\s*\\d+\\s*[-+*/]\\s*\\d+\\s*\\}")),
        // a reverse shell
        new Check(new String[] {"-e", "sh"}, new String[0], Pattern.compile("\\s-e\\s+\\S*/(ba|z|k|c|da)?sh\\b"))};

    /** Request-level SQL injection: a few forms that ordinary text does not take, each run only when its literals are there. */
    private static final Check[] SQLI = {
        new Check(new String[] {"union", "select"}, new String[0],
                Pattern.compile("\\bunion\\b[\\s/*()]+(all\\b[\\s/*()]+|distinct\\b[\\s/*()]+)?select\\b")),
        // a quote that closes a string, then a condition, another statement, or a comment
        new Check(new String[] {"'"}, new String[] {"or", "and", "||", "&&"}, Pattern.compile(
                "'\\s*\\)*\\s*(or|and|xor|\\|\\||&&)\\s+('?\\w*'?\\s*(=|<|>|like\\b)|\\d+\\s*(=|<|>)|true\\b|not\\b)")),
        new Check(new String[] {"'", ";"}, new String[0], Pattern.compile(
                "'\\s*\\)*\\s*;\\s*(drop|delete|insert|update|alter|create|truncate|exec|shutdown|declare|select)\\b")),
        new Check(new String[] {"'"}, new String[] {"--", "#", "/*"},
                Pattern.compile("[\\w)]'\\s*\\)*\\s*(--[\\s-]*|#\\s*)$|'\\s*/\\*")),
        new Check(new String[] {"("}, new String[] {"sleep", "benchmark", "receive_message", "load_file"}, Pattern.compile(
                "\\b(sleep|pg_sleep)\\s*\\(\\s*\\d+(\\.\\d+)?\\s*\\)|\\bbenchmark\\s*\\(\\s*\\d+\\s*,"
                + "|\\bdbms_pipe\\.receive_message\\s*\\(|\\bload_file\\s*\\(")),
        new Check(new String[0], new String[] {"waitfor", "information_schema", "pg_catalog", "sysobjects", "mysql.user",
            "outfile", "dumpfile"}, Pattern.compile("\\bwaitfor\\s+delay\\s+'"
                + "|\\b(information_schema|pg_catalog|sysobjects|mysql\\.user)\\b|\\binto\\s+(out|dump)file\\b")),
        new Check(new String[] {"="}, new String[] {"or", "and"},
                Pattern.compile("\\b(or|and)\\s+\\d+\\s*=\\s*\\d+\\s*(--|#|/\\*|$)"))};

    /**
     * What turns an XSS shape into an exploit: a call that only a proof of concept or a payload makes
     * (a dialog, {@code eval}, a fetch), or a reach for the cookie, the domain or the location.
     */
    private static final Pattern XSS_EXPLOIT = Pattern.compile(
            "\\b(alert|prompt|confirm|eval|settimeout|setinterval|fetch|atob|importscripts)\\s*[(`]"
            + "|\\bdocument\\s*\\.\\s*(cookie|domain|location|write)\\b|\\bwindow\\s*\\.\\s*(location|open)\\b"
            + "|\\bstring\\s*\\.\\s*fromcharcode\\b|\\blocation\\s*(\\.\\s*href\\s*)?=");
    /** The files a traversal aims at when it is an attack rather than a relative link. */
    private static final Pattern TRAVERSAL_TARGET = Pattern.compile(
            "etc/(passwd|shadow|group|hosts|issue|hostname|sudoers|crontab|fstab|environment)\\b|proc/(self|\\d+)/"
            + "|(windows|winnt)/(win\\.ini|system\\.ini|system32)|\\b(boot|win|system)\\.ini\\b|inetpub/|web-inf/"
            + "|meta-inf/|\\.ht(access|passwd)\\b|\\bid_rsa\\b|\\.ssh/|\\.aws/credentials|\\.env\\b");
    /** Wrappers that read a local file or run code through an include. */
    private static final Pattern INCLUDE_WRAPPER = Pattern.compile(
            "^\\s*file:/+(etc|proc|windows|winnt|[a-z]:)/|\\b(php:/+(filter|input)|expect:/+|phar:/+|zip:/+)");
    /**
     * Commands that are the payload of an injection rather than something a user writes: reading the
     * password file, asking who the process is, fetching a script into a shell, a reverse shell, the
     * Java runtime reached from an expression language, PHP calling the system.
     */
    private static final Pattern COMMAND_EXPLOIT = Pattern.compile(
            "(^|[;|&`\\n]|\\$\\()\\s*(cat|head|tail|more|less|nl|tac|type|strings|base64)\\s+[^;|&\\n]*"
            + "(/etc/(passwd|shadow|group)\\b|win\\.ini\\b|boot\\.ini\\b)"
            + "|([;|&\\n]|\\$\\()\\s*(/usr/bin/|/bin/)?(id|whoami|uname\\s+-a|ifconfig|ipconfig\\s*/all)\\s*($|[;|&`)#\\n])"
            + "|\\b(wget|curl)\\b[^;|&\\n]*\\|\\s*(/bin/)?(ba|z|k|da)?sh\\b"
            + "|/dev/(tcp|udp)/[\\w.]+/\\d+|\\b(nc|ncat|netcat)\\b[^;|&\\n]*\\s-[a-z]*[ec]\\b"
            + "|\\bbash\\s+-i\\b|\\bjava\\.lang\\.(runtime|processbuilder)\\b|\\bgetruntime\\s*\\(\\s*\\)\\s*\\.\\s*exec\\b"
            + "|#_?memberaccess|<\\?(php\\b|=)[^>]*\\b(system|exec|shell_exec|passthru|popen)\\s*\\("
            + "|\\(\\s*\\)\\s*\\{\\s*:?\\s*;\\s*\\}");

    /** Probes for what a Jakarta EE application does not serve, on a lower-cased, normalised path. */
    private static final Pattern SCANNER_PATH = Pattern.compile("(^|/)(\\.env(\\.[a-z]+)?$|\\.env/|\\.git(/|$)|\\.svn/|\\.hg/"
            + "|\\.aws/|\\.ssh/|\\.ds_store$|\\.ht(access|passwd)$|wp-(login|admin|content|includes|config)|xmlrpc\\.php"
            + "|phpmyadmin|cgi-bin/|boaform/|hnap1(/|$)|vendor/phpunit/|_ignition/|[^/]+\\.(php[0-9]?|aspx?|cfm)$)");

    /**
     * Whether a request path asks for what a Jakarta EE application does not serve ({@code /.env},
     * {@code /.git/}, WordPress paths, {@code *.php}, {@code cgi-bin/} ...): a scanner's probe. Every
     * probe has a {@code .}, {@code -} or {@code _}, or one of a few names: other paths cost one scan.
     */
    static boolean scannerPath(String path) {
        if (path.indexOf('.') < 0 && path.indexOf('-') < 0 && path.indexOf('_') < 0
                && !containsIgnoringCase(path, "phpmyadmin") && !containsIgnoringCase(path, "hnap1")
                && !containsIgnoringCase(path, "boaform")) {
            return false;
        }
        return SCANNER_PATH.matcher(Transformer.NORMALIZE_PATH.apply(path.toLowerCase(Locale.ROOT))).find();
    }

    /** Does nothing; calling it loads this class, which compiles every pattern. */
    static void initialize() {
        // the static initialisers have run
    }

    static boolean xss(String value) {
        return xss(value, false);
    }

    /** XSS that is an exploit: an XSS shape ({@link #xss}) that also calls or reaches what only a payload does. */
    static boolean xssExploit(String value) {
        return xss(value, true);
    }

    /**
     * The characters {@link #xss}'s first screen looks for, as a {@link CharSignature} mask the rule
     * engine tests before calling it: change both together ({@code DetectorScreenTest} checks them).
     */
    static final long XSS_SCREEN = CharSignature.ofAll("<:(=&%`+\\");

    private static boolean xss(String value, boolean exploit) {
        if (value.indexOf('<') < 0 && value.indexOf(':') < 0 && value.indexOf('(') < 0 && value.indexOf('=') < 0
                && value.indexOf('&') < 0 && value.indexOf('%') < 0 && value.indexOf('`') < 0 && value.indexOf('+') < 0
                && value.indexOf('\\') < 0) {
            return false;
        }
        String text = scriptUnescape(decode(value));
        if (text.indexOf('\u00bc') >= 0) {
            text = text.replace('\u00bc', '<').replace('\u00be', '>'); // read as US-ASCII, these are < and >
        }
        boolean shape = dangerousTag(text) || Check.any(XSS, text);
        boolean comments = text.indexOf("/*") >= 0;
        boolean breaks = text.indexOf('\t') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
        if (!shape && (comments || breaks)) {
            // Once more, as a browser joins what these split: CSS comments (expr/**/ession() and tabs
            // and line breaks inside a URL ("jav&#x09;ascript:" is "javascript:"). One more pass, not one each.
            String joined = comments ? CSS_COMMENT.matcher(text).replaceAll("") : text;
            if (breaks) {
                joined = joined.replace("\t", "").replace("\n", "").replace("\r", "");
            }
            shape = Check.any(XSS, joined);
        }
        return shape && (!exploit || XSS_EXPLOIT.matcher(text).find());
    }

    /** How much of a value's markup the response check looks for. */
    static final int MAX_REFLECTED = 256;

    /**
     * The part of a request value that, found verbatim in an HTML page, shows the page did not escape
     * it: from its first markup character ({@code <} opening a tag, a comment or a declaration, or a
     * quote that can end an attribute) on, at most {@link #MAX_REFLECTED} characters. {@code null}
     * when the value cannot inject markup, or is too plain to tell its reflection from the page's own
     * markup (a bare {@code <b>} or {@code I <3 it}): it must be shaped like XSS, or carry an attribute
     * or a call.
     */
    public static String reflectableMarkup(String value) {
        if (value == null || value.length() < 3) {
            return null;
        }
        int start = -1;
        for (int i = 0; i < value.length() && start < 0; i++) {
            char c = value.charAt(i);
            if (c == '<' && i + 1 < value.length()) {
                char next = value.charAt(i + 1);
                if (Character.isLetter(next) || next == '/' || next == '!' || next == '?') {
                    start = i;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                start = i;
            }
        }
        if (start < 0) {
            return null;
        }
        String fragment = value.substring(start, Math.min(value.length(), start + MAX_REFLECTED));
        if (fragment.length() < 4) {
            return null;
        }
        boolean tag = fragment.indexOf('<') >= 0;
        boolean call = fragment.indexOf('=') >= 0 || fragment.indexOf('(') >= 0 || fragment.indexOf('`') >= 0;
        if (tag && call) {
            return fragment;
        }
        // A bare tag (<b>), or a quote in prose ("it's", "5' 10\"") with an '=' somewhere, is not enough:
        // only an XSS shape is.
        return xss(value) ? fragment : null;
    }

    /** Whether {@code value} decodes to a lone {@code <} (for the corpus report: an encoding, not a payload). */
    static boolean lessThanAlone(String value) {
        return decode(value).strip().equals("<");
    }

    /** {@code <script}, {@code </iframe}, {@code < object}: by hand, since every {@code <} starts one. */
    static boolean dangerousTag(String text) {
        for (int lt = text.indexOf('<'); lt >= 0; lt = text.indexOf('<', lt + 1)) {
            int i = lt + 1;
            while (i < text.length() && (text.charAt(i) == '/' || Character.isWhitespace(text.charAt(i)))) {
                i++;
            }
            int nameStart = i;
            while (i < text.length() && i - nameStart <= 8 && text.charAt(i) >= 'a' && text.charAt(i) <= 'z') {
                i++;
            }
            if (i > nameStart && (i == text.length() || !Character.isLetterOrDigit(text.charAt(i)))
                    && DANGEROUS_TAGS.contains(text.substring(nameStart, i)) && armed(text, lt, nameStart, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the dangerous tag opened at {@code lt} (its name from {@code nameStart} to
     * {@code nameEnd}) can do something: it has an attribute with a value ({@code <iframe src=..},
     * {@code <meta http-equiv=..}), another tag opens inside it, it is never closed by {@code >}, or it
     * is a script whose content calls something or is closed by {@code </script}. A tag named in prose
     * ("the {@code <script>} tag", "{@code <script defer>} or {@code <script async>}?", "why is my
     * {@code <iframe>} blank") is none of these.
     */
    private static boolean armed(String text, int lt, int nameStart, int nameEnd) {
        int close = text.indexOf('>', nameEnd);
        if (close < 0) {
            return nameEnd < text.length(); // "<script src=//x" cut short; a bare "<script" at the end is a word
        }
        int equals = text.indexOf('=', nameEnd);
        int nested = text.indexOf('<', nameEnd);
        if (equals >= 0 && equals < close || nested >= 0 && nested < close) {
            return true;
        }
        if (lt > 0 && text.charAt(lt - 1) == '>') {
            return true; // right after another tag: markup, not a tag named in a sentence
        }
        if (text.charAt(lt + 1) == '/' || !text.startsWith("script", nameStart)) {
            return false;
        }
        if (text.indexOf("</script", close) >= 0 || text.indexOf('=', close) >= 0) {
            return true;
        }
        for (int k = close + 2; k < text.length(); k++) {
            char c = text.charAt(k);
            if ((c == '(' || c == '`') && isCallee(text.charAt(k - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isCallee(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c == ']' || c == ')';
    }

    /**
     * A pattern and the literals it cannot match without: all of {@code all}, and one of {@code any}
     * when that is not empty. Checking them costs a few vectorised scans.
     */
    private record Check(String[] all, String[] any, Pattern pattern) {

        static boolean any(Check[] checks, String text) {
            for (Check check : checks) {
                if (check.mayMatch(text) && check.pattern.matcher(text).find()) {
                    return true;
                }
            }
            return false;
        }

        boolean mayMatch(String text) {
            for (String literal : all) {
                if (!text.contains(literal)) {
                    return false;
                }
            }
            if (any.length == 0) {
                return true;
            }
            for (String literal : any) {
                if (text.contains(literal)) {
                    return true;
                }
            }
            return false;
        }
    }

    static boolean pathTraversal(String value) {
        String path = pathText(value);
        return path != null && pathTraversalShape(path);
    }

    /**
     * Path traversal that is an exploit: a traversal ({@link #pathTraversal}) that climbs to a file
     * attackers read, or an include wrapper (php://filter, file:///etc/...) reaching one.
     */
    static boolean pathTraversalExploit(String value) {
        String path = pathText(value);
        if (path == null) {
            return false;
        }
        if (path.indexOf(':') >= 0 && INCLUDE_WRAPPER.matcher(path).find()) {
            return true;
        }
        return path.contains("..") && pathTraversalShape(path) && TRAVERSAL_TARGET.matcher(path).find();
    }

    /** {@link #pathText}'s screen as a signature mask ({@code 0x} and the full-width dot included). */
    static final long PATH_SCREEN = CharSignature.ofAll(".%/\\:") | CharSignature.NON_ASCII | CharSignature.HEX_PREFIX;

    /** The value decoded and normalised as a path, or {@code null} when it holds nothing a path attack needs. */
    private static String pathText(String value) {
        if (value.indexOf('.') < 0 && value.indexOf('%') < 0 && value.indexOf('/') < 0 && value.indexOf('\\') < 0
                && value.indexOf(':') < 0 && value.indexOf('\uff0e') < 0 && value.indexOf("0x") < 0
                && value.indexOf("0X") < 0) {
            return null;
        }
        // A lenient decoder may drop bytes it cannot decode (U+FFFD): so does this check.
        return Transformer.NORMALIZE_PATH.apply(pathLookAlikes(decode(value)).replace("\ufffd", ""));
    }

    private static boolean pathTraversalShape(String path) {
        if (dotDotSegment(path) || SENSITIVE_PATH.mayMatch(path) && SENSITIVE_PATH.pattern().matcher(path).find()) {
            return true;
        }
        if (path.contains("..") && (DOT_DOT_JUNK.matcher(path).find() || SENSITIVE_NAME.matcher(path).find())) {
            return true;
        }
        // One word of escapes no decoder makes sense of, ending in a file attackers read: a fuzzer's
        // spelling of a traversal (%%32%%65%%32%%65%5cboot.ini, %c0%fe%c0%fe%c1%afetc%c1%afissue).
        if (path.indexOf(' ') >= 0) {
            return false;
        }
        com.google.re2j.Matcher name = SENSITIVE_NAME.matcher(path);
        if (!name.find()) {
            return false;
        }
        for (int i = 0; i < name.start(); i++) {
            char c = path.charAt(i);
            if (!Character.isLetterOrDigit(c) && "/._-".indexOf(c) < 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code ..} as a whole path segment: {@code ../}, {@code ....//}, or {@code ..} ending the path or before {@code ;}. */
    static boolean dotDotSegment(String path) {
        int segments = 0;
        for (int at = path.indexOf(".."); at >= 0; at = path.indexOf("..", at + 1)) {
            if (at > 0 && path.charAt(at - 1) != '/') {
                continue;
            }
            int end = at + 2;
            if (end == path.length() || path.charAt(end) == ';') {
                return true; // "/.." ending the path, "..;/" (a servlet container's path parameter)
            }
            if (path.charAt(end) == '/') {
                segments++;
            } else {
                while (end < path.length() && path.charAt(end) == '.') {
                    end++;
                }
                if (end < path.length() && path.charAt(end) == '/') {
                    return true; // "..../": no relative link is written so
                }
            }
            if (segments >= 2) {
                return true; // one "../" is a relative link (../images/logo.png); two climb
            }
        }
        return false;
    }

    /** {@link #mayBeCommand}'s screen as a signature mask (its words as the sequences cmd, rsh, jav and "-"). */
    static final long COMMAND_SCREEN = CharSignature.ofAll(";|&`$(<{#_%+\\-") | CharSignature.LINE_FEED
            | CharSignature.CARRIAGE_RETURN | CharSignature.CMD | CharSignature.RSH | CharSignature.JAV;

    /**
     * Whether {@code value} has anything a command-injection shape needs: a shell separator or
     * substitution, brackets, an escape or encoding that could make one, or the name of a runtime the
     * checks look for. Most values (words, numbers, paths) have none and cost one scan.
     */
    private static boolean mayBeCommand(String value) {
        for (int i = 0; i < value.length(); i++) {
            switch (value.charAt(i)) {
                case ';', '|', '&', '`', '$', '\n', '\r', '(', '<', '{', '#', '_', '%', '+', '\\':
                    return true;
                default:
                    break;
            }
        }
        return value.indexOf("-e") >= 0 || value.indexOf("-E") >= 0 || containsIgnoringCase(value, "cmd")
                || containsIgnoringCase(value, "powershell") || containsIgnoringCase(value, "java");
    }

    /**
     * {@code text.toLowerCase().contains(word)} for a lower-case ASCII {@code word} starting with a
     * letter, without the copy: the (vectorised) search for its first letter in either case, then a
     * comparison only where it starts.
     */
    private static boolean containsIgnoringCase(String text, String word) {
        char lower = word.charAt(0);
        char upper = Character.toUpperCase(lower);
        int last = text.length() - word.length();
        for (int at = text.indexOf(lower); at >= 0 && at <= last; at = text.indexOf(lower, at + 1)) {
            if (text.regionMatches(true, at + 1, word, 1, word.length() - 1)) {
                return true;
            }
        }
        for (int at = text.indexOf(upper); at >= 0 && at <= last; at = text.indexOf(upper, at + 1)) {
            if (text.regionMatches(true, at + 1, word, 1, word.length() - 1)) {
                return true;
            }
        }
        return false;
    }

    static boolean commandInjection(String value) {
        if (!mayBeCommand(value)) {
            return false;
        }
        String text = commandText(value);
        return shellCommand(text, true) || Check.any(COMMAND, text);
    }

    /**
     * The value decoded for the shell checks. An escaped line break ({@code \n}, {@code \r}) that
     * starts the value, or follows a separator, is read as the line break a careless layer would make
     * of it; elsewhere (a {@code printf("a\n")} snippet) it stays text.
     */
    private static String commandText(String value) {
        String text = decode(value);
        if (text.indexOf('\\') < 0) {
            return text;
        }
        return ESCAPED_BREAK.matcher(text).replaceAll("$1\n");
    }

    private static final Pattern ESCAPED_BREAK = Pattern.compile("(^[\"'`\\s]*|[;|&`]\\s*)\\\\[nr]");

    /**
     * Command injection that is an exploit: an injection shape ({@link #commandInjection}) whose
     * command is a payload ({@link #COMMAND_EXPLOIT}).
     */
    static boolean commandInjectionExploit(String value) {
        if (!mayBeCommand(value)) {
            return false;
        }
        String text = commandText(value);
        return (shellCommand(text, false) || Check.any(COMMAND, text)) && COMMAND_EXPLOIT.matcher(text).find();
    }

    /**
     * A shell separator or substitution ({@code ; | || & && $( `}), then a known command (perhaps by
     * its path in a bin directory) followed by something that only a shell argument looks like: a
     * flag, a path, a number, a variable, a drive, a URL, another separator, or the end. After a new
     * line the argument is required, since a word alone on a line is ordinary text. By hand rather
     * than by one large pattern: every separator would start it, and ';' and '&' are common.
     */
    static boolean shellCommand(String text, boolean lenient) {
        int length = text.length();
        boolean prose = lenient && text.indexOf('`') >= 0 && proseAroundCodeSpans(text);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            boolean newline = c == '\n' || c == '\r';
            int next;
            if (c == ';' || c == '`' || newline) {
                next = i + 1;
            } else if (c == '|' || c == '&') {
                next = i + 1 < length && text.charAt(i + 1) == c ? i + 2 : i + 1;
            } else if (c == '$' && i + 1 < length && text.charAt(i + 1) == '(') {
                next = i + 2;
            } else {
                continue;
            }
            if (c == '`' && prose) {
                continue; // a code span in prose: "I tried `echo $HOME` but it fails"
            }
            if (lenient && (c == ';' || c == '|' || c == '&') && commandBefore(text, i)) {
                continue; // a pipeline or a sequence someone wrote: "cat /var/log/syslog | tail -n 20"
            }
            // Bounded, so that a long run of separators or spaces costs linear time, not quadratic.
            int limit = Math.min(length, next + MAX_GAP);
            while (next < limit && (Character.isWhitespace(text.charAt(next))
                    || !newline && (text.charAt(next) == '`' || text.charAt(next) == '$' || text.charAt(next) == '('))) {
                next++;
            }
            for (String directory : BIN_DIRECTORIES) {
                if (text.startsWith(directory, next)) {
                    next += directory.length();
                    break;
                }
            }
            int end = next;
            while (end < length && end - next <= 12 && isWordChar(text.charAt(end))) {
                end++;
            }
            if (end == next || end - next > 12 || end < length && isWordChar(text.charAt(end))) {
                continue;
            }
            String word = text.substring(next, end);
            java.util.Set<String> subcommands = WORD_COMMANDS.get(word);
            if (subcommands != null && subcommandFollows(text, end, subcommands)) {
                return true;
            }
            // A line break that opens the value ends whatever the application put before it, as ';' would.
            boolean opening = newline && blankBefore(text, i);
            if (COMMANDS.contains(word) && argumentFollows(text, end, newline && !opening)) {
                return true;
            }
        }
        return false;
    }

    /** Tools that start the pipelines and sequences people write about, beyond {@link #COMMANDS}. */
    private static final java.util.Set<String> TOOLS = java.util.Set.of("git", "npm", "npx", "yarn", "mvn", "gradle",
            "docker", "kubectl", "make", "pip", "pip3", "java", "javac", "go", "cargo", "jq", "sort", "uniq", "wc", "xargs",
            "tar", "zip", "unzip", "du", "df", "apt", "brew", "systemctl", "journalctl", "history", "source", "export", "cd",
            "time", "date", "convert", "openssl", "tr", "cut", "tee", "less", "diff", "rsync", "lsof", "ss", "free", "top",
            "htop", "yes", "seq", "printf", "read", "mount", "dmesg", "gzip", "gunzip", "file", "stat", "ln", "man");

    /**
     * Whether the stretch before the separator at {@code at} (back to the previous separator or the
     * start) runs a command itself: then the separator continues a pipeline or a sequence the user
     * wrote, rather than breaking out of an argument the application built. An injection starts with
     * the application's value ({@code 127.0.0.1; id}, {@code x | cat /etc/passwd}) or nothing.
     */
    private static boolean commandBefore(String text, int at) {
        int start = at;
        while (start > 0 && ";|&`\n\r".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        int i = start;
        while (i < at) {
            while (i < at && !isWordChar(text.charAt(i))) {
                i++;
            }
            int end = i;
            while (end < at && (isWordChar(text.charAt(end)) || text.charAt(end) == '.' || text.charAt(end) == '-')) {
                end++;
            }
            boolean startsToken = i == start || Character.isWhitespace(text.charAt(i - 1)) || "'\"(/".indexOf(text.charAt(i - 1)) >= 0;
            if (end > i && startsToken && (end == at || Character.isWhitespace(text.charAt(end)))) {
                String word = text.substring(i, end);
                if (COMMANDS.contains(word) || TOOLS.contains(word)) {
                    return true;
                }
            }
            i = end + 1;
        }
        return false;
    }

    /**
     * Whether the text is prose around backtick code spans: at least two ordinary words outside the
     * spans. An injected substitution ({@code a`id`}, {@code 127.0.0.1`whoami`}) has none.
     */
    private static boolean proseAroundCodeSpans(String text) {
        int words = 0;
        boolean inSpan = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '`') {
                inSpan = !inSpan;
                i++;
                continue;
            }
            if (!inSpan && c >= 'a' && c <= 'z' && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
                int end = i;
                while (end < text.length() && text.charAt(end) >= 'a' && text.charAt(end) <= 'z') {
                    end++;
                }
                if (end - i >= 2 && (end == text.length() || !isWordChar(text.charAt(end)))
                        && !COMMANDS.contains(text.substring(i, end)) && ++words >= 2) {
                    return true;
                }
                i = end;
                continue;
            }
            i++;
        }
        return false;
    }

    /** Whether only blanks and quotes come before {@code at}. */
    private static boolean blankBefore(String text, int at) {
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) && c != '\'' && c != '"' && c != '`') {
                return false;
            }
        }
        return true;
    }

    private static boolean isWordChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_';
    }

    private static boolean subcommandFollows(String text, int at, java.util.Set<String> subcommands) {
        int start = at;
        int limit = Math.min(text.length(), at + MAX_GAP);
        while (start < limit && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        int end = start;
        while (end < text.length() && end - start <= 12 && isWordChar(text.charAt(end))) {
            end++;
        }
        return start > at && end > start && (end == text.length() || !isWordChar(text.charAt(end)))
                && subcommands.contains(text.substring(start, end));
    }

    private static boolean argumentFollows(String text, int at, boolean required) {
        int i = at;
        int limit = Math.min(text.length(), at + MAX_GAP);
        while (i < limit && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        boolean spaced = i > at;
        if (i == text.length()) {
            return !required;
        }
        char c = text.charAt(i);
        if (required) {
            return spaced && "-/$'\"~".indexOf(c) >= 0;
        }
        if (";|&`)\n\r".indexOf(c) >= 0) {
            return true;
        }
        if (!spaced) {
            return false;
        }
        if ("-/.$'\"~%\\".indexOf(c) >= 0 || c >= '0' && c <= '9') {
            return true;
        }
        if (c >= 'a' && c <= 'z' && i + 2 < text.length() && text.charAt(i + 1) == ':'
                && (text.charAt(i + 2) == '\\' || text.charAt(i + 2) == '/')) {
            return true; // a drive: c:\
        }
        int letters = i;
        while (letters < text.length() && text.charAt(letters) >= 'a' && text.charAt(letters) <= 'z') {
            letters++;
        }
        return letters > i && text.startsWith("://", letters); // a URL
    }

    static boolean sqlInjection(String value) {
        return Check.any(SQLI, decode(value));
    }

    /** Percent (repeated) and entity decoding, NULs removed, lower case, UTF-7 angle brackets. */
    private static String decode(String value) {
        String decoded = value;
        if (decoded.indexOf("+AD") >= 0 || decoded.indexOf("+ad") >= 0) {
            // UTF-7 before percent-decoding, which would read its '+' as a space
            decoded = decoded.replace("+ADw-", "<").replace("+AD4-", ">").replace("+ACI-", "\"").replace("+ACc-", "'")
                    .replace("+AC8-", "/").replace("+adw-", "<").replace("+ad4-", ">");
        }
        decoded = Transformer.URL_DECODE.apply(decoded);
        decoded = Transformer.HTML_ENTITY_DECODE.apply(decoded);
        if (decoded.indexOf('%') >= 0) {
            decoded = Transformer.URL_DECODE.apply(decoded); // entities that spelt escapes
        }
        decoded = Transformer.REMOVE_NULLS.apply(decoded).toLowerCase(Locale.ROOT);
        if (decoded.indexOf("+ad") >= 0) {
            decoded = decoded.replace("+adw-", "<").replace("+ad4-", ">").replace("+aci-", "\"");
        }
        return decoded;
    }

    /** JavaScript and CSS escapes of letters and brackets: {@code \u0061}, {@code \x61}, {@code \61 }. */
    static String scriptUnescape(String value) {
        if (value.indexOf('\\') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char kind = value.charAt(i + 1);
                int digits = kind == 'u' ? 4 : kind == 'x' ? 2 : 0;
                int from = digits > 0 ? i + 2 : i + 1;
                int max = digits > 0 ? digits : 6;
                int end = from;
                while (end < value.length() && end - from < max && Character.digit(value.charAt(end), 16) >= 0) {
                    end++;
                }
                if (end > from && (digits == 0 || end - from == digits)) {
                    int code = Integer.parseInt(value.substring(from, end), 16);
                    if (code > 0 && code < 0x80) {
                        out.append(Character.toLowerCase((char) code));
                        i = end - 1;
                        if (digits == 0 && i + 1 < value.length() && value.charAt(i + 1) == ' ') {
                            i++; // CSS ends an escape with one space
                        }
                        continue;
                    }
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Characters that some file systems or decoders take for {@code .}, {@code /} or {@code \}, and hex spellings of them. */
    static String pathLookAlikes(String value) {
        String path = value;
        if (path.indexOf("0x") >= 0) {
            path = path.replace("0x2e", ".").replace("0x2f", "/").replace("0x5c", "\\");
        }
        StringBuilder out = null;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            char mapped = switch (c) {
                case '\uff0e', '\u2024', '\ufe52' -> '.';
                case '\uff0f', '\u2215', '\u2044', '\u29f8' -> '/';
                case '\uff3c', '\u2216', '\u29f5', '\ufe68' -> '\\';
                default -> c;
            };
            if (mapped != c && out == null) {
                out = new StringBuilder(path.length()).append(path, 0, i);
            }
            if (out != null) {
                out.append(mapped);
            }
        }
        return out == null ? path : out.toString();
    }
}
