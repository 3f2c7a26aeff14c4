package io.palisade.sample.bookstore;

import static io.palisade.sample.bookstore.Attacks.get;
import static io.palisade.sample.bookstore.Attacks.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.hook.Callback;
import io.palisade.core.hook.CallbackSet;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.Installation;
import io.palisade.core.request.Detection;
import io.palisade.core.request.RequestRecord;
import io.palisade.interceptor.jpa.JpaDelegates;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FindOption;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The sample's JPA endpoints (Hibernate ORM 7 on Jakarta Persistence 3.2, bootstrapped by a CDI
 * producer) both ways: every JPQL and native-SQL injection works with Palisade disabled and is
 * blocked with it, at the {@code jpa} hook point (the persistence unit's connections are not the
 * JDBC-hooked DataSource, so nothing else could catch it). Servers run one after the other.
 */
class JpaProtectionTest {

    /** The sample database: {@code h2} here, {@code postgres} in the PostgreSQL subclass. */
    String database() {
        return "h2";
    }

    @Test
    void withPalisadeDisabledEveryJpaInjectionWorks() throws Exception {
        try (BookstoreServer server = Servers.start("sample.db", database(), "palisade.enabled", "false")) {
            for (Attacks.Attack attack : JpaAttacks.all()) {
                HttpResponse<String> response = attack.call().send(server.uri());
                assertThat(response.statusCode()).as(attack.name()).isEqualTo(200);
                attack.worked().accept(server, response);
            }
        }
    }

    @Test
    void everyJpaInjectionIsBlockedAndBenignInputsPass() throws Exception {
        try (BookstoreServer server = Servers.start("sample.db", database())) {
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            assertThat(runtime.hookTable().byKind(HookKind.JPA_QUERY)).hasSize(2);
            assertThat(runtime.hookTable().byKind(HookKind.JPA_NATIVE_QUERY)).hasSize(3);
            for (Attacks.Attack attack : JpaAttacks.all()) {
                int users = Attacks.count(server, "users");
                int books = Attacks.count(server, "books");
                HttpResponse<String> response = attack.call().send(server.uri());
                assertThat(response.statusCode()).as(attack.name()).isEqualTo(403);
                assertThat(response.body()).as(attack.name()).matches("\\{\"error\":\"request blocked\",\"request_id\":\"[0-9a-f]{16}\"}");
                assertThat(Attacks.count(server, "users")).isEqualTo(users);
                assertThat(Attacks.count(server, "books")).isEqualTo(books);
            }
            assertThat(get(server.uri(), "api/jpa/books/search?q=Emma").body())
                    .isEqualTo("[{\"id\":2,\"title\":\"Emma\",\"author\":\"Jane Austen\",\"year\":1815}]");
            assertThat(get(server.uri(), "api/jpa/books/by-author?author=" + q("Jane Austen")).body()).contains("Persuasion");
            assertThat(get(server.uri(), "api/jpa/books/3").body()).contains("Moby-Dick");
            assertThat(get(server.uri(), "api/jpa/books/native?author=" + q("Bram Stoker")).body()).contains("Dracula");
            assertThat(get(server.uri(), "api/jpa/books/search?q=" + q("ORDER BY id")).statusCode()).isEqualTo(200);
            for (String text : JpaAttacks.benign()) {
                assertThat(get(server.uri(), "api/safe/jpa/books/search?q=" + q(text)).statusCode()).as(text).isEqualTo(200);
                assertThat(get(server.uri(), "api/safe/jpa/books/by-author?author=" + q(text)).statusCode()).as(text).isEqualTo(200);
                assertThat(get(server.uri(), "api/safe/jpa/books/native?author=" + q(text)).statusCode()).as(text).isEqualTo(200);
            }
            assertThat(get(server.uri(), "api/safe/jpa/books/by-author?author=" + q("x' or '1'='1")).body()).isEqualTo("[]");
            assertThat(get(server.uri(), "api/safe/jpa/books/5").body()).contains("Dracula");
        }
    }

    @Test
    void onThisJakartaPersistence32RuntimeTheWrappedManagerAnswersThe32Methods() throws Exception {
        try (BookstoreServer server = Servers.start("sample.db", database())) {
            RequestContextController request = server.container().select(RequestContextController.class).get();
            request.activate();
            try {
                EntityManager manager = server.container().select(EntityManager.class).get();
                // (Weld's client proxy answers for the instance it stands for, so the class is not reachable here.)
                assertThat(JpaDelegates.jpa32()).isTrue();
                assertThat(manager.toString()).startsWith("Palisade[");
                manager.setCacheRetrieveMode(CacheRetrieveMode.BYPASS);
                assertThat(manager.getCacheRetrieveMode()).isEqualTo(CacheRetrieveMode.BYPASS);
                String product = manager.callWithConnection((Connection c) -> c.getMetaData().getDatabaseProductName());
                assertThat(product).isEqualTo(database().equals("h2") ? "H2" : "PostgreSQL");
                assertThat(manager.find(StoredBook.class, 2, new FindOption[0]).toBook().title()).isEqualTo("Emma");
            } finally {
                request.deactivate();
            }
        }
    }

    @Test
    void inMonitorModeEachInjectionIsRecordedAtItsJpaHookPoint() throws Exception {
        try (BookstoreServer server = Servers.start("sample.db", database(), "palisade.mode", "monitor")) {
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            List<Detection> recorded = new CopyOnWriteArrayList<>();
            // Runs after the SQL-injection check (priority 10) and copies what it recorded.
            Callback watch = Callback.builder("test-watch").priority(1000).expects(String.class).epilog((call, result, failure) -> {
                RequestRecord record = runtime.requests().current();
                if (record != null) {
                    record.detections().stream().filter(d -> !recorded.contains(d)).forEach(recorded::add);
                }
            }).build();
            CallbackSet.Builder set = CallbackSet.builder();
            runtime.hookTable().byKind(HookKind.JPA_QUERY).forEach(h -> set.add(h, watch));
            runtime.hookTable().byKind(HookKind.JPA_NATIVE_QUERY).forEach(h -> set.add(h, watch));
            Installation installed = runtime.hookTable().install(set.build());
            try {
                for (Attacks.Attack attack : JpaAttacks.all()) {
                    HttpResponse<String> response = attack.call().send(server.uri());
                    assertThat(response.statusCode()).as(attack.name()).isEqualTo(200);
                    attack.worked().accept(server, response);
                }
            } finally {
                installed.detach();
            }
            List<Detection> atJpa = recorded.stream().filter(d -> d.ruleId().equals("sqli-structure")).toList();
            assertThat(atJpa).hasSize(JpaAttacks.all().size());
            assertThat(atJpa).extracting(Detection::hookPoint).containsExactly(
                    "jpa:jakarta.persistence.EntityManager#createQuery(java.lang.String,java.lang.Class)",
                    "jpa:jakarta.persistence.EntityManager#createQuery(java.lang.String,java.lang.Class)",
                    "jpa:jakarta.persistence.EntityManager#createQuery(java.lang.String,java.lang.Class)",
                    "jpa:jakarta.persistence.EntityManager#createQuery(java.lang.String,java.lang.Class)",
                    "jpa:jakarta.persistence.EntityManager#createNativeQuery(java.lang.String)");
            assertThat(atJpa).allSatisfy(d -> {
                assertThat(d.attackType()).isEqualTo("sql_injection");
                assertThat(d.blocked()).isFalse();
                assertThat(d.evidence()).isNotBlank();
            });
            assertThat(atJpa).extracting(d -> d.input().source().label()).contains("query", "path");
        }
    }
}
