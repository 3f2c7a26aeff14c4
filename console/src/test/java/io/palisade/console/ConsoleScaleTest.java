package io.palisade.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * How the console copes with volume: ingestion through the real protocol in batches of 1,000 events,
 * then the overview and the first page of attacks over everything stored. {@code mvn verify} runs it
 * with 20,000 events; {@code mvn -pl console test -Dtest=ConsoleScaleTest -Dconsole.scale.events=1000000}
 * is the full measurement. The figures go to {@code console/target/console-scale.txt}.
 */
class ConsoleScaleTest {

    @Test
    void ingestionAndTheOverviewAtVolume() throws Exception {
        int total = Integer.getInteger("console.scale.events", 20_000);
        try (RunningConsole console = new RunningConsole()) {
            String token = console.console().provision("volume");
            String agent = AgentProtocolTest.login(console, token);
            String[] rules = {"sqli-structure", "xss-exploit", "path-traversal-exploit", "scanner-path", "xss-request"};
            String[] paths = {"/api/books/search", "/api/login", "/api/books/1", "/.env", "/api/me", "/api/books/preview"};
            long started = System.nanoTime();
            int sent = 0;
            while (sent < total) {
                int n = Math.min(1000, total - sent);
                StringBuilder events = new StringBuilder(n * 700);
                for (int i = 0; i < n; i++) {
                    int k = sent + i;
                    String event = AgentProtocolTest.attack(rules[k % rules.length], "payload " + k + " ' OR 1=1 --", k % 3 != 0)
                            .replace("/api/search", paths[k % paths.length])
                            .replace("192.0.2.44", "198.51." + (k % 200) + "." + (k % 250));
                    events.append(i == 0 ? "" : ",").append(event);
                }
                HttpResponse<String> answer = console.send("POST", "v1/batches", "Bearer " + token,
                        AgentProtocolTest.batch(agent, UUID.randomUUID().toString(), "{\"requests\":" + (n * 20) + "}",
                                events.toString()));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                sent += n;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            double perSecond = total / seconds;
            assertThat(console.console().reports().count(new Reports.EventFilter(console.console().store().application("volume")
                    .orElseThrow().id(), java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(5), null, null, null, null,
                    null))).isEqualTo(total);

            // An API token: Basic would add the password hash's deliberate slowness to every call.
            String api = "Bearer " + console.console().accounts().createApiToken("scale");
            double overview = medianMillis(console, api, "api/overview?app=volume&hours=720");
            double attacks = medianMillis(console, api, "api/events?app=volume&hours=720&limit=50");
            // The attacks page (HTML, counting up to 10,001), as a logged-in browser gets it.
            String cookie = ConsoleAuth.COOKIE + "=" + console.console().accounts().openSession(Accounts.ADMIN).getKey();
            double page = medianMillis(console, null, "app/volume/attacks?hours=720", "Cookie", cookie);
            double filtered = medianMillis(console, api, "api/events?app=volume&hours=720&rule=xss-exploit&blocked=true&limit=50");
            String report = String.format(Locale.ROOT, "events stored: %d in batches of 1,000 over HTTP%n"
                    + "ingestion: %.0f events/s (%.1f s)%noverview (30 days): %.0f ms (median of 5)%n"
                    + "attacks, first page: %.0f ms (API, exact total); filtered by rule and outcome: %.0f ms%n"
                    + "attacks page (HTML, total counted up to 10,001): %.0f ms%n", total, perSecond, seconds, overview,
                    attacks, filtered, page);
            System.out.print(report);
            Path out = Path.of("target", "console-scale.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
            // Bounds far from the figures measured here, so that only a real regression trips them.
            assertThat(perSecond).isGreaterThan(500);
            assertThat(overview).isLessThan(30_000);
        }
    }

    private static double medianMillis(RunningConsole console, String authorization, String path, String... headers)
            throws Exception {
        double[] times = new double[5];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            HttpResponse<String> answer = console.send("GET", path, authorization, null, headers);
            times[i] = (System.nanoTime() - start) / 1e6;
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        }
        Arrays.sort(times);
        return times[2];
    }
}
