package io.palisade.sample.bookstore;

import static io.palisade.sample.bookstore.Attacks.get;
import static io.palisade.sample.bookstore.Attacks.post;
import static io.palisade.sample.bookstore.Attacks.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.request.RequestRecord;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Evasion, tried both ways on the sample: each technique works with Palisade disabled (rows leak, the
 * login is bypassed, the command reaches the resource) and is blocked with it, the database unchanged.
 * The SQL cases run with default settings; the request-rule cases (XSS, command injection) with every
 * rule blocking. Servers run one after the other (Weld SE serves one container at a time).
 */
class EvasionTest {

    /** The sample database: {@code h2} here, {@code postgres} in the PostgreSQL subclass. */
    String database() {
        return "h2";
    }

    BookstoreServer start(String... properties) {
        String[] all = new String[properties.length + 2];
        all[0] = "sample.db";
        all[1] = database();
        System.arraycopy(properties, 0, all, 2, properties.length);
        return Servers.start(all);
    }

    @Test
    void everySqlEvasionWorksWithoutPalisade() throws Exception {
        try (BookstoreServer server = start("palisade.enabled", "false")) {
            for (Attacks.Attack evasion : Evasions.sql()) {
                HttpResponse<String> response = evasion.call().send(server.uri());
                assertThat(response.statusCode()).as(evasion.name()).isEqualTo(200);
                evasion.worked().accept(server, response);
            }
        }
    }

    @Test
    void everySqlEvasionIsBlockedAndTheDatabaseIsUnchanged() throws Exception {
        try (BookstoreServer server = start()) {
            for (Attacks.Attack evasion : Evasions.sql()) {
                int users = Attacks.count(server, "users");
                int reviews = Attacks.count(server, "reviews");
                HttpResponse<String> response = evasion.call().send(server.uri());
                assertThat(response.statusCode()).as(evasion.name()).isEqualTo(403);
                assertThat(response.body()).as(evasion.name()).startsWith("{\"error\":\"request blocked\"");
                assertThat(Attacks.count(server, "users")).isEqualTo(users);
                assertThat(Attacks.count(server, "reviews")).isEqualTo(reviews);
            }
            // The near misses this work touches stay ordinary requests.
            assertThat(get(server.uri(), "api/books/search?q=" + q("ORDER BY id")).statusCode()).isEqualTo(200);
            assertThat(get(server.uri(), "api/books/search?q=" + q("2026-12-03")).statusCode()).isEqualTo(200);
            assertThat(get(server.uri(), "api/books/search?q=id").statusCode()).isEqualTo(200);
            assertThat(get(server.uri(), "api/books/by-author-ci?author=" + q("JANE AUSTEN")).body()).contains("Emma");
            assertThat(get(server.uri(), "api/books/by-title?title=" + q("  Emma  ")).body()).contains("Emma");
            assertThat(get(server.uri(), "api/books/by-title-decoded?title=" + q("Moby-Dick")).body()).contains("Moby");
            assertThat(get(server.uri(), "api/books/filter?exclude=the&sort=" + q("title DESC")).statusCode()).isEqualTo(200);
            assertThat(get(server.uri(), "api/books/3?" + Evasions.junk(300)).body()).contains("Moby-Dick");
            assertThat(get(server.uri(), "api/books/async/3").body()).contains("Moby-Dick");
            assertThat(post(server.uri(), "api/login", "application/json", "{\"padding\":\"" + "x".repeat(70 * 1024)
                    + "\",\"username\":\"alice\",\"password\":\"wrong\"}").statusCode()).isEqualTo(401);
        }
    }

    /** A command injection in the username, behind a JSON body big enough to exhaust any budget. */
    static String budgetExhaustingLogin() {
        StringBuilder body = new StringBuilder("{\"notes\":[");
        for (int i = 0; i < 60; i++) {
            body.append(i == 0 ? "" : ",").append('"').append("&".repeat(1000)).append('"');
        }
        return body.append("],\"username\":\"x; cat /etc/passwd\",\"password\":\"x\"}").toString();
    }

    @Test
    void aBudgetExhaustingBodyDoesNotLetACommandInjectionThrough() throws Exception {
        try (BookstoreServer server = start("palisade.enabled", "false")) {
            assertThat(post(server.uri(), "api/login", "application/json", budgetExhaustingLogin()).statusCode())
                    .as("the command reaches the resource").isEqualTo(401);
        }
        // A budget no request can keep: every request overruns it, and the rules still run on what
        // the resource method receives.
        try (BookstoreServer server = start("palisade.budget", "100us")) {
            for (int i = 0; i < 40; i++) {
                assertThat(post(server.uri(), "api/login", "application/json", budgetExhaustingLogin()).statusCode())
                        .isEqualTo(403);
            }
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            assertThat(runtime.counters().snapshot().get("budget_overruns")).isPositive();
        }
    }

    @Test
    void expensiveInputsNeitherTripTheBreakerNorSwitchProtectionOff() throws Exception {
        StringBuilder expensive = new StringBuilder("{\"values\":[");
        for (int i = 0; i < 64; i++) {
            expensive.append(i == 0 ? "" : ",").append('"').append("%25".repeat(4096 / 3)).append('"');
        }
        String body = expensive.append("],\"username\":\"bob\",\"password\":\"x\"}").toString();
        try (BookstoreServer server = start()) {
            for (int i = 0; i < 200; i++) {
                assertThat(post(server.uri(), "api/login", "application/json", body).statusCode()).isEqualTo(401);
            }
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            assertThat(runtime.rules().jdbc().breaker().isOpen()).isFalse();
            assertThat(runtime.counters().snapshot()).containsEntry("breaker_trips", 0L);
            assertThat(get(server.uri(), "api/books/search?q=" + q("<script>alert(document.cookie)</script>")).statusCode())
                    .isEqualTo(403);
            assertThat(get(server.uri(), "api/books/search?q=" + q("x' OR 1=1 OR 'a'='")).statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aLongForwardedForHeaderDoesNotHideADenylistedClient() throws Exception {
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            header.append("junk-").append(i).append(", ");
        }
        String forwarded = header.append("203.0.113.7").toString();
        try (BookstoreServer server = start("palisade.enabled", "false")) {
            assertThat(get(server.uri(), "api/books/3", "X-Forwarded-For", forwarded).statusCode()).isEqualTo(200);
        }
        try (BookstoreServer server = start("palisade.trusted-proxies", "127.0.0.1", "palisade.ip.denylist", "203.0.113.0/24")) {
            assertThat(get(server.uri(), "api/books/3", "X-Forwarded-For", forwarded).statusCode()).isEqualTo(403);
            assertThat(get(server.uri(), "api/books/3", "X-Forwarded-For", "198.51.100.9").statusCode()).isEqualTo(200);
            // Junk on the right makes the client unknown; the denylist still matches what parsed.
            assertThat(get(server.uri(), "api/books/3", "X-Forwarded-For", "203.0.113.7, junk").statusCode())
                    .isEqualTo(200);
        }
    }

    @Test
    void aRequestEndingInAnUnmappedExceptionLeavesNothingBehindOnItsThread() throws Exception {
        String injection = "x' OR 1=1 OR 'a'='";
        try (BookstoreServer server = start("sample.workers", "1")) {
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            long blockedBefore = runtime.counters().snapshot().get("blocked");
            HttpResponse<String> crashed = get(server.uri(), "api/books/crash?q=" + q(injection));
            assertThat(crashed.statusCode()).isIn(403, 500);
            // The record was ended and counted even though no response filter ran (the container ends
            // it once the response is out, so a moment after the client has it).
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(runtime.counters().snapshot().get("blocked")).isEqualTo(blockedBefore + 1));
            // Work on the same (only) worker thread afterwards, outside any request: no record is
            // current, and its SQL is not checked against the crashed request's inputs.
            Future<List<Object>> job = server.workers().submit(() -> {
                List<Object> seen = new ArrayList<>();
                RequestRecord current = runtime.requests().current();
                seen.add(current == null ? "none" : current.id());
                seen.add(server.container().select(Books.class).get().unsafeSearch(injection).size());
                return seen;
            });
            List<Object> seen = job.get(30, TimeUnit.SECONDS);
            assertThat(seen.get(0)).isEqualTo("none");
            assertThat((Integer) seen.get(1)).isGreaterThan(8);
            // And the next request on that thread is its own.
            assertThat(get(server.uri(), "api/books/search?q=Emma").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theAsyncEndpointUsesAnotherThread() throws Exception {
        try (BookstoreServer server = start()) {
            long start = System.nanoTime();
            assertThat(get(server.uri(), "api/books/async/2").body()).contains("Emma");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        }
    }
}
