package io.palisade.core.rules;

import io.palisade.core.config.TrustedKeys;
import java.io.IOException;
import java.io.PrintStream;
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

/**
 * The rule-pack signing tool, the agent jar's main class:
 *
 * <pre>
 * java -jar palisade-agent.jar keygen private-key.pem
 * java -jar palisade-agent.jar sign --key private-key.pem --key-id ops-2026 --sequence 7 --expires 30d pack.json &gt; signed.json
 * </pre>
 *
 * {@code keygen} writes a new ECDSA P-256 private key (PKCS#8 PEM, readable by its owner only) and
 * prints the {@code palisade.rules.public-keys} entry of its public key. {@code sign} prints the
 * {@link SignedPack} of a pack; {@code --expires} takes an ISO-8601 instant or a duration from now
 * ({@code 30d}, {@code 12h}); {@code --sequence} must grow with every pack an agent is to accept.
 */
public final class PackSigner {

    private PackSigner() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs a command; the exit status (0 on success, 2 for a usage error, 1 for a failure). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            if (args.length == 2 && args[0].equals("keygen")) {
                return keygen(Path.of(args[1]), out);
            }
            if (args.length >= 1 && args[0].equals("sign")) {
                return sign(args, out, err);
            }
        } catch (IOException | GeneralSecurityException | RulePackException | IllegalArgumentException e) {
            err.println("palisade: " + e.getMessage());
            return 1;
        }
        err.println("usage: java -jar palisade-agent.jar keygen <private-key.pem>\n"
                + "       java -jar palisade-agent.jar sign --key <private-key.pem> --key-id <id> --sequence <n>"
                + " --expires <instant|30d|12h> <pack.json>");
        return 2;
    }

    private static int keygen(Path file, PrintStream out) throws IOException, GeneralSecurityException {
        if (Files.exists(file)) {
            throw new IllegalArgumentException(file + " exists; keygen never overwrites a key");
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
        out.println("public key (palisade.rules.public-keys=<key id>=...):");
        out.println(Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()));
        return 0;
    }

    private static int sign(String[] args, PrintStream out, PrintStream err)
            throws IOException, GeneralSecurityException, RulePackException {
        String key = null;
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
            } else if (arg.startsWith("--")) {
                throw new IllegalArgumentException("unknown or incomplete option " + arg);
            } else {
                files.add(arg);
            }
        }
        if (key == null || keyId == null || sequence == null || expires == null || files.size() != 1) {
            throw new IllegalArgumentException("sign needs --key, --key-id, --sequence, --expires and one pack file");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("--sequence must be 0 or more");
        }
        String pack = Files.readString(Path.of(files.get(0)), StandardCharsets.UTF_8);
        RulePackParser.parse(pack, files.get(0)); // an invalid pack is refused here, not at every agent
        PrivateKey privateKey = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
                Base64.getMimeDecoder().decode(TrustedKeys.pemBody(Files.readString(Path.of(key), StandardCharsets.US_ASCII)))));
        out.println(SignedPack.sign(pack, keyId, sequence, expiry(expires), privateKey));
        return 0;
    }

    static Instant expiry(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            // a duration from now
        }
        if (text.length() >= 2) {
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            char unit = text.charAt(text.length() - 1);
            Duration duration = unit == 'd' ? Duration.ofDays(amount) : unit == 'h' ? Duration.ofHours(amount) : null;
            if (duration != null && amount > 0) {
                return Instant.now().plus(duration);
            }
        }
        throw new IllegalArgumentException("--expires takes an ISO-8601 instant (2027-01-31T00:00:00Z) or a duration such as 30d or 12h");
    }
}
