package io.palisade.core.detect;

import io.palisade.core.text.Decoding;
import java.util.Locale;

/**
 * What is done to an input before an operator sees it. Each is linear in the input's length, never
 * throws, and leaves what it cannot decode as it is.
 */
public enum Transformer {
    /** Percent-decoding ({@code %27} → {@code '}, {@code +} → space), repeated while it changes anything, up to 3 times. */
    URL_DECODE("url_decode"),
    /** {@code &lt;}, {@code &#60;}, {@code &#x3c;} and the other common entities → characters. */
    HTML_ENTITY_DECODE("html_entity_decode"),
    LOWERCASE("lowercase"),
    /** Backslashes to slashes, repeated slashes to one, {@code /./} removed; {@code ..} is kept. */
    NORMALIZE_PATH("normalize_path"),
    /** NUL characters removed. */
    REMOVE_NULLS("remove_nulls"),
    /** Runs of whitespace, non-breaking spaces included, become one space. */
    COMPRESS_WHITESPACE("compress_whitespace");

    private final String id;

    Transformer(String id) {
        this.id = id;
    }

    /**
     * The characters whose presence lets this transformer produce punctuation the value did not have
     * ({@code %} and {@code +} for URL decoding, {@code &} for entities), {@code ""} when it never
     * produces any, or {@code null} when it may rewrite punctuation in other ways (path normalisation).
     */
    public String introducers() {
        switch (this) {
            case URL_DECODE:
                return "%+";
            case HTML_ENTITY_DECODE:
                return "&";
            case NORMALIZE_PATH:
                return null;
            default:
                return "";
        }
    }

    /** The name used in rule packs. */
    public String id() {
        return id;
    }

    public static Transformer byId(String id) {
        for (Transformer transformer : values()) {
            if (transformer.id.equals(id)) {
                return transformer;
            }
        }
        return null;
    }

    public String apply(String value) {
        switch (this) {
            case URL_DECODE:
                String decoded = value;
                for (int i = 0; i < 3; i++) {
                    String next = percentDecode(decoded);
                    if (next.equals(decoded)) {
                        break;
                    }
                    decoded = next;
                }
                return decoded;
            case HTML_ENTITY_DECODE:
                return value.indexOf('&') < 0 ? value : entityDecode(value);
            case LOWERCASE:
                return value.toLowerCase(Locale.ROOT);
            case NORMALIZE_PATH:
                return normalizePath(value);
            case REMOVE_NULLS:
                return value.indexOf('\0') < 0 ? value : value.replace("\0", "");
            case COMPRESS_WHITESPACE:
                return compressWhitespace(value);
            default:
                throw new AssertionError(this);
        }
    }

    static String percentDecode(String value) {
        return Decoding.percentDecode(value);
    }

    static String entityDecode(String value) {
        return Decoding.entityDecode(value);
    }

    static String normalizePath(String value) {
        if (value.indexOf('\\') < 0 && value.indexOf("//") < 0 && value.indexOf("/./") < 0) {
            return value; // nothing to normalise (nearly every value): no copy
        }
        String path = value.replace('\\', '/');
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' && out.length() > 0 && out.charAt(out.length() - 1) == '/') {
                continue;
            }
            if (c == '.' && out.length() > 0 && out.charAt(out.length() - 1) == '/' && i + 1 < path.length()
                    && path.charAt(i + 1) == '/') {
                i++; // "/./" → "/"
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    static String compressWhitespace(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean space = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0') {
                if (!space) {
                    out.append(' ');
                }
                space = true;
            } else {
                out.append(c);
                space = false;
            }
        }
        return out.toString();
    }
}
