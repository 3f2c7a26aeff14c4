package io.palisade.console;

import io.palisade.core.config.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's settings, read from the environment ({@code CONSOLE_*}, see
 * {@code docs/reference/console.md}). Every value is checked at start; a bad one stops the start with
 * the variable's name and what it should be.
 *
 * @param bind the address to listen on (127.0.0.1 unless configured)
 * @param dbUrl a PostgreSQL JDBC URL, or empty for an embedded PostgreSQL
 * @param adminPassword the admin account's password, or empty to generate one at first start
 * @param signing the key packs are signed with, when configured
 * @param tlsKeystore a PKCS#12 key store: the console then listens on https only
 */
public record ConsoleConfig(String bind, int port, Optional<String> dbUrl, Optional<String> dbUser, Optional<String> dbPassword,
        Optional<String> adminPassword, int retentionDays, Optional<SigningKey> signing, Duration packLifetime,
        Optional<Path> tlsKeystore, Optional<String> tlsPassword, Optional<Path> dataDirectory) {

    /** The console's pack-signing key: its id, the private key and the public key agents list. */
    public record SigningKey(String keyId, PrivateKey privateKey, String publicKeyBase64) {

        @Override
        public String toString() {
            return "SigningKey[" + keyId + "]"; // never the private key
        }
    }

    @Override
    public String toString() {
        // Passwords and keys stay out of logs.
        return "ConsoleConfig[bind=" + bind + ", port=" + port + ", db=" + dbUrl.map(u -> "external").orElse("embedded")
                + ", retentionDays=" + retentionDays + ", signing=" + signing.map(SigningKey::keyId).orElse("none")
                + ", tls=" + tlsKeystore.isPresent() + "]";
    }

    /** @throws IllegalArgumentException naming the variable and the problem */
    public static ConsoleConfig from(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String bind = value(env, "CONSOLE_BIND").orElse("127.0.0.1");
        int port = integer(env, "CONSOLE_PORT", 8081, 0, 65535, problems);
        int retention = integer(env, "CONSOLE_RETENTION_DAYS", 30, 1, 3650, problems);
        int packDays = integer(env, "CONSOLE_PACK_LIFETIME_DAYS", 30, 1, 365, problems);
        Optional<String> dbUrl = value(env, "CONSOLE_DB_URL");
        if (dbUrl.isPresent() && !dbUrl.get().startsWith("jdbc:postgresql:")) {
            problems.add("CONSOLE_DB_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db), not '"
                    + dbUrl.get() + "'");
        }
        Optional<String> admin = value(env, "CONSOLE_ADMIN_PASSWORD");
        if (admin.isPresent() && admin.get().length() < 12) {
            problems.add("CONSOLE_ADMIN_PASSWORD must have at least 12 characters");
        }
        Optional<SigningKey> signing = Optional.empty();
        Optional<String> keyFile = value(env, "CONSOLE_SIGNING_KEY");
        if (keyFile.isPresent()) {
            try {
                signing = Optional.of(signingKey(Path.of(keyFile.get()), value(env, "CONSOLE_SIGNING_KEY_ID").orElse("console")));
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                problems.add("CONSOLE_SIGNING_KEY must be the path of a PEM EC P-256 private key (java -jar palisade-agent.jar"
                        + " keygen console.pem makes one, with its public key in console.pem.pub): " + e.getMessage());
            }
        }
        Optional<Path> keystore = value(env, "CONSOLE_TLS_KEYSTORE").map(Path::of);
        Optional<String> tlsPassword = value(env, "CONSOLE_TLS_PASSWORD");
        if (keystore.isPresent() && !Files.isReadable(keystore.get())) {
            problems.add("CONSOLE_TLS_KEYSTORE must be a readable PKCS#12 file: " + keystore.get());
        }
        if (keystore.isPresent() && tlsPassword.isEmpty()) {
            problems.add("CONSOLE_TLS_PASSWORD is required with CONSOLE_TLS_KEYSTORE");
        }
        Optional<Path> data = value(env, "CONSOLE_DATA_DIR").map(Path::of);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new ConsoleConfig(bind, port, dbUrl, value(env, "CONSOLE_DB_USER"), value(env, "CONSOLE_DB_PASSWORD"), admin,
                retention, signing, Duration.ofDays(packDays), keystore, tlsPassword, data);
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    private static int integer(Map<String, String> env, String name, int fallback, int min, int max, List<String> problems) {
        Optional<String> text = value(env, name);
        if (text.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number from " + min + " to " + max + ", not '" + text.get() + "'");
        return fallback;
    }

    /**
     * Reads a PKCS#8 PEM EC private key and the public key beside it ({@code <file>.pub}, as the agent
     * jar's {@code keygen} writes it), and checks that they are a pair.
     */
    static SigningKey signingKey(Path file, String keyId) throws IOException, GeneralSecurityException {
        byte[] der = Base64.getMimeDecoder().decode(TrustedKeys.pemBody(Files.readString(file, StandardCharsets.US_ASCII)));
        KeyFactory factory = KeyFactory.getInstance("EC");
        PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
        Path publicFile = file.resolveSibling(file.getFileName() + ".pub");
        String publicText = Files.readString(publicFile, StandardCharsets.US_ASCII);
        String publicBase64 = publicText.contains("-----BEGIN") ? TrustedKeys.pemBody(publicText) : publicText.strip();
        // The MIME decoder skips the line breaks of a PEM body.
        PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(publicBase64)));
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        byte[] probe = "palisade-console key check".getBytes(StandardCharsets.US_ASCII);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(publicKey);
        verifier.update(probe);
        if (!verifier.verify(signature)) {
            throw new GeneralSecurityException("the public key in " + publicFile + " is not the private key's");
        }
        return new SigningKey(keyId, key, Base64.getEncoder().encodeToString(publicKey.getEncoded()));
    }
}
