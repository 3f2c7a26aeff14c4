package io.palisade.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.rules.SignedPack;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's storage on a PostgreSQL of its own (as CONSOLE_DB_URL names one): the schema from an
 * empty database, retention by dropped partitions, signed packs, and two console instances sharing one
 * database with nothing in memory that the other would need.
 */
class ConsoleStorageTest {

    static EmbeddedPostgres postgres;
    @TempDir
    static Path keys;
    static KeyPair pair;
    static Console first;
    static Console second;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(0).setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE console");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        pair = generator.generateKeyPair();
        Path key = keys.resolve("console.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n", StandardCharsets.US_ASCII);
        Files.writeString(keys.resolve("console.pem.pub"), Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n");
        Map<String, String> env = Map.of("CONSOLE_DB_URL", postgres.getJdbcUrl("postgres", "console"), "CONSOLE_DB_USER", "postgres",
                "CONSOLE_ADMIN_PASSWORD", RunningConsole.ADMIN_PASSWORD, "CONSOLE_SIGNING_KEY", key.toString(),
                "CONSOLE_SIGNING_KEY_ID", "ops-console", "CONSOLE_RETENTION_DAYS", "30");
        first = Console.open(ConsoleConfig.from(env));
        second = Console.open(ConsoleConfig.from(env));
    }

    @AfterAll
    static void stop() throws Exception {
        second.close();
        first.close();
        postgres.close();
    }

    @Test
    void theSchemaIsBuiltFromAnEmptyDatabaseByTheMigrations() throws Exception {
        try (Connection connection = postgres.getDatabase("postgres", "console").getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("1");
            assertThat(rows.getBoolean(2)).isTrue();
        }
    }

    @Test
    void retentionDropsWholeDaysOfEventsOlderThanTheSetting() throws Exception {
        LocalDate old = LocalDate.now(ZoneOffset.UTC).minusDays(45);
        String name = "events_" + old.toString().replace("-", "");
        try (Connection connection = postgres.getDatabase("postgres", "console").getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + name + " PARTITION OF events FOR VALUES FROM ('" + old + "') TO ('" + old.plusDays(1) + "')");
        }
        assertThat(first.store().applyRetention(30, Instant.now())).isEqualTo(1);
        try (Connection connection = postgres.getDatabase("postgres", "console").getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_class WHERE relname IN ('" + name + "', 'events_"
                        + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "')")) {
            rows.next();
            assertThat(rows.getInt(1)).as("today's partition stays, the old one is gone").isEqualTo(1);
        }
    }

    @Test
    void packsAreSignedWithTheConsolesKeyAndTheirSequenceGrowsAcrossInstances() throws Exception {
        String token = first.provision("signed-app");
        Store.AgentAuth auth = second.store().agentToken(token).orElseThrow();
        Policy.ServedPack a = first.policy().currentPack(auth.applicationId());
        PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(pair.getPublic().getEncoded()));
        SignedPack verified = SignedPack.verify(a.body(), "console", Map.of("ops-console", publicKey), Instant.now());
        assertThat(verified.sequence()).isEqualTo(a.version());
        assertThat(verified.expires()).isAfter(Instant.now().plusSeconds(29L * 24 * 3600));
        // The same pack from the other instance while nothing changed.
        assertThat(second.policy().currentPack(auth.applicationId()).etag()).isEqualTo(a.etag());
        Store.Application app = second.store().application("signed-app").orElseThrow();
        second.policy().setRuleMode("admin", app, "xss-exploit", "monitor");
        Policy.ServedPack b = first.policy().currentPack(auth.applicationId());
        assertThat(b.version()).isGreaterThan(a.version());
        assertThat(SignedPack.verify(b.body(), "console", Map.of("ops-console", publicKey), Instant.now()).pack())
                .contains("\"xss-exploit\":\"monitor\"");
        assertThat(first.config().signing().orElseThrow().publicKeyBase64())
                .isEqualTo(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
    }

    @Test
    void sessionsBatchesAndLimitsLiveInTheDatabaseSoAnyInstanceServesAnyRequest() {
        Map.Entry<String, Accounts.Session> session = first.accounts().openSession(Accounts.ADMIN);
        assertThat(second.accounts().session(session.getKey())).map(Accounts.Session::csrfToken)
                .contains(session.getValue().csrfToken());
        second.accounts().closeSession(session.getKey());
        assertThat(first.accounts().session(session.getKey())).isEmpty();

        String token = first.provision("shared-app");
        Store.AgentAuth auth = first.store().agentToken(token).orElseThrow();
        String agentId = first.store().login(auth, "1", "test", "127.0.0.1", List.of());
        Store.Agent agent = second.store().agent(agentId).orElseThrow();
        Batch batch = new Batch(agentId, "shared-batch", Map.of("requests", 5L), List.of(new Batch.Event(Instant.now(), "r1",
                "sqli-structure", "sql_injection", "high", null, true, "block", "192.0.2.1", "GET", "/x", null, "reason", "query",
                "q", "' OR 1=1", false, null)));
        assertThat(first.store().storeBatch(agent, batch)).isTrue();
        assertThat(second.store().storeBatch(agent, batch)).as("the retry reached the other instance").isFalse();
        assertThat(second.reports().count(new Reports.EventFilter(auth.applicationId(), Instant.EPOCH, Instant.now().plusSeconds(5),
                null, null, null, null, null))).isEqualTo(1);
        for (int i = 0; i < Accounts.MAX_FAILURES; i++) {
            (i % 2 == 0 ? first : second).accounts().checkPassword("203.0.113.5", "admin", "guess");
        }
        assertThat(first.accounts().rateLimited("203.0.113.5", "admin")).isTrue();
        assertThat(second.accounts().rateLimited("203.0.113.5", "admin")).isTrue();
        assertThat(Optional.of(first.accounts().rateLimited("203.0.113.6", "admin"))).contains(false);
    }
}
