package io.palisade.core.rules;

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

    /** The name used in rule packs. */
    public String id() {
        return id;
    }

    static Transformer byId(String id) {
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
        if (value.indexOf('%') < 0 && value.indexOf('+') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        byte[] pending = new byte[value.length()];
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0
                    && hex(value.charAt(i + 2)) >= 0) {
                pending[bytes++] = (byte) (hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
                i += 2;
                continue;
            }
            if (bytes > 0) {
                out.append(new String(pending, 0, bytes, java.nio.charset.StandardCharsets.UTF_8));
                bytes = 0;
            }
            out.append(c == '+' ? ' ' : c);
        }
        if (bytes > 0) {
            out.append(new String(pending, 0, bytes, java.nio.charset.StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    static String entityDecode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '&') {
                int semicolon = value.indexOf(';', i + 1);
                int end = semicolon > 0 && semicolon - i <= 10 ? semicolon : -1;
                String decoded = end > 0 ? entity(value.substring(i + 1, end)) : null;
                if (decoded == null) {
                    // Numeric references without the semicolon are honoured by browsers too.
                    int j = i + 1;
                    if (j < value.length() && value.charAt(j) == '#') {
                        int k = j + 1;
                        boolean hexForm = k < value.length() && (value.charAt(k) == 'x' || value.charAt(k) == 'X');
                        int digitsStart = hexForm ? k + 1 : k;
                        int m = digitsStart;
                        while (m < value.length() && m - digitsStart < 7 && Character.digit(value.charAt(m), hexForm ? 16 : 10) >= 0) {
                            m++;
                        }
                        if (m > digitsStart) {
                            int code = Integer.parseInt(value.substring(digitsStart, m), hexForm ? 16 : 10);
                            if (Character.isValidCodePoint(code)) {
                                out.appendCodePoint(code);
                                i = m;
                                continue;
                            }
                        }
                    }
                    out.append(c);
                    i++;
                    continue;
                }
                out.append(decoded);
                i = end + 1;
                continue;
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String entity(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "lt": return "<";
            case "gt": return ">";
            case "amp": return "&";
            case "quot": return "\"";
            case "apos": return "'";
            case "sol": return "/";
            case "bsol": return "\\";
            case "colon": return ":";
            case "lpar": return "(";
            case "rpar": return ")";
            case "tab": return "\t";
            case "newline": return "\n";
            case "nbsp": return " ";
            default:
                break;
        }
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(code) ? new String(Character.toChars(code)) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String normalizePath(String value) {
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
