package io.palisade.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.palisade.core.config.SettingsReader;
import io.palisade.core.event.AgentDescription;
import io.palisade.core.counters.Counters;
import io.palisade.core.event.SecurityEvent;
import io.palisade.core.request.Detection;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Secrets in inputs, headers, cookies and SQL never reach the backend or the event log: a few hundred
 * generated passwords, bearer tokens, JWTs, API keys, session ids, private keys and card numbers.
 */
class ScrubbingTest {

    private static final Scrubber DEFAULTS = new Scrubber(SettingsReader.DEFAULT_SCRUB_KEY_PATTERN,
            SettingsReader.DEFAULT_SCRUB_VALUE_PATTERN);
    private final Random random = new Random(20261125);

    /** One request full of secrets, with an injection detected in a non-secret parameter. */
    private record Case(RequestRecord record, List<String> secrets) {
    }

    private Case generate(int n) {
        String password = word(14) + "!" + n;
        String bearer = base64Url(30);
        String jwt = "eyJ" + base64Url(18) + "." + base64Url(40) + "." + base64Url(32);
        String apiKey = "ak_" + word(24);
        String session = "s-" + word(20);
        String card = io.palisade.core.testing.TestSecrets.luhnCard(random, true);
        String privateKey = "-----BEGIN RSA PRIVATE KEY-----\nMIIE" + base64Url(60) + "\n-----END RSA PRIVATE KEY-----";
        String cardInPayload = n % 2 == 0 ? card : card.replace(" ", "-");

        RequestRecord record = new RequestRecord("s-" + n, "POST", "/api/login/" + jwt, "198.51.100.4", RequestLimits.DEFAULT);
        record.addInput(InputSource.JSON, "user.password", password);
        record.addInput(InputSource.JSON, "user.name", "' OR 1=1 -- " + cardInPayload);
        record.addInput(InputSource.HEADER, "Authorization", "Bearer " + bearer);
        record.addInput(InputSource.QUERY, "api_key", apiKey);
        record.addInput(InputSource.COOKIE, "session", session);
        record.addInput(InputSource.QUERY, "note", "token " + jwt + " key " + privateKey);
        String sql = "SELECT * FROM users WHERE username = '' OR 1=1 -- " + cardInPayload + "' AND password_hash = '"
                + password + "' AND api = '" + apiKey + "' AND sid = '" + session + "' AND auth = '" + bearer + "'";
        record.addDetection(new Detection("sqli-structure", "sql_injection", Records.HOOK, record.inputs().get(1),
                "input opens a comment", sql, true, Instant.now()));
        record.addDetection(new Detection("waf-test", "test", "request", record.inputs().get(5), "test", null, false,
                Instant.now()));
        record.close();
        return new Case(record, List.of(password, bearer, jwt, apiKey, session, card, card.replace(" ", "-"),
                card.replace(" ", ""), "MIIE"));
    }

    @Test
    void noGeneratedSecretReachesTheBackend() throws Exception {
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            cases.add(generate(i));
        }
        Counters counters = new Counters();
        try (TestBackend backend = new TestBackend()) {
            HttpBackendExporter exporter = new HttpBackendExporter(backend.url(), Optional.empty(),
                    new AgentDescription("test", "1.0", "JVM", List.of()), Duration.ofSeconds(1), Duration.ofSeconds(2));
            PalisadeReporter reporter = PalisadeReporter.builder(counters, exporter, DEFAULTS)
                    .interval(Duration.ofMillis(100)).batchSize(100).build();
            reporter.start();
            try {
                cases.forEach(c -> assertThat(reporter.offer(SecurityEvent.of(c.record()))).isTrue());
                await().atMost(Duration.ofSeconds(10)).until(() -> backend.events().size() == 600);
            } finally {
                reporter.close();
            }
            String everything = String.join("\n", backend.acceptedBatches);
            for (Case c : cases) {
                for (String secret : c.secrets()) {
                    assertThat(everything).doesNotContain(secret);
                }
            }
            // What is left is still useful: the attack's shape, the rule, the redaction marks.
            assertThat(backend.events().get(0).getJsonObject("input").getString("value")).startsWith("' OR 1=1 -- <redacted>");
            assertThat(backend.events().get(0).getString("statement"))
                    .contains("password_hash = '<redacted>'").contains("username = '' OR 1=1");
        }
    }

    @Test
    void noGeneratedSecretReachesTheEventLog() {
        Logger log = Logger.getLogger(LogExporter.CATEGORY + ".test");
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.setUseParentHandlers(false);
        log.addHandler(capture);
        try {
            EventEncoder encoder = new EventEncoder(DEFAULTS);
            LogExporter exporter = new LogExporter(log);
            List<Case> cases = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                Case c = generate(i);
                cases.add(c);
                exporter.export(new Batch("batch-" + i, i, encoder.encode(SecurityEvent.of(c.record())), java.util.Map.of()));
            }
            assertThat(lines).hasSize(600).allMatch(line -> line.startsWith("{\"type\":\"attack\""));
            String everything = String.join("\n", lines);
            for (Case c : cases) {
                for (String secret : c.secrets()) {
                    assertThat(everything).doesNotContain(secret);
                }
            }
        } finally {
            log.removeHandler(capture);
        }
    }

    @Test
    void literalsComparedWithSecretColumnsAreRedactedOthersKept() {
        String sql = "UPDATE users SET \"Password\" = 'hunter2', name = 'Ann' WHERE api_key LIKE 'k-1' AND 'tok' = token";
        assertThat(DEFAULTS.sql(sql, List.of())).isEqualTo(
                "UPDATE users SET \"Password\" = '<redacted>', name = 'Ann' WHERE api_key LIKE '<redacted>' AND '<redacted>' = token");
    }

    @Test
    void insertedSecretsAreRedactedByTheirColumnAndBackslashesCannotCutALiteralShort() {
        assertThat(DEFAULTS.sql("INSERT INTO users (name, pass) VALUES ('bob', 'hunter2'), ('eve', 'pw-2')", List.of()))
                .isEqualTo("INSERT INTO users (name, pass) VALUES ('bob', '<redacted>'), ('eve', '<redacted>')");
        assertThat(DEFAULTS.sql("SELECT id FROM users WHERE pass = 'hunter2'", List.of()))
                .isEqualTo("SELECT id FROM users WHERE pass = '<redacted>'");
        // MySQL reads 'ab\'cd' as one literal; the generic rules end it after the backslash. Neither half may leak.
        String mysql = DEFAULTS.sql("SELECT id FROM users WHERE password='ab\\'cd' AND name = 'x'", List.of());
        assertThat(mysql).doesNotContain("ab").doesNotContain("cd").contains("name = 'x'");
    }

    @Test
    void commonSecretNamesAndTokensAreRedacted() {
        for (String name : List.of("pass", "pw", "pin", "key", "otp", "code", "PHPSESSID", "connect.sid", "ssn",
                "X-Amz-Signature", "user.pin", "items[0].pass", "X-Amz-Security-Token")) {
            assertThat(DEFAULTS.value(name, "s3cr3t-value", List.of())).as(name).isEqualTo(Scrubber.REDACTED);
        }
        for (String name : List.of("q", "zip_code", "keyword", "passage", "pinned", "sort", "title")) {
            assertThat(DEFAULTS.value(name, "ordinary", List.of())).as(name).isEqualTo("ordinary");
        }
        for (String secret : List.of("AKIAIOSFODNN7EXAMPLE", "Basic dXNlcjpwYXNzd29yZA==",
                "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8", "github_pat_11ABCDEFG0123456789_abcdefghijklmnop",
                "sk_live_" + "4eC39HqLyjWDarjtT1zdp7dc", "rk_test_" + "51H8aXbY2cZdEfGhIjKlMnOp",
                "xoxb-123456789012-abcdefghij", "AIza" + "SyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q")) {
            assertThat(DEFAULTS.text("id " + secret + " end", List.of())).as(secret).isEqualTo("id <redacted> end");
        }
        assertThat(DEFAULTS.text("a basic training course", List.of())).isEqualTo("a basic training course");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        for (String text : List.of("O'Brien", "SELECT title FROM books WHERE id = 42", "order 12345", "2026-11-25",
                "call 555-0100", "The Pragmatic Programmer")) {
            assertThat(DEFAULTS.text(text, List.of())).isEqualTo(text);
        }
        assertThat(DEFAULTS.value("q", "O'Brien", List.of())).isEqualTo("O'Brien");
        assertThat(DEFAULTS.value("X-Api-Key", "abc", List.of())).isEqualTo(Scrubber.REDACTED);
    }

    @Test
    void aCustomPatternReplacesTheDefaults() {
        Scrubber custom = new Scrubber("(?i)^pin$", "ACCT-[0-9]{6}");
        assertThat(custom.value("pin", "1234", List.of())).isEqualTo(Scrubber.REDACTED);
        assertThat(custom.text("moved ACCT-123456 today", List.of())).isEqualTo("moved <redacted> today");
        assertThat(custom.value("password", "kept", List.of())).isEqualTo("kept");
    }

    private String word(int length) {
        StringBuilder out = new StringBuilder(length);
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    private String base64Url(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

}
