package io.palisade.core.text;

import java.util.Locale;

/**
 * Decoders shared by the request rules' transformers and the SQL check, which matches what an
 * application may have done to an input before concatenating it. Each is linear in the input's
 * length, never throws, and leaves what it cannot decode as it is.
 */
public final class Decoding {

    private Decoding() {
    }

    /**
     * One round of percent-decoding. Decoded bytes are read as UTF-8 leniently: overlong forms
     * ({@code %c0%ae} for {@code .}) decode to the character they spell, as some decoders do and as
     * attackers rely on, and IIS's {@code %uXXXX} is honoured. What is not an escape stays as it is.
     */
    public static String percentDecode(String value) {
        if (value.indexOf('%') < 0) {
            // Nothing to decode but '+' (an Accept header's "xhtml+xml"): one copy, not a decoder's buffers.
            return value.indexOf('+') < 0 ? value : value.replace('+', ' ');
        }
        int length = value.length();
        StringBuilder out = new StringBuilder(length);
        byte[] pending = new byte[length / 3 + 1];
        int bytes = 0;
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 5 < length && (value.charAt(i + 1) == 'u' || value.charAt(i + 1) == 'U')
                    && hex(value.charAt(i + 2)) >= 0 && hex(value.charAt(i + 3)) >= 0 && hex(value.charAt(i + 4)) >= 0
                    && hex(value.charAt(i + 5)) >= 0) {
                bytes = flush(pending, bytes, out);
                out.append((char) (hex(value.charAt(i + 2)) << 12 | hex(value.charAt(i + 3)) << 8
                        | hex(value.charAt(i + 4)) << 4 | hex(value.charAt(i + 5))));
                i += 5;
                continue;
            }
            if (c == '%' && i + 2 < length && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
                pending[bytes++] = (byte) (hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
                i += 2;
                continue;
            }
            bytes = flush(pending, bytes, out);
            out.append(c == '+' ? ' ' : c);
        }
        flush(pending, bytes, out);
        return out.toString();
    }

    /** Appends {@code count} bytes as lenient UTF-8 (see {@link #percentDecode}); returns 0. */
    private static int flush(byte[] bytes, int count, StringBuilder out) {
        int i = 0;
        while (i < count) {
            int lead = bytes[i] & 0xFF;
            int extra = lead < 0x80 ? 0 : lead < 0xC0 ? -1 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : lead < 0xF8 ? 3
                    : lead < 0xFC ? 4 : lead < 0xFE ? 5 : -1;
            if (extra == 0) {
                out.append((char) lead);
                i++;
                continue;
            }
            if (extra == 1 && lead < 0xC2 && i + 1 < count) {
                // C0 and C1 start only overlong forms; decoders that accept them take the low six
                // bits of the next byte whatever it is (%c0%ae, %c0%2e and %c0%ee all spell '.').
                out.append((char) ((lead & 1) << 6 | bytes[i + 1] & 0x3F));
                i += 2;
                continue;
            }
            int code = extra < 0 ? -1 : lead & (0x3F >> extra);
            for (int k = 1; k <= extra && code >= 0; k++) {
                int next = i + k < count ? bytes[i + k] & 0xFF : -1;
                code = next >= 0x80 && next < 0xC0 ? code << 6 | next & 0x3F : -1;
            }
            if (code < 0 || code > Character.MAX_CODE_POINT || code >= 0xD800 && code <= 0xDFFF) {
                out.append('\ufffd');
                i++;
                continue;
            }
            out.appendCodePoint(code);
            i += extra + 1;
        }
        return 0;
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    public static String entityDecode(String value) {
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
}
