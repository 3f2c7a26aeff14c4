package io.palisade.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.palisade.core.config.ConfigKeys;
import io.palisade.core.config.Settings;
import io.palisade.core.config.SettingsReader;
import io.palisade.core.counters.Counters;
import io.palisade.core.request.RequestContext;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signed rule packs: with {@code palisade.rules.public-keys} set, a pack from the network is taken
 * only when one of those keys signed it, its sequence is above the one in force and it has not
 * expired; unsigned, tampered, unknown-key, rolled-back and expired packs are refused, counted, and
 * leave the rules in force.
 */
class SignedPackTest {

    private static final String PACK = "{\"format\":\"palisade-rules/1\",\"version\":\"signed-%d\",\"base\":\"none\","
            + "\"rules\":[]}";

    private final Counters counters = new Counters();
    private final KeyPair current = keyPair();
    private final KeyPair next = keyPair();
    private final KeyPair stranger = keyPair();

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String spki(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }

    private RuleEngine engine(String publicKeys) {
        Map<String, String> config = new HashMap<>();
        if (publicKeys != null) {
            config.put(ConfigKeys.RULES_PUBLIC_KEYS, publicKeys);
        }
        Settings settings = SettingsReader.read(config::get);
        return new RuleEngine(settings, null, new RequestContext(), counters);
    }

    private static String signed(KeyPair pair, String keyId, long sequence, Instant expires) throws Exception {
        return SignedPack.sign(String.format(PACK, sequence), keyId, sequence, expires, pair.getPrivate());
    }

    private static Instant inADay() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    @Test
    void aSignedPackFromTheNetworkIsTakenAndNothingElseIs() throws Exception {
        RuleEngine engine = engine("ops-1=" + spki(current));
        String builtIn = engine.rules().version();

        assertThatThrownBy(() -> engine.apply(String.format(PACK, 1), "https://rules.example/pack.json", true))
                .isInstanceOf(RulePackException.class).hasMessageContaining("is not signed");
        assertThat(engine.rules().version()).isEqualTo(builtIn);

        assertThat(engine.apply(signed(current, "ops-1", 5, inADay()), "backend", true).version()).isEqualTo("signed-5");
        assertThat(engine.lastError()).isNull();

        // Tampered: the pack text changed after signing ("base": "none" with rules added would switch things off).
        String tampered = signed(current, "ops-1", 6, inADay()).replace("signed-6", "signed-6-evil");
        assertThatThrownBy(() -> engine.apply(tampered, "backend", true)).hasMessageContaining("signature does not match");
        // A key nobody listed, a rollback, a replay, an expired pack.
        assertThatThrownBy(() -> engine.apply(signed(stranger, "ops-1", 7, inADay()), "backend", true))
                .hasMessageContaining("signature does not match");
        assertThatThrownBy(() -> engine.apply(signed(stranger, "eve", 7, inADay()), "backend", true))
                .hasMessageContaining("key 'eve', which palisade.rules.public-keys does not list");
        assertThatThrownBy(() -> engine.apply(signed(current, "ops-1", 4, inADay()), "backend", true))
                .hasMessageContaining("rollback");
        assertThatThrownBy(() -> engine.apply(signed(current, "ops-1", 5, inADay()), "backend", true))
                .hasMessageContaining("rollback");
        assertThatThrownBy(() -> engine.apply(signed(current, "ops-1", 8, Instant.now().minusSeconds(1)), "backend", true))
                .hasMessageContaining("expired");
        assertThat(engine.rules().version()).isEqualTo("signed-5");
        assertThat(counters.snapshot()).containsEntry("rule_packs_rejected", 7L);
        assertThat(engine.lastError()).contains("expired");

        assertThat(engine.apply(signed(current, "ops-1", 9, inADay()), "backend", true).version()).isEqualTo("signed-9");
    }

    @Test
    void keysRotateByListingTwoAndLocalFilesMayStayUnsigned() throws Exception {
        RuleEngine engine = engine("ops-1=" + spki(current) + ", ops-2=" + spki(next));
        assertThat(engine.apply(signed(current, "ops-1", 1, inADay()), "backend", true).version()).isEqualTo("signed-1");
        assertThat(engine.apply(signed(next, "ops-2", 2, inADay()), "backend", true).version()).isEqualTo("signed-2");
        // A file on the server is the administrator's own: plain is fine, signed is checked.
        assertThat(engine.apply(String.format(PACK, 3), "/etc/palisade/rules.json", false).version()).isEqualTo("signed-3");
        assertThatThrownBy(() -> engine.apply(signed(stranger, "ops-1", 4, inADay()), "/etc/palisade/rules.json", false))
                .hasMessageContaining("signature does not match");
    }

    @Test
    void withoutKeysPlainPacksAreTakenAndSignedOnesCannotBeChecked() throws Exception {
        RuleEngine engine = engine(null);
        assertThat(engine.apply(String.format(PACK, 1), "backend", true).version()).isEqualTo("signed-1");
        assertThatThrownBy(() -> engine.apply(signed(current, "ops-1", 2, inADay()), "backend", true))
                .hasMessageContaining("palisade.rules.public-keys is not set");
    }

    @Test
    void aRulesUrlServingASignedPackIsFollowedAndATamperedOneIsNot() throws Exception {
        AtomicReference<String> served = new AtomicReference<>(signed(current, "ops-1", 1, inADay()));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/pack.json", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(served.get().hashCode()) + "\"");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            RuleEngine engine = engine("ops-1=" + spki(current));
            RuleLocation location = new RuleLocation("http://127.0.0.1:" + server.getAddress().getPort() + "/pack.json");
            assertThat(location.poll(engine)).isTrue();
            assertThat(engine.rules().version()).isEqualTo("signed-1");
            served.set(signed(current, "ops-1", 2, inADay()).replace("\"rules\\\":[]", "\"rules\\\":[ ]"));
            assertThat(location.poll(engine)).isFalse();
            assertThat(engine.rules().version()).isEqualTo("signed-1");
            served.set(String.format(PACK, 3));
            assertThat(location.poll(engine)).isFalse();
            assertThat(engine.lastError()).contains("not signed");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theCommandLineToolMakesKeysAndSignsPacksAnAgentAccepts(@TempDir Path folder) throws Exception {
        Path key = folder.resolve("private-key.pem");
        assertThat(PackSigner.run(new String[] {"keygen", key.toString()})).isZero();
        String publicKey = Files.readString(PackSigner.publicKeyFile(key)).strip();
        assertThat(Files.readString(key)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(PackSigner.run(new String[] {"keygen", key.toString()})).as("never overwrites a key").isEqualTo(1);

        Path pack = folder.resolve("pack.json");
        Path signedFile = folder.resolve("signed.json");
        Files.writeString(pack, String.format(PACK, 12));
        assertThat(PackSigner.run(new String[] {"sign", "--key", key.toString(), "--key-id", "ops-1", "--sequence", "12",
                "--expires", "30d", "--out", signedFile.toString(), pack.toString()})).isZero();
        RuleEngine engine = engine("ops-1=" + publicKey);
        assertThat(engine.apply(Files.readString(signedFile).strip(), "backend", true).version()).isEqualTo("signed-12");

        Files.writeString(pack, "{\"format\":\"palisade-rules/1\"}");
        assertThat(PackSigner.run(new String[] {"sign", "--key", key.toString(), "--key-id", "ops-1", "--sequence", "13",
                "--expires", "30d", "--out", signedFile.toString(), pack.toString()})).as("an invalid pack").isEqualTo(1);
        assertThat(PackSigner.run(new String[] {"sign"})).isEqualTo(1);
        assertThat(PackSigner.run(new String[] {})).isEqualTo(2);
    }
}
