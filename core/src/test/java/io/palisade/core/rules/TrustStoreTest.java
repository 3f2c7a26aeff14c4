package io.palisade.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.palisade.core.config.ConfigKeys;
import io.palisade.core.config.InvalidSettingException;
import io.palisade.core.config.Settings;
import io.palisade.core.config.SettingsReader;
import io.palisade.core.counters.Counters;
import io.palisade.core.request.RequestContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code palisade.backend.truststore}: a rules URL on a server whose certificate a private CA signed
 * (here, a self-signed one made with the JDK's keytool) is reachable only with that trust store, and a
 * store that cannot be read fails the deployment without echoing its password.
 */
class TrustStoreTest {

    private static final String PACK = "{\"format\":\"palisade-rules/1\",\"version\":\"tls-1\",\"rules\":[]}";

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void aPrivateCaIsTrustedOnlyThroughTheConfiguredStore(@TempDir Path folder) throws Exception {
        Path server = folder.resolve("server.p12");
        Path certificate = folder.resolve("server.pem");
        Path trust = folder.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", server.toString(), "-storetype", "PKCS12",
                "-storepass", "server-pass");
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", server.toString(), "-storepass", "server-pass",
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "backend-ca", "-file", certificate.toString(), "-keystore",
                trust.toString(), "-storetype", "PKCS12", "-storepass", "trust-pass");

        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(server)) {
            keys.load(in, "server-pass".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "server-pass".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(context));
        https.createContext("/pack.json", exchange -> {
            byte[] body = PACK.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        https.start();
        try {
            String url = "https://127.0.0.1:" + https.getAddress().getPort() + "/pack.json";
            Settings settings = SettingsReader.read(Map.of(ConfigKeys.BACKEND_TRUSTSTORE, trust.toString(),
                    ConfigKeys.BACKEND_TRUSTSTORE_PASSWORD, "trust-pass")::get);
            assertThat(settings.backendTls()).isPresent();
            assertThat(settings.toString()).doesNotContain("trust-pass");

            RuleEngine withDefaults = new RuleEngine(SettingsReader.read(Map.<String, String>of()::get), null,
                    new RequestContext(), new Counters());
            assertThat(new RuleLocation(url).poll(withDefaults)).as("the JVM's trust store does not know this CA").isFalse();

            RuleEngine engine = new RuleEngine(settings, null, new RequestContext(), new Counters());
            assertThat(new RuleLocation(url, settings.backendTls().get()).poll(engine)).isTrue();
            assertThat(engine.rules().version()).endsWith("tls-1");
        } finally {
            https.stop(0);
        }

        assertThatThrownBy(() -> SettingsReader.read(Map.of(ConfigKeys.BACKEND_TRUSTSTORE, trust.toString(),
                ConfigKeys.BACKEND_TRUSTSTORE_PASSWORD, "wrong-pass")::get))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("palisade.backend.truststore")
                .hasMessageNotContaining("wrong-pass");
        assertThatThrownBy(() -> SettingsReader.read(Map.of(ConfigKeys.BACKEND_TRUSTSTORE, folder.resolve("none.p12").toString())::get))
                .isInstanceOf(InvalidSettingException.class).hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> SettingsReader.read(Map.of(ConfigKeys.BACKEND_TRUSTSTORE_PASSWORD, "lonely-pass")::get))
                .isInstanceOf(InvalidSettingException.class).hasMessageNotContaining("lonely-pass");
    }
}
