package io.palisade.core.rules;

import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * A rule pack with a detached signature, as the backend or a rules URL serves it when
 * {@code palisade.rules.public-keys} is set:
 *
 * <pre>{
 *   "format": "palisade-signed-pack/1",
 *   "key_id": "console-2026",
 *   "sequence": 42,
 *   "expires": "2027-01-31T00:00:00Z",
 *   "pack": "{\"format\":\"palisade-rules/1\", ...}",
 *   "signature": "MEUCIQ..."
 * }</pre>
 *
 * The signature is ECDSA P-256 with SHA-256 (the JDK's {@code SHA256withECDSA}, DER, base64) over
 * the UTF-8 bytes of {@code format, key_id, sequence, expires, pack} joined by newlines: the pack is
 * signed as the exact text it is, with the sequence (no rollback) and expiry (no freeze) bound to it,
 * and no JSON canonicalisation is needed.
 *
 * @param keyId    which trusted key signed it
 * @param sequence a number that only grows from one pack to the next
 * @param expires  after this the pack is refused
 * @param pack     the rule pack text itself
 */
public record SignedPack(String keyId, long sequence, Instant expires, String pack) {

    public static final String FORMAT = "palisade-signed-pack/1";
    private static final String ALGORITHM = "SHA256withECDSA";
    private static final JsonProviderImpl JSON = new JsonProviderImpl();
    private static final Set<String> FIELDS = Set.of("format", "key_id", "sequence", "expires", "pack", "signature");

    /** Whether {@code text} is a signed envelope rather than a plain pack: a JSON object whose format says so. */
    public static boolean isEnvelope(String text) {
        if (text == null || !text.contains(FORMAT) || text.length() > 2 * RulePackParser.MAX_PACK_CHARS) {
            return false;
        }
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            JsonValue format = reader.readObject().get("format");
            return format instanceof JsonString && FORMAT.equals(((JsonString) format).getString());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Reads and verifies an envelope against {@code keys}.
     *
     * @throws RulePackException when it is malformed, signed by an unknown key, badly signed or expired
     */
    public static SignedPack verify(String text, String origin, Map<String, PublicKey> keys, Instant now)
            throws RulePackException {
        String where = "signed rule pack from " + origin;
        if (text.length() > 2 * RulePackParser.MAX_PACK_CHARS) {
            throw new RulePackException(where + " is too large");
        }
        JsonObject root;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new RulePackException(where + " is not a JSON object (" + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            throw new RulePackException(where + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        for (String field : root.keySet()) {
            if (!FIELDS.contains(field)) {
                throw new RulePackException(where + ": unknown field \"" + field + "\"");
            }
        }
        if (!FORMAT.equals(string(root, "format", where))) {
            throw new RulePackException(where + ": \"format\" must be \"" + FORMAT + "\"");
        }
        String keyId = string(root, "key_id", where);
        JsonValue sequenceValue = root.get("sequence");
        if (!(sequenceValue instanceof JsonNumber) || !((JsonNumber) sequenceValue).isIntegral()
                || ((JsonNumber) sequenceValue).bigIntegerValue().bitLength() > 62 || ((JsonNumber) sequenceValue).longValue() < 0) {
            throw new RulePackException(where + ": \"sequence\" must be a whole number from 0");
        }
        long sequence = ((JsonNumber) sequenceValue).longValue();
        String expiresText = string(root, "expires", where);
        Instant expires;
        try {
            expires = Instant.parse(expiresText);
        } catch (DateTimeParseException e) {
            throw new RulePackException(where + ": \"expires\" must be an ISO-8601 instant such as 2027-01-31T00:00:00Z");
        }
        String pack = string(root, "pack", where);
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(string(root, "signature", where));
        } catch (IllegalArgumentException e) {
            throw new RulePackException(where + ": \"signature\" is not base64");
        }
        PublicKey key = keys.get(keyId);
        if (key == null) {
            throw new RulePackException(where + " is signed with key '" + keyId + "', which palisade.rules.public-keys does not list");
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(signedBytes(keyId, sequence, expiresText, pack));
            if (!verifier.verify(signature)) {
                throw new RulePackException(where + ": the signature does not match (key '" + keyId + "')");
            }
        } catch (GeneralSecurityException e) {
            throw new RulePackException(where + ": the signature cannot be checked (" + e.getClass().getSimpleName() + ")");
        }
        if (!now.isBefore(expires)) {
            throw new RulePackException(where + " expired at " + expires + " (sequence " + sequence + ")");
        }
        return new SignedPack(keyId, sequence, expires, pack);
    }

    /** Signs {@code pack} (the command-line signer and tests). */
    public static String sign(String pack, String keyId, long sequence, Instant expires, PrivateKey key)
            throws GeneralSecurityException {
        String expiresText = expires.toString();
        Signature signer = Signature.getInstance(ALGORITHM);
        signer.initSign(key);
        signer.update(signedBytes(keyId, sequence, expiresText, pack));
        return JSON.createObjectBuilder().add("format", FORMAT).add("key_id", keyId).add("sequence", sequence)
                .add("expires", expiresText).add("pack", pack)
                .add("signature", Base64.getEncoder().encodeToString(signer.sign())).build().toString();
    }

    private static byte[] signedBytes(String keyId, long sequence, String expires, String pack) {
        return (FORMAT + "\n" + keyId + "\n" + sequence + "\n" + expires + "\n" + pack).getBytes(StandardCharsets.UTF_8);
    }

    private static String string(JsonObject root, String key, String where) throws RulePackException {
        JsonValue value = root.get(key);
        if (!(value instanceof JsonString) || ((JsonString) value).getString().isEmpty()) {
            throw new RulePackException(where + ": \"" + key + "\" must be a non-empty string");
        }
        return ((JsonString) value).getString();
    }
}
