package io.palisade.sample.bookstore;

import static io.palisade.sample.bookstore.Attacks.get;
import static io.palisade.sample.bookstore.Attacks.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One real injection per vulnerable JPA endpoint of the sample (JPQL and native SQL), each with the
 * effect it has when it works; shared by the embedded tests and the servers' suite.
 */
final class JpaAttacks {

    private JpaAttacks() {
    }

    static List<Attacks.Attack> all() {
        return List.of(
                new Attacks.Attack("JPQL LIKE", base -> get(base, "api/jpa/books/search?q=" + q("x%' or b.id > 0 or '' = '")),
                        (server, r) -> assertThat(r.body()).contains("Moby-Dick", "The Hobbit")),
                new Attacks.Attack("JPQL string tautology", base -> get(base, "api/jpa/books/by-author?author="
                        + q("x' or '1'='1")), (server, r) -> assertThat(r.body()).contains("Dracula", "Ulysses")),
                // A subquery as a boolean oracle: every book comes back exactly when alice's password hash
                // starts with the guessed characters, so the hash can be read a character at a time.
                new Attacks.Attack("JPQL subquery oracle on a password hash", base -> get(base, "api/jpa/books/by-author?author="
                        + q("x' or exists (select u from AppUser u where u.username = 'alice' and u.passwordHash like"
                        + " 'sha256:2bd8%') or 'a' = 'b")), (server, r) -> assertThat(r.body()).contains("Emma", "Ulysses")),
                new Attacks.Attack("JPQL numeric path segment", base -> get(base, "api/jpa/books/" + q("1 or 1=1")),
                        (server, r) -> assertThat(r.body()).contains("Dracula", "Ulysses")),
                new Attacks.Attack("native UNION", base -> get(base, "api/jpa/books/native?author="
                        + q("x' UNION SELECT id, password_hash, username, 0 FROM users --")),
                        (server, r) -> assertThat(r.body()).contains("alice", "sha256:2bd806c9")));
    }

    /** Inputs no parameterised query may ever block: attacks made harmless, near misses, and the corpus's benign texts. */
    static List<String> benign() throws IOException {
        List<String> texts = new ArrayList<>(List.of("x' OR 1=1 OR 'a'='", "x' UNION SELECT id, username, password_hash, 0 FROM users --",
                "alice' --", "1 OR 1=1", "O'Brien", "ORDER BY id", "2026-12-03", "id", "b.id", "order by b.title"));
        String corpus = System.getProperty("palisade.corpus");
        if (corpus == null) {
            throw new IllegalStateException("palisade.corpus is not set: run the tests through Maven");
        }
        for (String line : Files.readAllLines(Path.of(corpus, "libinjection", "false_positives.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                texts.add(line);
            }
        }
        return texts;
    }
}
