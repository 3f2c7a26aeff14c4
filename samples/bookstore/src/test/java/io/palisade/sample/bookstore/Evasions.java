package io.palisade.sample.bookstore;

import static io.palisade.sample.bookstore.Attacks.get;
import static io.palisade.sample.bookstore.Attacks.post;
import static io.palisade.sample.bookstore.Attacks.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.StringJoiner;

/**
 * Ways to get a SQL injection past a protection that blocks every injection of the public corpora:
 * padding, long values, decoys, names where values belong, what the application does to an input,
 * another thread. Each with the effect it has when it works (the same real injection as in
 * {@link Attacks}), so that a test can show it works unprotected and is blocked with Palisade.
 * They all run with default settings: the SQL check at the JDBC hooks is what blocks them.
 */
final class Evasions {

    /** Orders by title when the users table has more than one row: Dracula (id 5) comes first. */
    static final String ORACLE = "(CASE WHEN (SELECT COUNT(*) FROM users) > 1 THEN title ELSE author END)";

    private Evasions() {
    }

    /** {@code count} query parameters that mean nothing, each with a different name. */
    static String junk(int count) {
        StringJoiner parameters = new StringJoiner("&");
        for (int i = 0; i < count; i++) {
            parameters.add("junk" + i + "=" + i);
        }
        return parameters.toString();
    }

    private static void everyBook(BookstoreServer server, java.net.http.HttpResponse<String> response) {
        assertThat(response.body()).contains("Dracula", "Ulysses", "Moby-Dick");
    }

    static List<Attacks.Attack> sql() {
        return List.of(
                new Attacks.Attack("300 junk parameters before a path-parameter injection",
                        base -> get(base, "api/books/" + q("1 OR 1=1") + "?" + junk(300)), Evasions::everyBook),
                new Attacks.Attack("an injection after 5,000 characters",
                        base -> get(base, "api/books/by-author?author=" + q("x".repeat(5000) + "' OR '1'='1")),
                        Evasions::everyBook),
                new Attacks.Attack("a column name where the id is expected", base -> get(base, "api/books/id"),
                        Evasions::everyBook),
                new Attacks.Attack("a column name in an IN list", base -> get(base, "api/books/batch?ids=" + q("1,id")),
                        Evasions::everyBook),
                new Attacks.Attack("65 harmless copies before the injection",
                        base -> get(base, "api/books/filter?exclude=" + q(ORACLE.repeat(65)) + "&sort=" + q(ORACLE)),
                        (server, r) -> assertThat(r.body()).startsWith("[{\"id\":5,")),
                new Attacks.Attack("lower-cased by the application",
                        base -> get(base, "api/books/by-author-ci?author=" + q("X' OR '1'='1")), Evasions::everyBook),
                new Attacks.Attack("trimmed by the application",
                        base -> get(base, "api/books/by-title?title=" + q("   x' OR '1'='1   ")), Evasions::everyBook),
                new Attacks.Attack("percent-decoded once more by the application",
                        base -> get(base, "api/books/by-title-decoded?title=" + q(q("x' OR '1'='1"))), Evasions::everyBook),
                new Attacks.Attack("'+' read as a space by the application",
                        base -> get(base, "api/books/by-title-decoded?title=" + q("x'+OR+'1'='1")), Evasions::everyBook),
                new Attacks.Attack("70 KiB of JSON before the injected username",
                        base -> post(base, "api/login", "application/json", "{\"padding\":\"" + "x".repeat(70 * 1024)
                                + "\",\"username\":\"alice' --\",\"password\":\"wrong\"}"),
                        (server, r) -> assertThat(r.body()).isEqualTo("{\"user_id\":1}")),
                new Attacks.Attack("the injection run on another thread (AsyncResponse, managed executor)",
                        base -> get(base, "api/books/async/" + q("1 OR 1=1")), Evasions::everyBook));
    }
}
