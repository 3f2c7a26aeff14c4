package io.palisade.sample.bookstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.hook.Callback;
import io.palisade.core.hook.CallbackSet;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.Installation;
import io.palisade.core.hook.Verdict;
import io.palisade.core.request.Detection;
import io.palisade.core.request.RequestRecord;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The same attacks with Palisade disabled (they work: the payloads are real) and in monitor mode
 * (they work too, and each is recorded). The servers run one after the other: Weld SE serves
 * {@code CDI.current()} to one running container at a time.
 */
class UnprotectedAndMonitorModeTest {

    /** The sample database: {@code h2} here, {@code postgres} in the PostgreSQL subclass. */
    String database() {
        return "h2";
    }

    @Test
    void withPalisadeDisabledEveryInjectionWorks() throws Exception {
        try (BookstoreServer server = Servers.start("sample.db", database(), "palisade.enabled", "false")) {
            assertThat(server.container().select(Books.class).get().databaseProduct())
                    .isEqualTo(database().equals("h2") ? "H2" : "PostgreSQL");
            for (Attacks.Attack attack : Attacks.all()) {
                HttpResponse<String> response = attack.call().send(server.uri());
                assertThat(response.statusCode()).as(attack.name()).isBetween(200, 201);
                attack.worked().accept(server, response);
            }
        }
    }

    @Test
    void inMonitorModeEveryInjectionWorksAndIsRecorded() throws Exception {
        try (BookstoreServer server = Servers.start("sample.db", database(), "palisade.mode", "monitor")) {
            PalisadeRuntime runtime = server.container().select(PalisadeRuntime.class).get();
            List<Detection> recorded = new CopyOnWriteArrayList<>();
            // Runs after the SQL-injection check (priority 10) and copies what it recorded.
            Callback watch = Callback.builder("test-watch").priority(1000).expects(String.class).epilog((call, result, failure) -> {
                RequestRecord record = runtime.requests().current();
                if (record != null) {
                    for (Detection detection : record.detections()) {
                        if (!recorded.contains(detection)) {
                            recorded.add(detection);
                        }
                    }
                }
            }).build();
            CallbackSet.Builder set = CallbackSet.builder();
            runtime.hookTable().byKind(HookKind.JDBC_QUERY).forEach(h -> set.add(h, watch));
            runtime.hookTable().byKind(HookKind.JDBC_EXECUTE).stream()
                    .filter(h -> h.parameterTypes().get(0) == String.class).forEach(h -> set.add(h, watch));
            Installation installed = runtime.hookTable().install(set.build());
            try {
                for (Attacks.Attack attack : Attacks.all()) {
                    HttpResponse<String> response = attack.call().send(server.uri());
                    assertThat(response.statusCode()).as(attack.name()).isBetween(200, 201);
                    attack.worked().accept(server, response);
                }
            } finally {
                installed.detach();
            }
            // The JDBC check records each attack once; the request-level SQL rule of the default pack
            // (monitor only) records some of them too, before the statement runs.
            List<Detection> atJdbc = recorded.stream().filter(d -> d.hookPoint().startsWith("jdbc:")).toList();
            assertThat(recorded).filteredOn(d -> !d.hookPoint().startsWith("jdbc:"))
                    .allSatisfy(d -> assertThat(d.ruleId()).isEqualTo("sqli-request"));
            assertThat(atJdbc).hasSize(Attacks.all().size());
            assertThat(atJdbc).allSatisfy(d -> {
                assertThat(d.ruleId()).isEqualTo("sqli-structure");
                assertThat(d.attackType()).isEqualTo("sql_injection");
                assertThat(d.blocked()).isFalse();
                assertThat(d.hookPoint()).startsWith("jdbc:java.sql.Statement#execute");
                assertThat(d.evidence()).isNotBlank();
            });
            assertThat(atJdbc).extracting(d -> d.input().source().label())
                    .contains("query", "path", "json", "form", "cookie", "header");
            assertThat(Verdict.CONTINUE.abort()).isFalse();
        }
    }
}
