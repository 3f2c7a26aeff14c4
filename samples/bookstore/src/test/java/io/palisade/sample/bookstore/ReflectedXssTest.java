package io.palisade.sample.bookstore;

import static io.palisade.sample.bookstore.Attacks.get;
import static io.palisade.sample.bookstore.Attacks.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.testing.TestCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reflected XSS at the sink, on the sample's HTML preview page (the title written into the page as it
 * came, in the text and in an attribute) and its escaped twin: every XSS payload of the public corpus
 * that reaches the page unescaped without Palisade is stopped with it, also when the request-level XSS
 * rules are switched off (the response check alone); the escaped twin never trips the response check.
 * Writes target/reflected-xss.txt.
 */
class ReflectedXssTest {

    /** A pack that switches the request-level XSS rules off, leaving the response check alone on XSS. */
    private static final String NO_REQUEST_XSS = "{\"format\": \"palisade-rules/1\", \"version\": \"sink-only\","
            + " \"rules\": [], \"disable\": [\"xss-exploit\", \"xss-request\"]}";

    static List<String> payloads() {
        Path folder = TestCorpus.root().resolve("payloadsallthethings").resolve("xss");
        Set<String> all = new LinkedHashSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                List<String> lines = new ArrayList<>();
                for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
                    String payload = line.strip();
                    if (!payload.isEmpty() && !payload.startsWith("#")) {
                        lines.add(payload);
                    }
                }
                if (file.getFileName().toString().equals("MarioXSSVectors.txt")) {
                    // Its vectors span several lines each, wrapped in <div id="N">...</div>: a line is a fragment.
                    for (String vector : String.join("\n", lines).split("<div id=\"\\d+\">")) {
                        String whole = vector.replace("//[\"'`-->]]>]</div>", "").strip();
                        if (!whole.isEmpty()) {
                            all.add(whole);
                        }
                    }
                } else {
                    all.addAll(lines);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(all);
    }

    /** What a payload carries when it tries to run or load code, once it is markup in the page. */
    private static final java.util.regex.Pattern RUNS = java.util.regex.Pattern.compile("(?is)\\bon[a-z]+\\s*=|<script"
            + "|(java|vb)script\\s*:\\s*[\\w$(\\[]|data\\s*:|srcdoc|formaction|xlink:href|expression\\s*\\(|@import"
            + "|<(iframe|frame|object|embed|applet|meta|base|link|style|svg|math|xml|isindex|import)\\b|<\\?xml|<!--#");

    /**
     * Whether a payload, written into the page as it is, runs or loads something there (what "executes
     * without Palisade" means here, independently of Palisade's own detectors): it opens a tag
     * ({@code <} and a letter, {@code !}, {@code /} or {@code ?}) or ends the page's double-quoted
     * attribute ({@code "}), and from there carries an event handler, a script, a script or data URL,
     * or an element that loads or runs content. A bare handler name, {@code alert(1)} in the text, a
     * lone {@code <head>} or a quote in prose cannot.
     */
    static boolean holdsMarkup(String payload) {
        int opens = payload.indexOf('"');
        for (int i = payload.indexOf('<'); i >= 0 && i + 1 < payload.length(); i = payload.indexOf('<', i + 1)) {
            char next = payload.charAt(i + 1);
            if (Character.isLetter(next) || next == '!' || next == '/' || next == '?') {
                opens = opens < 0 ? i : Math.min(opens, i);
                break;
            }
        }
        return opens >= 0 && RUNS.matcher(payload.substring(opens)).find();
    }

    @Test
    void aHeuristicPayloadReflectedIntoThePageIsStoppedAtTheResponse() throws Exception {
        String payload = "<b onmouseover=steal()>hover</b>"; // the request rules only report this shape
        try (BookstoreServer server = Servers.start("palisade.enabled", "false")) {
            assertThat(get(server.uri(), "api/books/preview?title=" + q(payload)).body()).contains(payload);
        }
        try (BookstoreServer server = Servers.start("palisade.budget", "1s")) {
            HttpResponse<String> page = get(server.uri(), "api/books/preview?title=" + q(payload), "Accept", "text/html");
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.body()).contains("Request blocked").doesNotContain(payload);
            HttpResponse<String> streamed = get(server.uri(), "api/books/preview/stream?title=" + q(payload));
            assertThat(streamed.body()).as("a streamed page is replaced").doesNotContain(payload).contains("Request blocked");
            assertThat(get(server.uri(), "api/safe/books/preview?title=" + q(payload)).statusCode()).isEqualTo(200);
            assertThat(get(server.uri(), "api/books/preview?title=" + q("Emma <3 & Mr. Knightley")).statusCode())
                    .as("a plain title with markup characters").isEqualTo(200);
            Map<String, Long> counters = server.container().select(PalisadeRuntime.class).get().counters().snapshot();
            assertThat(counters).containsEntry("attacks.xss-reflected.block", 2L);
        }
        try (BookstoreServer server = Servers.start("palisade.budget", "1s", "palisade.mode", "monitor")) {
            assertThat(get(server.uri(), "api/books/preview?title=" + q(payload)).statusCode()).as("monitor").isEqualTo(200);
        }
    }

    @Test
    void everyCorpusPayloadThatReachesThePageUnescapedIsStoppedAndTheEscapedTwinNeverTripsTheCheck(@TempDir Path dir)
            throws Exception {
        List<String> payloads = payloads();
        List<String> reaching = new ArrayList<>();
        try (BookstoreServer server = Servers.start("palisade.enabled", "false")) {
            for (String payload : payloads) {
                HttpResponse<String> page = get(server.uri(), "api/books/preview?title=" + q(payload));
                // It reaches the page as markup: it holds a markup character and is in the page as sent.
                if (page.statusCode() == 200 && page.body().contains(payload) && holdsMarkup(payload)) {
                    reaching.add(payload);
                }
            }
        }
        Path pack = dir.resolve("sink-only.json");
        Files.writeString(pack, NO_REQUEST_XSS);
        List<String> through = new ArrayList<>();
        List<String> twinBlocked = new ArrayList<>();
        try (BookstoreServer server = Servers.start("palisade.budget", "1s", "palisade.rules.location", pack.toString())) {
            for (String payload : reaching) {
                if (get(server.uri(), "api/books/preview?title=" + q(payload)).statusCode() != 403) {
                    through.add(payload);
                }
            }
            for (String payload : payloads) {
                // 403 is Palisade's answer; a 400 is the server's own (a URI longer than it takes).
                int status = get(server.uri(), "api/safe/books/preview?title=" + q(payload)).statusCode();
                if (status == 403) {
                    twinBlocked.add(status + " " + payload);
                }
            }
        }
        long reflectedOnTwin;
        try (BookstoreServer server = Servers.start("palisade.budget", "1s")) {
            for (String payload : payloads) {
                get(server.uri(), "api/safe/books/preview?title=" + q(payload));
            }
            Map<String, Long> counters = server.container().select(PalisadeRuntime.class).get().counters().snapshot();
            reflectedOnTwin = counters.getOrDefault("attacks.xss-reflected.block", 0L)
                    + counters.getOrDefault("attacks.xss-reflected.monitor", 0L);
        }
        String report = String.format("XSS payloads of the corpus: %d; reaching the vulnerable page unescaped without"
                + " Palisade: %d; of those not stopped with the response check alone: %d%nescaped twin: blocked"
                + " (request XSS rules off): %d; response-check detections on it (default configuration): %d%n",
                payloads.size(), reaching.size(), through.size(), twinBlocked.size(), reflectedOnTwin);
        StringBuilder details = new StringBuilder(report);
        through.forEach(p -> details.append("  THROUGH ").append(p).append('\n'));
        twinBlocked.forEach(p -> details.append("  TWIN BLOCKED ").append(p).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "reflected-xss.txt"), details.toString());
        System.out.print(report);
        assertThat(reaching).as("payloads that reach the vulnerable page").hasSizeGreaterThan(payloads.size() / 2);
        assertThat(through).as("payloads reaching the page unescaped that were not stopped").isEmpty();
        assertThat(twinBlocked).as("escaped twin blocked").isEmpty();
        assertThat(reflectedOnTwin).as("the response check on the escaped twin").isZero();
    }
}
