package io.palisade.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Ten thousand generated secrets, in every place a request can carry one (the attacking input itself,
 * other query parameters, JSON at depth, headers, cookies, the path, SQL statements), sent as attacks
 * to the real sample protected by the real agent, which reports to a real console: none of them may
 * be in what the console received, nor in anything the sample's JVM logged.
 */
class SecretsThroughThePipelineTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final int REQUESTS = 2_000;
    static final int SECRETS_PER_REQUEST = 5;

    final Random random = new Random(20261203);

    @Test
    void noSecretLeavesTheApplicationsJvmOrReachesItsLog() throws Exception {
        List<String> secrets = new ArrayList<>();
        List<String> leaked = send(REQUESTS, Map.of(), secrets);
        assertThat(secrets).hasSize(REQUESTS * SECRETS_PER_REQUEST);
        assertThat(leaked).as("secrets in what the agent sent or logged, of %d", secrets.size()).isEmpty();
    }

    @Test
    void theCheckSeesALeakWhenScrubbingIsSwitchedOff() throws Exception {
        // The control: patterns that match nothing, so that what the first test finds absent would be present.
        List<String> secrets = new ArrayList<>();
        List<String> leaked = send(60, Map.of("PALISADE_SCRUB_VALUE_PATTERN", "a^", "PALISADE_SCRUB_KEY_PATTERN", "a^"), secrets);
        assertThat(leaked.size()).as("leaks found of %d secrets", secrets.size()).isGreaterThan(secrets.size() / 10);
    }

    /** Sends {@code requests} attacks carrying secrets; returns those found in what the console got or the sample logged. */
    private List<String> send(int requests, Map<String, String> env, List<String> secrets) throws Exception {
        try (RunningConsole console = new RunningConsole();
                SampleProcess sample = SampleProcess.start(console.server.uri(), console.console().provision("bookstore"), env)) {
            for (int i = 0; i < requests; i++) {
                List<String> mine = new ArrayList<>();
                HttpRequest request = request(sample.uri, i, mine);
                secrets.addAll(mine);
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("request %d (%s) is an attack", i, request.uri().getPath()).isIn(403, 404);
                for (String secret : mine) {
                    assertThat(answer.body()).doesNotContain(secret); // nor in the block response
                }
            }
            String api = "Bearer " + console.console().accounts().createApiToken("secrets");
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> total(console, api) >= requests);
            // Then until the count stays put for a second: a last batch may still be on its way.
            java.util.concurrent.atomic.AtomicLong last = new java.util.concurrent.atomic.AtomicLong(-1);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).during(Duration.ofSeconds(1))
                    .until(() -> {
                        long now = total(console, api);
                        return last.getAndSet(now) == now;
                    });
            StringBuilder received = new StringBuilder();
            long total = total(console, api);
            for (long offset = 0; offset < total; offset += 1000) {
                received.append(console.send("GET", "api/events?app=bookstore&limit=1000&offset=" + offset, api, null).body());
            }
            assertThat(received).contains("sqli-structure").contains("scanner-path").contains("xss-exploit");
            String log = String.join("\n", sample.log);
            List<String> leaked = new ArrayList<>();
            for (String secret : secrets) {
                // A card is looked for as sent and as bare digits.
                String bare = secret.replace(" ", "");
                if (received.indexOf(secret) >= 0 || log.contains(secret) || received.indexOf(bare) >= 0 || log.contains(bare)) {
                    leaked.add(secret);
                }
            }
            return leaked;
        }
    }

    private static long total(RunningConsole console, String api) throws Exception {
        String body = console.send("GET", "api/events?app=bookstore&limit=1", api, null).body();
        return AgentProtocolTest.json(body).getJsonNumber("total").longValue();
    }

    /** Request {@code i}: an attack with five fresh secrets, which it adds to {@code secrets}. */
    private HttpRequest request(URI base, int i, List<String> secrets) {
        String s1 = patterned(secrets);
        String s2 = i % 6 == 3 || i % 6 == 5 ? named(secrets) : patterned(secrets);
        // In request 4 a named secret follows the XSS in api_key: the attacking input itself, redacted by its name.
        String s3 = i % 6 == 2 || i % 6 == 3 || i % 6 == 4 ? named(secrets) : patterned(secrets);
        String s4 = i % 6 == 2 ? named(secrets) : patterned(secrets);
        String s5 = patterned(secrets);
        HttpRequest.Builder request;
        switch (i % 6) {
            case 0 -> request = get(base, "api/books/search?q=" + enc("x' OR '1'='1' -- " + s1 + " " + s2))
                    .header("Authorization", "Bearer " + token(s3)).header("Cookie", "session=" + cookie(s4))
                    .header("X-Api-Key", s5);
            case 1 -> request = get(base, "api/me?access_token=" + enc(s3))
                    .header("Cookie", "session=" + cookie("x' OR '1'='1' -- " + s1) + "; PHPSESSID=" + cookie(s4))
                    .header("Authorization", "Basic " + basic(s2)).header("X-Amz-Security-Token", s5);
            case 2 -> request = get(base, "api/books/by-publisher?token=" + enc(s2) + "&pin=" + enc(s3))
                    .header("X-Publisher", "x' OR 1=1 -- " + s1).header("Cookie", "connect.sid=" + cookie(s4))
                    .header("Authorization", "Bearer " + token(s5));
            case 3 -> request = HttpRequest.newBuilder(base.resolve("api/login")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"username\":" + json("alice' OR '1'='1' -- " + s1)
                            + ",\"password\":" + json(s2) + ",\"profile\":{\"payment\":{\"card_number\":" + json(s4)
                            + ",\"pin\":" + json(s3) + "}},\"note\":" + json(s5) + "}"));
            case 4 -> request = get(base, "api/books/search?q=" + enc("<script>alert(document.cookie)</script>" + s1)
                    + "&password=" + enc(s2) + "&api_key=" + enc("<script>alert(1)</script>" + s3))
                    .header("Cookie", "session=" + cookie(s4)).header("Authorization", "Bearer " + token(s5));
            default -> request = get(base, "reset/" + s1.replaceAll("[^A-Za-z0-9_.-]", "") + "/.env?password=" + enc(s2)
                    + "&code=" + enc(s3)).header("Authorization", "Bearer " + token(s4)).header("X-Auth", s5);
        }
        return request.timeout(Duration.ofSeconds(10)).build();
    }

    private static HttpRequest.Builder get(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path)).GET();
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(String value) {
        return jakarta.json.Json.createValue(value).toString();
    }

    /** Sent as it is (as the README's curl does): the generated secrets hold no semicolon, comma or double quote. */
    private static String cookie(String value) {
        assertThat(value).doesNotContain(";", ",", "\"");
        return value;
    }

    private static String token(String secret) {
        return secret.replaceAll("[^A-Za-z0-9._~+/-]", "");
    }

    private static String basic(String secret) {
        return Base64.getEncoder().encodeToString(("user:" + secret).getBytes(StandardCharsets.UTF_8));
    }

    /** A secret of a shape the scrubber knows wherever it sits: cloud, payment and API tokens, JWTs, keys. */
    private String patterned(List<String> secrets) {
        String secret = switch (random.nextInt(9)) {
            case 0 -> "AKIA" + chars("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16);
            case 1 -> "ghp_" + chars(ALNUM, 36);
            case 2 -> "sk_live_" + chars(ALNUM, 24);
            case 3 -> "xoxb-" + chars("0123456789", 12) + "-" + chars(ALNUM, 24);
            case 4 -> "AIza" + chars(ALNUM + "_-", 35);
            case 5 -> "eyJ" + chars(ALNUM + "_-", 20) + "." + chars(ALNUM + "_-", 40) + "." + chars(ALNUM + "_-", 32);
            case 6 -> io.palisade.core.testing.TestSecrets.luhnCard(random, random.nextBoolean());
            case 7 -> "github_pat_" + chars(ALNUM + "_", 40);
            default -> "rk_test_" + chars(ALNUM, 20);
        };
        secrets.add(secret);
        return secret;
    }

    /** A secret with no shape of its own: only its name (password, pin, token ...) marks it. */
    private String named(List<String> secrets) {
        String secret = "n" + chars(ALNUM, 23);
        secrets.add(secret);
        return secret;
    }

    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private String chars(String alphabet, int n) {
        StringBuilder out = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
