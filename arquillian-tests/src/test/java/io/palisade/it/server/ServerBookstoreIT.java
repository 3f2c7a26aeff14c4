package io.palisade.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample WAR with the agent on a real server, driven over HTTP on 127.0.0.1. */
@ExtendWith(ArquillianExtension.class)
class ServerBookstoreIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleWar.create();
    }

    @ArquillianResource
    URL deployed;

    /** The deployment's URL, rebuilt on 127.0.0.1 whatever host the adapter reports. */
    private URI base() {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath() + (deployed.getPath().endsWith("/") ? "" : "/"));
    }

    private HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(pathAndQuery)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base().resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
        assertThat(before).startsWith("{\"books\":8,\"users\":2,");
        assertBlocked(get("api/books/search?q=" + q("x' OR 1=1 OR 'a'='")));
        assertBlocked(get("api/books/" + q("1 OR 1=1")));
        assertBlocked(get("api/books?sort=" + q("(CASE WHEN 1=1 THEN title ELSE author END)")));
        assertBlocked(post("api/login", "application/json", "{\"username\":\"alice' --\",\"password\":\"x\"}"));
        assertBlocked(post("api/books/2/reviews", "application/x-www-form-urlencoded", "author=eve&text=" + q("x'), (3, 'eve', 'spam")));
        assertBlocked(get("api/me", "Cookie", "session=x' OR '1'='1"));
        assertBlocked(get("api/books/by-publisher", "X-Publisher", "x' OR 1=1 --"));
        assertBlocked(get("api/books/by-author?author=" + q("x'; DELETE FROM users; --")));
        assertThat(get("api/books/stats").body()).as("the database is unchanged").isEqualTo(before);
    }

    @Test
    void theServerLogShowsTheHookTable() throws Exception {
        java.nio.file.Path log = java.nio.file.Path.of(System.getProperty("server.log"));
        assertThat(java.nio.file.Files.readString(log)).contains(
                "PAL2010: Palisade hook table frozen: 42 hook points (16 JAX-RS resource methods, 26 JDBC)");
    }

    private static void assertBlocked(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(403);
        assertThat(response.body()).matches("\\{\"error\":\"request blocked\",\"request_id\":\"[0-9a-f]{16}\"}");
    }
}
