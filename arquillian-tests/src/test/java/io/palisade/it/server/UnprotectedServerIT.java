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

/**
 * The same sample WAR with {@code palisade.enabled=false}: every injection that ServerBookstoreIT
 * shows blocked really works on this server, with the effect it is written for. (The agent is
 * still in WEB-INF/lib; disabled, it registers nothing.)
 */
@ExtendWith(ArquillianExtension.class)
class UnprotectedServerIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleWar.create("palisade.enabled=false\n");
    }

    @ArquillianResource
    URL deployed;

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
    void withPalisadeDisabledEveryInjectionWorks() throws Exception {
        assertThat(get("api/books/search?q=" + q("x' OR 1=1 OR 'a'='")).body()).contains("Moby-Dick", "The Hobbit");
        assertThat(get("api/books/by-author?author=" + q("x' UNION SELECT id, username, password_hash, 0 FROM users --")).body())
                .contains("alice", "sha256:");
        assertThat(get("api/books/" + q("1 OR 1=1")).body()).contains("Dracula", "Ulysses");
        assertThat(get("api/books?sort=" + q("(CASE WHEN (SELECT COUNT(*) FROM users WHERE username = 'alice') = 1"
                + " THEN title ELSE author END)")).body()).startsWith("[{\"id\":5,");
        assertThat(get("api/books/batch?ids=" + q("0) OR (1=1")).body()).contains("Emma", "Middlemarch");
        assertThat(get("api/books/columns?name=" + q("(SELECT password_hash FROM users WHERE id = 1)")).body())
                .contains("sha256:2bd806c9");
        assertThat(post("api/login", "application/json", "{\"username\":\"alice' --\",\"password\":\"wrong\"}").body())
                .isEqualTo("{\"user_id\":1}");
        assertThat(get("api/me", "Cookie", "session=x' OR '1'='1").body()).contains("username");
        assertThat(get("api/books/by-publisher", "X-Publisher", "x' OR 1=1 --").body()).contains("Dracula");
        String before = get("api/books/stats").body();
        assertThat(post("api/books/2/reviews", "application/x-www-form-urlencoded", "author=eve&text=" + q("x'), (3, 'eve', 'spam"))
                .statusCode()).isEqualTo(201);
        assertThat(get("api/books/3/reviews").body()).as("a review smuggled onto another book").contains("spam");
        assertThat(get("api/books/stats").body()).isNotEqualTo(before);
    }
}
