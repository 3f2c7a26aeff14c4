package io.palisade.it.server;

import static io.palisade.it.server.ServerHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Consumer;

/**
 * The sample's evasion suite (samples/bookstore EvasionTest) as it runs on a real server: padding,
 * long values, decoys, names where values belong, what the application does to an input, and work on
 * a container-managed executor. Each with the effect it has when it works.
 */
final class ServerEvasions {

    /** Orders by title when the users table has more than one row: Dracula (id 5) comes first. */
    static final String ORACLE = "(CASE WHEN (SELECT COUNT(*) FROM users) > 1 THEN title ELSE author END)";

    interface Call {
        HttpResponse<String> send(ServerHttp http) throws Exception;
    }

    record Evasion(String name, Call call, Consumer<HttpResponse<String>> worked) {
    }

    private ServerEvasions() {
    }

    static String junk(int count) {
        StringJoiner parameters = new StringJoiner("&");
        for (int i = 0; i < count; i++) {
            parameters.add("junk" + i + "=" + i);
        }
        return parameters.toString();
    }

    private static void everyBook(HttpResponse<String> response) {
        assertThat(response.body()).contains("Dracula", "Ulysses", "Moby-Dick");
    }

    static List<Evasion> all() {
        return List.of(
                new Evasion("300 junk parameters before a path-parameter injection",
                        http -> http.get("api/books/" + q("1 OR 1=1") + "?" + junk(300)), ServerEvasions::everyBook),
                new Evasion("an injection after 5,000 characters",
                        http -> http.get("api/books/by-author?author=" + q("x".repeat(5000) + "' OR '1'='1")),
                        ServerEvasions::everyBook),
                new Evasion("a column name where the id is expected", http -> http.get("api/books/id"), ServerEvasions::everyBook),
                new Evasion("a column name in an IN list", http -> http.get("api/books/batch?ids=" + q("1,id")),
                        ServerEvasions::everyBook),
                new Evasion("65 harmless copies before the injection",
                        http -> http.get("api/books/filter?exclude=" + q(ORACLE.repeat(65)) + "&sort=" + q(ORACLE)),
                        r -> assertThat(r.body()).startsWith("[{\"id\":5,")),
                new Evasion("lower-cased by the application",
                        http -> http.get("api/books/by-author-ci?author=" + q("X' OR '1'='1")), ServerEvasions::everyBook),
                new Evasion("trimmed by the application",
                        http -> http.get("api/books/by-title?title=" + q("   x' OR '1'='1   ")), ServerEvasions::everyBook),
                new Evasion("percent-decoded once more by the application",
                        http -> http.get("api/books/by-title-decoded?title=" + q(q("x' OR '1'='1"))), ServerEvasions::everyBook),
                new Evasion("70 KiB of JSON before the injected username",
                        http -> http.post("api/login", "application/json", "{\"padding\":\"" + "x".repeat(70 * 1024)
                                + "\",\"username\":\"alice' --\",\"password\":\"wrong\"}"),
                        r -> assertThat(r.body()).isEqualTo("{\"user_id\":1}")),
                new Evasion("the injection run on the container's managed executor (AsyncResponse)",
                        http -> http.get("api/books/async/" + q("1 OR 1=1")), ServerEvasions::everyBook));
    }
}
