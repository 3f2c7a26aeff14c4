package io.palisade.sample.bookstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import io.palisade.core.PalisadeRuntime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Detections leave the sample for a backend (a real HTTP server on 127.0.0.1) as protocol v1 batches,
 * scrubbed; the reporter's threads start and stop with the application, restart after restart.
 */
class ReportingTest {

    private static final String BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJlLXNlY3JldA";

    private HttpServer backend;
    private final List<String> logins = new CopyOnWriteArrayList<>();
    private final List<String> batches = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startBackend() throws IOException {
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/v1/agents/login", exchange -> record(exchange, logins, "{\"agent_id\":\"bookstore-1\"}"));
        backend.createContext("/v1/batches", exchange -> record(exchange, batches, "{}"));
        backend.start();
    }

    @AfterEach
    void stopBackend() {
        backend.stop(0);
    }

    private void record(HttpExchange exchange, List<String> into, String answer) throws IOException {
        try (exchange) {
            into.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    private BookstoreServer start() {
        return Servers.start("palisade.backend.url", "http://127.0.0.1:" + backend.getAddress().getPort(),
                "palisade.backend.token", "backend-token-1", "palisade.reporter.interval", "200ms");
    }

    @Test
    void aBlockedInjectionReachesTheBackendAsOneScrubbedEvent() throws Exception {
        try (BookstoreServer server = start()) {
            HttpResponse<String> blocked = Attacks.get(server.uri(), "api/books/search?q=" + Attacks.q("x' UNION SELECT"
                    + " username, password_hash, 1, 1, 1, 1 FROM users --"), "Authorization", "Bearer " + BEARER);
            assertThat(blocked.statusCode()).isEqualTo(403);
            assertThat(Attacks.get(server.uri(), "api/books/search?q=tolkien").statusCode()).isEqualTo(200);

            await().atMost(Duration.ofSeconds(10)).until(() -> batches.stream().anyMatch(b -> b.contains("\"type\":\"attack\"")));
            String batch = batches.stream().filter(b -> b.contains("\"type\":\"attack\"")).findFirst().orElseThrow();
            assertThat(batch).contains("\"agent_id\":\"bookstore-1\"", "\"rule_id\":\"sqli-structure\"",
                    "\"attack_type\":\"sql_injection\"", "\"blocked\":true", "\"method\":\"GET\"",
                    "\"path\":\"/api/books/search\"", "\"source\":\"query\",\"name\":\"q\"",
                    "\"hook_point\":\"jdbc:java.sql.Statement#executeQuery(java.lang.String)\"",
                    "\"resource\":\"jaxrs:io.palisade.sample.bookstore.BookResource#search(java.lang.String)\"",
                    "\"statement\":\"SELECT", "UNION SELECT username");
            assertThat(batch.split("\"rule_id\":\"sqli-structure\"", -1)).as("one event from the JDBC check").hasSize(2);
            await().atMost(Duration.ofSeconds(10)).until(() -> String.join("", batches).contains("\"blocked\":1"));

            assertThat(logins).hasSize(1);
            assertThat(logins.get(0)).contains("\"application\":\"io.palisade.sample.bookstore\"",
                    "jaxrs:io.palisade.sample.bookstore.BookResource#search(java.lang.String)",
                    "jdbc:java.sql.Statement#executeQuery(java.lang.String)");
            assertThat(authorizations).allMatch("Bearer backend-token-1"::equals);
        }
        // The token in the Authorization header never left the application.
        assertThat(String.join("\n", batches)).doesNotContain(BEARER).doesNotContain("c2lnbmF0dXJlLXNlY3JldA");
    }

    @Test
    void theReporterStopsWithTheApplicationRestartAfterRestart() throws Exception {
        for (int run = 0; run < 3; run++) {
            try (BookstoreServer server = start()) {
                assertThat(Attacks.get(server.uri(), "api/books/search?q=" + Attacks.q("x' OR '1'='1")).statusCode()).isEqualTo(403);
                assertThat(reporterThreads()).isPositive();
            }
            assertThat(reporterThreads()).as("after stop %d", run).isZero();
        }
        // Each run flushed its detection on stop, whatever the interval.
        assertThat(batches.stream().filter(b -> b.contains("\"type\":\"attack\"")).count()).isEqualTo(3);
    }

    @Test
    void aRulePackFromTheBackendChangesBehaviourWithoutARedeployAndABadOneIsRejected() throws Exception {
        AtomicReference<String> pack = new AtomicReference<>(RequestProtectionTest.pack("remote-1", "frobnicate"));
        List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
        backend.createContext("/v1/rules", exchange -> {
            try (exchange) {
                String body = pack.get();
                String etag = "\"" + Integer.toHexString(body.hashCode()) + "\"";
                String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
                ifNoneMatch.add(String.valueOf(asked));
                authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.getResponseHeaders().add("ETag", etag);
                if (etag.equals(asked)) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        try (BookstoreServer server = Servers.start("palisade.backend.url", "http://127.0.0.1:" + backend.getAddress().getPort(),
                "palisade.backend.token", "backend-token-1", "palisade.rules.refresh", "1s", "palisade.reporter.interval", "200ms",
                RequestProtectionTest.BUDGET, "1s")) {
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            await().atMost(Duration.ofSeconds(10)).until(() -> search(server, "frobnicate") == 403);
            assertThat(runtime.rules().rules().origin()).isEqualTo("backend");
            assertThat(search(server, "Emma")).isEqualTo(200);
            assertThat(search(server, "<script>alert(1)</script>")).as("the built-in rules stay").isEqualTo(403);
            // Unchanged packs are not sent again.
            await().atMost(Duration.ofSeconds(10)).until(() -> ifNoneMatch.stream().anyMatch(e -> e.startsWith("\"")));

            pack.set(RequestProtectionTest.pack("remote-2", "quux").replace("\"phrases\"", "\"phrase\""));
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.rules().lastError() != null);
            assertThat(runtime.rules().lastError()).contains("unknown operator 'phrase'");
            assertThat(search(server, "frobnicate")).as("the previous pack stays in force").isEqualTo(403);
            assertThat(search(server, "quux")).isEqualTo(200);
            await().atMost(Duration.ofSeconds(10)).until(() -> String.join("", batches).contains("\"rule_packs_rejected\":1"));
        }
        assertThat(authorizations).allMatch("Bearer backend-token-1"::equals);
    }

    @Test
    void withPublicKeysOnlySignedPacksFromTheBackendCountAndProtectionCannotBeSwitchedOff() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.KeyPair ops = generator.generateKeyPair();
        java.security.KeyPair attacker = generator.generateKeyPair();
        java.time.Instant expires = java.time.Instant.now().plus(Duration.ofDays(1));
        AtomicReference<String> pack = new AtomicReference<>(io.palisade.core.rules.SignedPack.sign(
                RequestProtectionTest.pack("signed-1", "frobnicate"), "ops", 1, expires, ops.getPrivate()));
        backend.createContext("/v1/rules", exchange -> {
            try (exchange) {
                byte[] bytes = pack.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(pack.get().hashCode()) + "\"");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        // What an attacker on the path, or a compromised backend, would serve: everything off.
        String everythingOff = "{\"format\":\"palisade-rules/1\",\"version\":\"off\",\"base\":\"none\",\"rules\":[]}";
        try (BookstoreServer server = Servers.start("palisade.backend.url", "http://127.0.0.1:" + backend.getAddress().getPort(),
                "palisade.backend.token", "backend-token-1", "palisade.rules.refresh", "1s", "palisade.reporter.interval", "200ms",
                "palisade.rules.public-keys", "ops=" + java.util.Base64.getEncoder().encodeToString(ops.getPublic().getEncoded()),
                RequestProtectionTest.BUDGET, "1s")) {
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            await().atMost(Duration.ofSeconds(10)).until(() -> search(server, "frobnicate") == 403);

            pack.set(everythingOff);
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.rules().lastError() != null);
            assertThat(runtime.rules().lastError()).contains("not signed");
            pack.set(io.palisade.core.rules.SignedPack.sign(everythingOff, "ops", 2, expires, attacker.getPrivate()));
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.rules().lastError().contains("signature does not match"));
            pack.set(io.palisade.core.rules.SignedPack.sign(RequestProtectionTest.pack("signed-0", "quux"), "ops", 0, expires,
                    ops.getPrivate()));
            await().atMost(Duration.ofSeconds(10)).until(() -> runtime.rules().lastError().contains("rollback"));

            assertThat(search(server, "frobnicate")).as("the signed pack stays in force").isEqualTo(403);
            assertThat(search(server, "x' OR 1=1 OR 'a'='")).as("the SQL check stays attached").isEqualTo(403);
            assertThat(search(server, "quux")).isEqualTo(200);
        }
    }

    private static int search(BookstoreServer server, String term) throws Exception {
        return Attacks.get(server.uri(), "api/books/search?q=" + Attacks.q(term)).statusCode();
    }

    private static long reporterThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("palisade-")).count();
    }
}
