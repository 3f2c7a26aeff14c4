package io.palisade.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsReaderTest {

    private static Settings read(Map<String, String> values) {
        return SettingsReader.read(values::get);
    }

    @Test
    void defaultsMatchTheDocumentedTable() {
        Settings settings = Settings.defaults();
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.mode()).isEqualTo(Mode.BLOCK);
        assertThat(settings.rulesLocation()).isEmpty();
        assertThat(settings.rulesRefresh()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.reporterInterval()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.reporterBatchSize()).isEqualTo(1000);
        assertThat(settings.reporterQueueCapacity()).isEqualTo(10_000);
        assertThat(settings.reporterQueueBytes()).isEqualTo(16L * 1024 * 1024);
        assertThat(settings.rulesBlock()).isEqualTo(io.palisade.core.config.Confidence.HIGH);
        assertThat(settings.blockStatus()).isEqualTo(403);
        assertThat(settings.blockRedirect()).isEmpty();
        assertThat(settings.clientIpHeader()).isEqualTo("X-Forwarded-For");
        assertThat(settings.budget()).isEqualTo(Duration.ofMillis(5));
        assertThat(settings.backendUrl()).isEmpty();
        assertThat(settings.trustedProxies()).isEmpty();
    }

    @Test
    void valuesAreParsed() {
        Settings settings = read(Map.ofEntries(
                Map.entry(ConfigKeys.ENABLED, " FALSE "),
                Map.entry(ConfigKeys.MODE, "Monitor"),
                Map.entry(ConfigKeys.RULES_REFRESH, "PT1M"),
                Map.entry(ConfigKeys.IP_DENYLIST, "10.0.0.0/8, 192.168.1.7,,2001:db8::/32, ::1"),
                Map.entry(ConfigKeys.PATH_ALLOWLIST, "/health,/metrics*"),
                Map.entry(ConfigKeys.BACKEND_URL, "https://backend.example:8443/palisade"),
                Map.entry(ConfigKeys.BACKEND_TOKEN, "s3cr3t-token"),
                Map.entry(ConfigKeys.BLOCK_STATUS, "451"),
                Map.entry(ConfigKeys.BLOCK_REDIRECT, "/blocked.html"),
                Map.entry(ConfigKeys.BUDGET, "250us"),
                Map.entry(ConfigKeys.CLIENT_IP_HEADER, "Forwarded")));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.mode()).isEqualTo(Mode.MONITOR);
        assertThat(settings.rulesRefresh()).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.ipDenylist()).containsExactly("10.0.0.0/8", "192.168.1.7", "2001:db8::/32", "::1");
        assertThat(settings.pathAllowlist()).containsExactly("/health", "/metrics*");
        assertThat(settings.backendUrl()).contains(URI.create("https://backend.example:8443/palisade"));
        assertThat(settings.blockStatus()).isEqualTo(451);
        assertThat(settings.budget()).isEqualTo(Duration.ofNanos(250_000));
        assertThat(settings.toString()).doesNotContain("s3cr3t-token").contains("<redacted>");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "palisade.enabled|yes|expected true or false",
        "palisade.mode|blok|expected block or monitor",
        "palisade.rules.refresh|0s|from 1s to 1d",
        "palisade.rules.refresh|soon|expected a duration",
        "palisade.ip.denylist|10.0.0.0/33|IPv4 or IPv6",
        "palisade.ip.allowlist|example.com|IPv4 or IPv6",
        "palisade.trusted-proxies|10.0.0|IPv4 or IPv6",
        "palisade.ip.denylist|2001:zz8::/32|IPv4 or IPv6",
        "palisade.path.allowlist|health|starting with /",
        "palisade.scrub.key-pattern|(unclosed|RE2 syntax",
        "palisade.scrub.value-pattern|(?<=look)behind|RE2 syntax",
        "palisade.backend.url|ftp://backend|absolute http or https URL",
        "palisade.reporter.interval|10ms|from 100ms to 1h",
        "palisade.reporter.batch-size|0|from 1 to 100000",
        "palisade.reporter.queue-capacity|lots|from 16 to 1000000",
        "palisade.reporter.queue-bytes|16MB|KiB, MiB or GiB",
        "palisade.reporter.queue-bytes|2GiB|from 64KiB to 1GiB",
        "palisade.rules.block|heuristic|high or all",
        "palisade.block.status|200|from 400 to 599",
        "palisade.block.redirect|//evil.example|absolute http or https URL",
        "palisade.client-ip.header|X Forwarded|HTTP header name",
        "palisade.budget|1h|from 100us to 1s",
    })
    void badValuesNameKeyValueAndWhatIsAllowed(String key, String value, String allowed) {
        assertThatThrownBy(() -> read(Map.of(key, value)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining(ConfigKeys.environmentName(key))
                .hasMessageContaining(allowed);
    }

    @Test
    void sizesAreReadWithTheirUnit() {
        assertThat(read(Map.of("palisade.reporter.queue-bytes", "512KiB")).reporterQueueBytes()).isEqualTo(512 * 1024);
        assertThat(read(Map.of("palisade.reporter.queue-bytes", "1 GiB")).reporterQueueBytes()).isEqualTo(1L << 30);
        assertThat(read(Map.of("palisade.reporter.queue-bytes", "100000")).reporterQueueBytes()).isEqualTo(100_000);
        assertThat(read(Map.of("palisade.rules.block", "ALL")).rulesBlock()).isEqualTo(io.palisade.core.config.Confidence.HEURISTIC);
    }

    @Test
    void secretValuesAreNeverEchoed() {
        // The token has no syntax to get wrong, but the error path for secret keys must redact.
        InvalidSettingException error = new InvalidSettingException(ConfigKeys.BACKEND_TOKEN, "hunter2", "whatever");
        assertThat(error.getMessage()).doesNotContain("hunter2").contains("<redacted>");
    }

    @Test
    void credentialsInABadBackendUrlAreNotEchoed() {
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.BACKEND_URL, "https://user:hunter2@backend.example")))
                .hasMessageContaining("'https://<redacted>@backend.example'")
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("without credentials");
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.BACKEND_URL, "https://backend.example/?token=hunter2")))
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3.4", "0.0.0.0/0", "::/0", "fe80::1%", "255.255.255.255/32"})
    void cidrCheckNeverLooksUpNames(String value) {
        // "fe80::1%" has a character outside the address alphabet; the others are valid.
        assertThat(SettingsReader.isCidr(value)).isEqualTo(!value.endsWith("%"));
    }

    @Test
    void environmentNames() {
        assertThat(ConfigKeys.environmentName("palisade.reporter.batch-size")).isEqualTo("PALISADE_REPORTER_BATCH_SIZE");
        assertThat(ConfigKeys.ALL).allMatch(k -> k.startsWith(ConfigKeys.PREFIX));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/etc/palisade/rules.json", "rules.json", "file:///etc/palisade/rules.json",
        "https://rules.example.com/palisade/pack.json", "http://127.0.0.1:8080/rules?key=abc"})
    void rulesLocationsThatAreAccepted(String location) {
        assertThat(read(Map.of(ConfigKeys.RULES_LOCATION, location)).rulesLocation()).contains(location);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://rules.example.com/pack.json", "https:///pack.json", "file:relative.json",
        "https://user:hunter2@rules.example.com/pack.json", "http://exa mple.com/x"})
    void rulesLocationsThatAreRefusedWithoutEchoingCredentials(String location) {
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.RULES_LOCATION, location)))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessageContaining("palisade.rules.location")
                .hasMessageContaining("expected a file path, or a file:, http: or https: URL without credentials")
                .hasMessageNotContaining("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9000", "http://localhost/palisade", "http://[::1]:8443", "http://127.10.0.1"})
    void plainHttpIsAcceptedToALoopbackAddress(String url) {
        assertThat(read(Map.of(ConfigKeys.BACKEND_URL, url)).backendUrl()).isPresent();
        assertThat(read(Map.of(ConfigKeys.RULES_LOCATION, url + "/pack.json")).rulesLocation()).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://backend.example", "http://10.0.0.5:8080", "http://127.0.0.1.evil.example",
        "http://localhost.evil.example", "http://128.0.0.1"})
    void plainHttpElsewhereFailsTheDeploymentUnlessAllowedExplicitly(String url) {
        for (String key : new String[] {ConfigKeys.BACKEND_URL, ConfigKeys.RULES_LOCATION}) {
            assertThatThrownBy(() -> read(Map.of(key, url)))
                    .isInstanceOf(InvalidSettingException.class)
                    .hasMessageContaining(key)
                    .hasMessageContaining("plain http is only allowed to a loopback address")
                    .hasMessageContaining("palisade.backend.allow-insecure=true");
            assertThat(read(Map.of(key, url, ConfigKeys.BACKEND_ALLOW_INSECURE, "true")).backendAllowInsecure()).isTrue();
        }
    }

    @Test
    void publicKeysAreReadAsBase64OrFromPemFilesAndCheckedForP256(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws Exception {
        java.security.KeyPairGenerator ec = java.security.KeyPairGenerator.getInstance("EC");
        ec.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        String first = java.util.Base64.getEncoder().encodeToString(ec.generateKeyPair().getPublic().getEncoded());
        java.nio.file.Path pem = folder.resolve("second.pem");
        java.nio.file.Files.writeString(pem, "-----BEGIN PUBLIC KEY-----\n" + java.util.Base64.getMimeEncoder()
                .encodeToString(ec.generateKeyPair().getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
        Settings settings = read(Map.of(ConfigKeys.RULES_PUBLIC_KEYS, "ops-1=" + first + ", ops-2=file:" + pem));
        assertThat(settings.rulesPublicKeys()).containsOnlyKeys("ops-1", "ops-2");
        assertThat(read(Map.of()).rulesPublicKeys()).isEmpty();

        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        String rsaKey = java.util.Base64.getEncoder().encodeToString(rsa.generateKeyPair().getPublic().getEncoded());
        java.security.KeyPairGenerator p384 = java.security.KeyPairGenerator.getInstance("EC");
        p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        String p384Key = java.util.Base64.getEncoder().encodeToString(p384.generateKeyPair().getPublic().getEncoded());
        for (String[] bad : new String[][] {
            {"ops-1", "not a key id=or a key"},
            {"ops-1=" + first + ",ops-1=" + first, "listed twice"},
            {"ops-1=bm90IGEga2V5", "not a base64 DER EC public key"},
            {"ops-1=" + rsaKey, "not a base64 DER EC public key"},
            {"ops-1=" + p384Key, "not an ECDSA P-256 public key"},
            {"ops-1=file:/no/such/key.pem", "cannot be read"},
            {"bad id!=" + first, "must be 1 to 64 letters"}}) {
            assertThatThrownBy(() -> read(Map.of(ConfigKeys.RULES_PUBLIC_KEYS, bad[0])))
                    .as(bad[0]).isInstanceOf(InvalidSettingException.class).hasMessageContaining("palisade.rules.public-keys");
        }
    }

    @Test
    void theShutdownFlushIsBoundedAndConfigurable() {
        assertThat(read(Map.of()).reporterShutdownTimeout()).isEqualTo(java.time.Duration.ofSeconds(5));
        assertThat(read(Map.of(ConfigKeys.REPORTER_SHUTDOWN_TIMEOUT, "30s")).reporterShutdownTimeout())
                .isEqualTo(java.time.Duration.ofSeconds(30));
        assertThatThrownBy(() -> read(Map.of(ConfigKeys.REPORTER_SHUTDOWN_TIMEOUT, "1h")))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("palisade.reporter.shutdown-timeout");
    }
}
