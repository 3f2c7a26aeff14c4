package io.palisade.it.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
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


    @Deployment(testable = false)
    static WebArchive deployment() {
        return SampleWar.create("palisade.enabled=false\n");
    }

    @ArquillianResource
    URL deployed;

    @Test
    void withPalisadeDisabledEveryInjectionWorks() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        assertThat(http.get("api/books/search?q=" + ServerHttp.q("x' OR 1=1 OR 'a'='")).body()).contains("Moby-Dick", "The Hobbit");
        assertThat(http.get("api/books/by-author?author=" + ServerHttp.q("x' UNION SELECT id, username, password_hash, 0 FROM users --")).body())
                .contains("alice", "sha256:");
        assertThat(http.get("api/books/" + ServerHttp.q("1 OR 1=1")).body()).contains("Dracula", "Ulysses");
        assertThat(http.get("api/books?sort=" + ServerHttp.q("(CASE WHEN (SELECT COUNT(*) FROM users WHERE username = 'alice') = 1"
                + " THEN title ELSE author END)")).body()).startsWith("[{\"id\":5,");
        assertThat(http.get("api/books/batch?ids=" + ServerHttp.q("0) OR (1=1")).body()).contains("Emma", "Middlemarch");
        assertThat(http.get("api/books/columns?name=" + ServerHttp.q("(SELECT password_hash FROM users WHERE id = 1)")).body())
                .contains("sha256:2bd806c9");
        assertThat(http.post("api/login", "application/json", "{\"username\":\"alice' --\",\"password\":\"wrong\"}").body())
                .isEqualTo("{\"user_id\":1}");
        assertThat(http.get("api/me", "Cookie", "session=x' OR '1'='1").body()).contains("username");
        assertThat(http.get("api/books/by-publisher", "X-Publisher", "x' OR 1=1 --").body()).contains("Dracula");
        String before = http.get("api/books/stats").body();
        assertThat(http.post("api/books/2/reviews", "application/x-www-form-urlencoded", "author=eve&text=" + ServerHttp.q("x'), (3, 'eve', 'spam"))
                .statusCode()).isEqualTo(201);
        assertThat(http.get("api/books/3/reviews").body()).as("a review smuggled onto another book").contains("spam");
        assertThat(http.get("api/books/stats").body()).isNotEqualTo(before);
    }

    @Test
    void withPalisadeDisabledEveryEvasionWorks() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        for (ServerEvasions.Evasion evasion : ServerEvasions.all()) {
            HttpResponse<String> response = evasion.call().send(http);
            assertThat(response.statusCode()).as(evasion.name()).isEqualTo(200);
            evasion.worked().accept(response);
        }
    }

    @Test
    void withPalisadeDisabledEveryJpaInjectionWorks() throws Exception {
        ServerHttp http = new ServerHttp(deployed);
        for (ServerEvasions.Evasion attack : ServerJpa.attacks()) {
            HttpResponse<String> response = attack.call().send(http);
            assertThat(response.statusCode()).as(attack.name() + ": " + response.body()).isEqualTo(200);
            attack.worked().accept(response);
        }
    }
}
