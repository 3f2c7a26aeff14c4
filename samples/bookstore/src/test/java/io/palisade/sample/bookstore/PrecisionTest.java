package io.palisade.sample.bookstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.testing.BenignText;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Test;

/**
 * The benign corpus ({@link BenignText}: 20,000 texts users type) sent over HTTP to the sample's
 * safe endpoints, where no input can change anything: as the search query (every text) and as a
 * review's text (every tenth). Under the default configuration none may be blocked; with every rule
 * in block mode ({@code palisade.rules.block=all}) the rate is written to
 * target/precision-safe-endpoints.txt and held to 0.1 %.
 */
class PrecisionTest {

    private static final int IN_FLIGHT = 16;

    @Test
    void noBenignTextIsBlockedOnTheSafeEndpoints() throws Exception {
        List<String> corpus = BenignText.corpus();
        StringBuilder report = new StringBuilder();
        List<String> blockedByDefault = send(corpus, report, "default configuration");
        List<String> blockedWithAll = send(corpus, report, "palisade.rules.block=all", "palisade.rules.block", "all");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "precision-safe-endpoints.txt"), report.toString());
        System.out.println(report);
        assertThat(blockedByDefault).as("benign texts blocked under the default configuration").isEmpty();
        assertThat(blockedWithAll.size()).as("benign texts blocked with every rule in block mode")
                .isLessThanOrEqualTo(corpus.size() / 1000);
    }

    private static List<String> send(List<String> corpus, StringBuilder report, String label, String... properties)
            throws Exception {
        String[] all = new String[properties.length + 2];
        all[0] = "palisade.budget";
        all[1] = "1s"; // precision, not the time budget (a slow CI machine must not turn a text into a skipped rule)
        System.arraycopy(properties, 0, all, 2, properties.length);
        ConcurrentLinkedQueue<String> blocked = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failed = new ConcurrentLinkedQueue<>();
        int requests = 0;
        long detections;
        try (BookstoreServer server = Servers.start(all)) {
            URI base = server.uri();
            Semaphore window = new Semaphore(IN_FLIGHT);
            List<CompletableFuture<?>> pending = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                String text = corpus.get(i);
                String encoded = URLEncoder.encode(text, StandardCharsets.UTF_8);
                pending.add(call(window, HttpRequest.newBuilder(base.resolve("api/safe/books/search?q=" + encoded)).GET()
                        .build(), "search: " + text, blocked, failed));
                requests++;
                if (i % 10 == 0) {
                    pending.add(call(window, HttpRequest.newBuilder(base.resolve("api/safe/books/2/reviews"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("author=ann&text=" + encoded)).build(),
                            "review: " + text, blocked, failed));
                    requests++;
                }
            }
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
            Map<String, Long> counters = server.container().select(PalisadeRuntime.class).get().counters().snapshot();
            detections = counters.entrySet().stream().filter(e -> e.getKey().startsWith("attacks."))
                    .mapToLong(Map.Entry::getValue).sum();
        }
        report.append(String.format("%s: %d requests, %d blocked (%.3f %%), %d detections reported, %d failed otherwise%n",
                label, requests, blocked.size(), 100.0 * blocked.size() / requests, detections, failed.size()));
        blocked.forEach(text -> report.append("  BLOCKED ").append(text.replace("\n", "\\n")).append('\n'));
        failed.forEach(text -> report.append("  FAILED ").append(text.replace("\n", "\\n")).append('\n'));
        assertThat(failed).as(label + ": answers other than 200/201/403").isEmpty();
        return new ArrayList<>(blocked);
    }

    private static CompletableFuture<?> call(Semaphore window, HttpRequest request, String what,
            ConcurrentLinkedQueue<String> blocked, ConcurrentLinkedQueue<String> failed) throws InterruptedException {
        window.acquire();
        return Attacks.HTTP.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            window.release();
            if (error != null || response.statusCode() != 200 && response.statusCode() != 201 && response.statusCode() != 403) {
                failed.add(what + (error != null ? " (" + error + ")" : " (" + response.statusCode() + ")"));
            } else if (response.statusCode() == 403) {
                blocked.add(what);
            }
        });
    }
}
