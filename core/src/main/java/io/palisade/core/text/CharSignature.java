package io.palisade.core.text;

/**
 * Which characters a value holds, in one pass: a bit for each ASCII punctuation character, for line
 * breaks, tabs, other control characters and anything beyond ASCII, and for a few letter sequences the
 * detectors screen on ({@code 0x}, {@code cmd}, {@code rsh}, {@code jav}, case-blind). A test that
 * needs one of some characters asks the signature with a mask instead of scanning the value again:
 * computed once per value and pass, it replaces a dozen scans per value with one.
 *
 * <p>A signature never says a character is absent when it is there (the tests that skip a value on it
 * stay exact); letters, digits and spaces have no bit.
 */
public final class CharSignature {

    /** A signature not computed: every bit set, so every mask admits it. */
    public static final long UNKNOWN = -1L;

    /** {@code \n}, {@code \r}, {@code \t}, other C0 controls and DEL, anything above U+007F. */
    public static final long LINE_FEED = 1L << 32;
    public static final long CARRIAGE_RETURN = 1L << 33;
    public static final long TAB = 1L << 34;
    public static final long CONTROL = 1L << 35;
    public static final long NON_ASCII = 1L << 36;
    /** The sequences {@code 0x}/{@code 0X}, and case-blind {@code cmd}, {@code rsh}, {@code jav}. */
    public static final long HEX_PREFIX = 1L << 37;
    public static final long CMD = 1L << 38;
    public static final long RSH = 1L << 39;
    public static final long JAV = 1L << 40;
    /** Bit 62: set on every computed signature, so that a computed one is never 0 (the "not yet" of a cache). */
    public static final long COMPUTED = 1L << 62;

    /** The bit of each ASCII character below 128 (0 for letters, digits and space). */
    private static final long[] BITS = new long[128];

    static {
        String punctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
        for (int i = 0; i < punctuation.length(); i++) {
            BITS[punctuation.charAt(i)] = 1L << i;
        }
        for (int c = 0; c < 0x20; c++) {
            BITS[c] = CONTROL;
        }
        BITS['\n'] = LINE_FEED;
        BITS['\r'] = CARRIAGE_RETURN;
        BITS['\t'] = TAB;
        BITS[0x7f] = CONTROL;
    }

    private CharSignature() {
    }

    /** The bit of one ASCII punctuation character. */
    public static long of(char punctuation) {
        long bit = punctuation < 128 ? BITS[punctuation] : 0;
        if (bit == 0 || Long.bitCount(bit) != 1 || bit > (1L << 31)) {
            throw new IllegalArgumentException("not an ASCII punctuation character: " + punctuation);
        }
        return bit;
    }

    /** The bits of every character of {@code punctuation}. */
    public static long ofAll(String punctuation) {
        long mask = 0;
        for (int i = 0; i < punctuation.length(); i++) {
            mask |= of(punctuation.charAt(i));
        }
        return mask;
    }

    /** Whether {@code c} has a bit of its own (ASCII punctuation). */
    public static boolean tracked(char c) {
        return c < 128 && BITS[c] != 0 && Long.bitCount(BITS[c]) == 1 && BITS[c] <= (1L << 31);
    }

    /** The signature of the first {@code limit} characters of {@code value}. */
    public static long of(String value, int limit) {
        long signature = COMPUTED;
        int end = Math.min(value.length(), limit);
        int window = 0; // the last three characters, lower-cased when letters, one byte each
        for (int i = 0; i < end; i++) {
            char c = value.charAt(i);
            if (c < 128) {
                signature |= BITS[c];
                int lower = c >= 'A' && c <= 'Z' ? c | 0x20 : c;
                window = (window << 8 | lower) & 0xFFFFFF;
                switch (window) {
                    case ('c' << 16) | ('m' << 8) | 'd' -> signature |= CMD;
                    case ('r' << 16) | ('s' << 8) | 'h' -> signature |= RSH;
                    case ('j' << 16) | ('a' << 8) | 'v' -> signature |= JAV;
                    default -> {
                        if ((window & 0xFFFF) == ('0' << 8 | 'x')) {
                            signature |= HEX_PREFIX;
                        }
                    }
                }
            } else {
                signature |= NON_ASCII;
                window = 0;
            }
        }
        return signature;
    }
}
