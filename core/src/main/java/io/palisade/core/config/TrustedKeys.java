package io.palisade.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code palisade.rules.public-keys}: the keys rule packs must be signed with, as
 * {@code <key id>=<key>} entries separated by commas, where a key is the base64 of its DER
 * SubjectPublicKeyInfo (what {@code openssl ec -pubout} writes between the PEM lines, or
 * {@code java -jar palisade-agent.jar keygen} prints), or {@code file:} and the path of a PEM file.
 * Keys are ECDSA on P-256. Two entries are how keys rotate: sign with the new key once every agent
 * lists both, then drop the old one.
 */
public final class TrustedKeys {

    private TrustedKeys() {
    }

    /** The keys by id, in the order given; empty when {@code value} is {@code null}. */
    public static Map<String, PublicKey> parse(String key, String value) {
        if (value == null) {
            return Map.of();
        }
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        for (String entry : value.split(",")) {
            String item = entry.strip();
            int equals = item.indexOf('=');
            if (equals <= 0 || equals == item.length() - 1) {
                throw new InvalidSettingException(key, value, "expected <key id>=<base64 public key> or <key id>=file:<PEM path>,"
                        + " separated by commas");
            }
            String id = item.substring(0, equals).strip();
            if (!keyId(id)) {
                throw new InvalidSettingException(key, value, "key id '" + id + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (keys.containsKey(id)) {
                throw new InvalidSettingException(key, value, "key id '" + id + "' is listed twice");
            }
            keys.put(id, publicKey(key, value, id, item.substring(equals + 1).strip()));
        }
        return Collections.unmodifiableMap(keys);
    }

    private static PublicKey publicKey(String key, String value, String id, String text) {
        String base64 = text;
        if (text.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                base64 = pemBody(Files.readString(Path.of(text.substring(5)), StandardCharsets.US_ASCII));
            } catch (IOException | RuntimeException e) {
                throw new InvalidSettingException(key, value, "the PEM file of key '" + id + "' cannot be read ("
                        + e.getClass().getSimpleName() + ")");
            }
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64);
            PublicKey publicKey = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
            if (!(publicKey instanceof ECPublicKey)
                    || ((ECPublicKey) publicKey).getParams().getCurve().getField().getFieldSize() != 256) {
                throw new InvalidSettingException(key, value, "key '" + id + "' is not an ECDSA P-256 public key");
            }
            return publicKey;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new InvalidSettingException(key, value, "key '" + id + "' is not a base64 DER EC public key ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** 1 to 64 letters, digits, '.', '_' or '-'. */
    private static boolean keyId(String id) {
        if (id.isEmpty() || id.length() > 64) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** The base64 between the {@code -----BEGIN ...-----} and {@code -----END ...-----} lines, or the text itself. */
    public static String pemBody(String pem) {
        StringBuilder body = new StringBuilder();
        for (String line : (Iterable<String>) pem.lines()::iterator) {
            if (!line.startsWith("-----")) {
                body.append(line.strip());
            }
        }
        return body.toString();
    }
}
