package io.palisade.core.rules;

import io.palisade.core.config.TrustedKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The rule-pack signing tool, the agent jar's main class:
 *
 * <pre>
 * java -jar palisade-agent.jar keygen private-key.pem
 * java -jar palisade-agent.jar sign --key private-key.pem --key-id ops-2026 --sequence 7 --expires 30d --out signed.json pack.json
 * </pre>
 *
 * {@code keygen} writes a new ECDSA P-256 private key (PKCS#8 PEM, readable by its owner only) and,
 * beside it in {@code <file>.pub}, the base64 public key that {@code palisade.rules.public-keys} lists.
 * {@code sign} writes the {@link SignedPack} of a pack to {@code --out}; {@code --expires} takes an
 * ISO-8601 instant or a duration from now ({@code 30d}, {@code 12h}); {@code --sequence} must grow
 * with every pack an agent is to accept. What it did, and what went wrong, goes to the log
 * ({@code io.palisade.signer}); the private key never does.
 */
public final class PackSigner {

    private static final Logger LOG = Logger.getLogger("io.palisade.signer");

    private PackSigner() {
    }

    public static void main(String[] args) {
        // A command-line tool: its messages as plain lines, without the default two-line log header.
        Logger tool = Logger.getLogger("io.palisade.signer");
        tool.setUseParentHandlers(false);
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return "palisade: " + formatMessage(record) + System.lineSeparator();
            }
        });
        tool.addHandler(console);
        System.exit(run(args));
    }

    /** Runs a command; the exit status (0 on success, 2 for a usage error, 1 for a failure). */
    static int run(String[] args) {
        try {
            if (args.length == 2 && args[0].equals("keygen")) {
                return keygen(Path.of(args[1]));
            }
            if (args.length >= 1 && args[0].equals("sign")) {
                return sign(args);
            }
        } catch (IOException | GeneralSecurityException | RulePackException | IllegalArgumentException e) {
            LOG.severe(e.getMessage());
            return 1;
        }
        LOG.severe("usage: java -jar palisade-agent.jar keygen <private-key.pem>\n"
                + "       java -jar palisade-agent.jar sign --key <private-key.pem> --key-id <id> --sequence <n>"
                + " --expires <instant|30d|12h> --out <signed.json> <pack.json>");
        return 2;
    }

    /** Where keygen writes the public key of {@code privateKey}. */
    static Path publicKeyFile(Path privateKey) {
        return privateKey.resolveSibling(privateKey.getFileName() + ".pub");
    }

    private static int keygen(Path file) throws IOException, GeneralSecurityException {
        Path publicFile = publicKeyFile(file);
        if (Files.exists(file) || Files.exists(publicFile)) {
            throw new IllegalArgumentException(file + " or " + publicFile + " exists; keygen never overwrites a key");
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        Files.createFile(file);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's permissions apply
        }
        Files.writeString(file, pem, StandardCharsets.US_ASCII);
        String publicKey = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        Files.writeString(publicFile, publicKey + "\n", StandardCharsets.US_ASCII);
        LOG.info("private key written to " + file + "; public key written to " + publicFile
                + " (list it as palisade.rules.public-keys=<key id>=" + publicKey + ")");
        return 0;
    }

    private static int sign(String[] args) throws IOException, GeneralSecurityException, RulePackException {
        String key = null;
        String out = null;
        String keyId = null;
        Long sequence = null;
        String expires = null;
        List<String> files = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            boolean hasValue = i + 1 < args.length;
            if (arg.equals("--key") && hasValue) {
                key = args[++i];
            } else if (arg.equals("--key-id") && hasValue) {
                keyId = args[++i];
            } else if (arg.equals("--sequence") && hasValue) {
                sequence = Long.parseLong(args[++i]);
            } else if (arg.equals("--expires") && hasValue) {
                expires = args[++i];
            } else if (arg.equals("--out") && hasValue) {
                out = args[++i];
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown or incomplete option " + arg);
            } else {
                files.add(arg);
            }
        }
        if (key == null || keyId == null || sequence == null || expires == null || out == null || files.size() != 1) {
            throw new IllegalArgumentException("sign needs --key, --key-id, --sequence, --expires, --out and one pack file");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("--sequence must be 0 or more");
        }
        String pack = Files.readString(Path.of(files.get(0)), StandardCharsets.UTF_8);
        RulePackParser.parse(pack, files.get(0)); // an invalid pack is refused here, not at every agent
        PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(TrustedKeys.pemBody(Files.readString(Path.of(key), StandardCharsets.US_ASCII)))));
        Instant until = expiry(expires);
        Files.writeString(Path.of(out), SignedPack.sign(pack, keyId, sequence, until, privateKey) + "\n", StandardCharsets.UTF_8);
        LOG.info("signed " + files.get(0) + " with key " + keyId + ", sequence " + sequence + ", expiring " + until
                + ": " + out);
        return 0;
    }

    static Instant expiry(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            // a duration from now
        }
        Duration duration = io.palisade.core.config.SettingsReader.parseDuration(text);
        if (duration != null && !duration.isNegative() && !duration.isZero()) {
            return Instant.now().plus(duration);
        }
        throw new IllegalArgumentException("--expires takes an ISO-8601 instant (2027-01-31T00:00:00Z) or a duration such as 30d or 12h");
    }
}
