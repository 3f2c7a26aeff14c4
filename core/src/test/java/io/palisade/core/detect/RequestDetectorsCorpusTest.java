package io.palisade.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import io.palisade.core.testing.TestCorpus;
import org.junit.jupiter.api.Test;

/**
 * The request-phase detectors over the public attack lists of the repository's corpus folder (XSS, path traversal,
 * command injection), and over benign text that must never fire: libinjection's false positives and
 * ordinary user input (names, prose, code-looking search terms, URLs, e-mail addresses). Writes
 * target/request-detectors.txt.
 */
class RequestDetectorsCorpusTest {

    static final Path CORPUS = TestCorpus.root();

    static List<String> lines(Path file) {
        try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
            return lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> files(String folder) {
        try (Stream<Path> files = Files.list(CORPUS.resolve("payloadsallthethings").resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".txt")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ordinary things users type, which no request rule may flag. */
    static final List<String> ORDINARY = List.of(
            "O'Brien", "Renée d'Anjou", "Jean-Luc O'Neil", "D'Angelo & Sons", "Smith; Jones", "Tom & Jerry",
            "Mary-Jane Watson-Parker", "李小龙", "Zoë Ødegaard",
            "I was tired; sleep came fast.", "Cats and dogs; cat lovers will enjoy it.", "Read it twice -- worth it; 10/10",
            "Select the best one, then update your order and delete the draft.", "Union Station at 5pm?",
            "He said 'or else' and left.", "5 > 3 and 2 < 4", "x < y and y > z", "I <3 this book", "a<b",
            "Use the <template> element", "How do I escape < and > in HTML?", "The expression (x + 1) is positive",
            "javascript: the good parts", "JavaScript: The Definitive Guide", "Where is the on/off switch?",
            "Is it onload or onclick?", "price: $5 (incl. tax)", "echo chamber", "ls -la explained", "id card",
            "sleep(8 hours) is healthy", "benchmark results", "wait... what?", "see ./docs/readme.md",
            "version 1.2.3", "C:\\Users\\alice\\Documents", "path/to/file.txt", "2026-11-25", "12:30", "+1 (555) 010-0100",
            "alice@example.com", "first.last+tag@sub.example.co.uk", "https://example.com/search?q=java&page=2",
            "http://localhost:8080/api/books", "www.example.org/a/b/c.html", "ftp://files.example.net/pub/file.tar.gz",
            "SELECT * FROM users", "for (int i = 0; i < n; i++) { sum += i; }", "if (a && b || c) return;",
            "SELECT title FROM books WHERE author = 'Austen'", "a = b; c = d;", "$HOME/bin", "cmd+shift+p",
            "npm run build && npm test", "git log | grep fix", "Hello | World", "50% off", "100%", "%20",
            "C# and F#", "#hashtag", "--verbose", "/* comment */", "It's 'quoted' -- mostly", "rock & roll",
            "Q&A: ask me anything", "AT&T", "R&D budget", "<b>bold</b>", "<i>note</i>", "<p>Paragraph</p>",
            "Dear Sir or Madam,\nI would like to order two copies.\nRegards", "cat\nid\nls", "Line one\r\nLine two",
            "¿Qué tal?", "naïve café", "emoji 😀 test", "tab\tseparated", "50/50", "1/2 cup sugar",
            // code-looking search terms
            "python eval() function", "setTimeout(fn, 100)", "how to use onload in javascript", "onClick handler in React",
            "alert box css", "JavaScript: alert vs console.log", "window.location.href redirect", "document.cookie example",
            "cat /etc/hosts", "what is /usr/bin/env", "rm -rf is dangerous", "ls -la", "git commit -m 'fix typo'",
            "sudo apt-get install maven", "echo $PATH", "x || y", "a | b", "if (x) { y(); }", "arr[i] = i * 2;",
            "SELECT name FROM users WHERE id = ?", "grep -r 'TODO' src/", "curl https://example.com", "<div class=\"x\">",
            "Please confirm (by e-mail) that you received it", "Shall I prompt (or wait)?", "java.lang.Runtime",
"C:\\Program Files\\App", "~/projects/palisade",
            // prose with symbols
            "Johnson & Johnson", "Salt & pepper; more please.", "Fish & chips", "Ben & Jerry's", "Order #12; thanks",
            "Chapter 3: The end; or is it?", "Wait... what?! 100% sure.", "She wrote \"online = always\"",
            "the on-call engineer", "one=1, two=2", "Mr. O'Connor -- the author", "L'Oréal", "rock'n'roll",
            "1 or 2 people", "between 5 and 10", "Version 2.0 (beta)", "Don't -- just don't.", "It's 5 o'clock",
            "He said: 'select your seat'", "Union of Soviet Socialist Republics", "/api/books?sort=title",
            "mailto:someone@example.com", "tel:+15550100100");

    static final StringBuilder MISSES = new StringBuilder();

    /**
     * The payloads of one list: one a line, except Mario Heiderich's vectors, which span several lines
     * each and are cut at their {@code <div id="N">} wrappers (a line of one is a fragment, not a payload).
     */
    static List<String> payloads(Path file) {
        if (file.getFileName().toString().equals("XSSDetection.txt")) {
            // Its table of the ways to write '<' alone (%3C, &lt, &#x3c; ...) lists encodings, not payloads.
            return lines(file).stream().filter(line -> !Detectors.lessThanAlone(line)).toList();
        }
        if (!file.getFileName().toString().equals("MarioXSSVectors.txt")) {
            return lines(file);
        }
        String all = String.join("\n", lines(file));
        List<String> vectors = new ArrayList<>();
        for (String part : all.split("<div id=\"\\d+\">")) {
            String vector = part.replace("//[\"'`-->]]>]</div>", "").strip();
            if (!vector.isEmpty()) {
                vectors.add(vector);
            }
        }
        return vectors;
    }

    private static String report(String name, List<Path> files, Predicate<String> detector, StringBuilder out) {
        int total = 0;
        int found = 0;
        for (Path file : files) {
            List<String> payloads = payloads(file);
            int hit = 0;
            for (String payload : payloads) {
                if (detector.test(payload)) {
                    hit++;
                } else {
                    MISSES.append(name).append(' ').append(file.getFileName()).append(": ").append(payload).append('\n');
                }
            }
            total += payloads.size();
            found += hit;
            out.append(String.format("%-28s %-52s %5d / %5d  %5.1f%%%n", name, file.getFileName(), hit, payloads.size(),
                    100.0 * hit / Math.max(1, payloads.size())));
        }
        out.append(String.format("%-28s %-52s %5d / %5d  %5.1f%%%n%n", name, "ALL", found, total, 100.0 * found / total));
        return found + "/" + total;
    }

    /** The lines of libinjection's lists, percent-decoded once, as a server hands them to the application. */
    static List<String> decodedLines(String prefix) {
        try (Stream<Path> files = Files.list(CORPUS.resolve("libinjection"))) {
            List<String> all = new ArrayList<>();
            files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted()
                    .forEach(f -> lines(f).forEach(line -> all.add(Transformer.percentDecode(line))));
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String reportLines(String name, String label, List<String> payloads, Predicate<String> detector,
            StringBuilder out) {
        int hit = 0;
        for (String payload : payloads) {
            if (detector.test(payload)) {
                hit++;
            } else {
                MISSES.append(name).append(' ').append(label).append(": ").append(payload).append('\n');
            }
        }
        out.append(String.format("%-28s %-52s %5d / %5d  %5.1f%%%n", name, label, hit, payloads.size(),
                100.0 * hit / Math.max(1, payloads.size())));
        return hit + "/" + payloads.size();
    }

    @Test
    void attackListsAreDetectedAndOrdinaryTextIsNot() throws IOException {
        StringBuilder out = new StringBuilder("Request-phase detectors over the corpus folder\n\n");
        // Lists of bare event-handler names are fuzzing material, not payloads: each is tried the way
        // such lists are used, as an attribute that breaks out of a quoted value.
        List<Path> handlerLists = files("xss").stream().filter(f -> f.getFileName().toString().contains("event_handlers")).toList();
        List<Path> xss = files("xss").stream().filter(f -> !handlerLists.contains(f)).toList();
        String xssRate = report("detect_xss", xss, Detectors::xss, out);
        List<String> handlers = new ArrayList<>();
        handlerLists.forEach(f -> lines(f).forEach(h -> handlers.add("\" " + h + "=alert(1) x=\"")));
        String handlerRate = reportLines("detect_xss", "event handlers in \" NAME=alert(1) x=\"", handlers,
                Detectors::xss, out);
        String libinjectionXss = reportLines("detect_xss", "libinjection xss-*.txt", decodedLines("xss-"), Detectors::xss, out);
        out.append('\n');
        String traversalRate = report("detect_path_traversal", files("path-traversal"),
                p -> Detectors.pathTraversal(p.replace("{FILE}", "etc/passwd")), out);
        String commandRate = report("detect_command_injection", files("command-injection"), Detectors::commandInjection, out);
        // A bare command ("ls", "whoami", "netstat -an") or a bare separator is a fuzzing fragment: it
        // harms only an application that runs a whole input as a command, and it is what users type
        // about shells. The rate over the lines that break out of an argument is the one to watch.
        List<String> breaking = new ArrayList<>();
        files("command-injection").forEach(f -> payloads(f).stream().filter(RequestDetectorsCorpusTest::breaksOut)
                .forEach(breaking::add));
        String breakingRate = reportLines("detect_command_injection", "lines with a separator, substitution or code",
                breaking, Detectors::commandInjection, out);
        out.append('\n');
        String sqlRate = report("detect_sqli", files("sqli"), Detectors::sqlInjection, out);
        String libinjectionSql = reportLines("detect_sqli", "libinjection sqli-*.txt", decodedLines("sqli-"),
                Detectors::sqlInjection, out);

        out.append("\nHigh-confidence (exploit) detectors, which block by default:\n\n");
        String xssExploit = report("detect_xss_exploit", xss, Detectors::xssExploit, out);
        report("detect_path_traversal_exploit", files("path-traversal"),
                p -> Detectors.pathTraversalExploit(p.replace("{FILE}", "etc/passwd")), out);
        report("detect_command_injection_exploit", files("command-injection"), Detectors::commandInjectionExploit, out);

        List<String> benign = new ArrayList<>(ORDINARY);
        for (String line : lines(CORPUS.resolve("libinjection").resolve("false_positives.txt"))) {
            benign.add(Transformer.percentDecode(line));
        }
        List<String> flagged = new ArrayList<>();
        for (String text : benign) {
            for (var detector : List.<Predicate<String>>of(Detectors::xss, Detectors::pathTraversal,
                    Detectors::commandInjection, Detectors::sqlInjection, Detectors::xssExploit,
                    Detectors::pathTraversalExploit, Detectors::commandInjectionExploit)) {
                if (detector.test(text)) {
                    flagged.add(text);
                    break;
                }
            }
        }
        out.append("\nbenign texts: ").append(benign.size()).append(", flagged by any detector: ").append(flagged.size())
                .append('\n');
        flagged.forEach(text -> out.append("  FLAGGED: ").append(text).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "request-detectors.txt"), out.toString());
        Files.writeString(Path.of("target", "request-detectors-misses.txt"), MISSES.toString());
        System.out.println(out);

        assertThat(flagged).as("false positives on ordinary text").isEmpty();
        // Floors a little under what the detectors reach today (target/request-detectors.txt): a
        // change that loses detections fails here.
        assertThat(rate(xssRate)).as("XSS lists").isGreaterThanOrEqualTo(0.95);
        assertThat(rate(xssExploit)).as("XSS lists, exploit detector").isGreaterThanOrEqualTo(0.30);
        assertThat(rate(handlerRate)).as("event handlers").isGreaterThanOrEqualTo(0.95);
        assertThat(rate(libinjectionXss)).as("libinjection XSS").isGreaterThanOrEqualTo(0.93);
        assertThat(rate(traversalRate)).as("path traversal lists").isGreaterThanOrEqualTo(0.95);
        assertThat(rate(commandRate)).as("command injection lists").isGreaterThanOrEqualTo(0.80);
        assertThat(rate(breakingRate)).as("command injection lines that break out").isGreaterThanOrEqualTo(0.90);
        assertThat(rate(sqlRate)).as("SQL injection lists (request level)").isGreaterThanOrEqualTo(0.65);
        assertThat(rate(libinjectionSql)).as("libinjection SQLi (request level)").isGreaterThanOrEqualTo(0.88);
    }

    /** A separator or substitution followed by something, or code: what can break out of an argument. */
    static boolean breaksOut(String line) {
        String decoded = Transformer.percentDecode(line).replace("\\n", "\n");
        return decoded.matches("(?s).*([;|&`\n]|\\$\\().*\\w.*") || decoded.contains("{{") || decoded.contains("<?")
                || decoded.contains("${");
    }

    private static double rate(String fraction) {
        String[] parts = fraction.split("/");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }
}
