package io.palisade.core.detect.sql;

/**
 * Finds every occurrence, overlapping ones included, of a pattern in a text, exactly or ignoring
 * case, in time linear in both: short patterns are compared in place (at most pattern-length times
 * the text), long ones with Knuth-Morris-Pratt, whose table is the only allocation. An attacker
 * controls both the input and, through it, the statement, so the quadratic worst case of a naive
 * search matters.
 */
final class SubstringFinder {

    /** Up to this length patterns are compared in place: the worst case is this many times the text. */
    private static final int SHORT = 32;

    private final String text;
    private final String pattern;
    private final boolean ignoreCase;
    private final int[] failure;
    private int position;
    private int matched;

    SubstringFinder(String text, String pattern, boolean ignoreCase) {
        this.text = text;
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
        this.failure = pattern.length() > SHORT ? table() : null;
    }

    /** The start of the next occurrence, or -1 when there is none. */
    int next() {
        return failure == null ? nextShort() : nextLong();
    }

    private int nextShort() {
        if (!ignoreCase) {
            int found = text.indexOf(pattern, position);
            position = found < 0 ? text.length() + 1 : found + 1;
            return found;
        }
        int length = pattern.length();
        char first = fold(pattern.charAt(0));
        while (position + length <= text.length()) {
            int at = position++;
            if (fold(text.charAt(at)) == first && text.regionMatches(true, at, pattern, 0, length)) {
                return at;
            }
        }
        return -1;
    }

    private int nextLong() {
        int m = pattern.length();
        while (position < text.length()) {
            char c = fold(text.charAt(position++));
            while (matched > 0 && fold(pattern.charAt(matched)) != c) {
                matched = failure[matched - 1];
            }
            if (fold(pattern.charAt(matched)) == c) {
                matched++;
            }
            if (matched == m) {
                matched = failure[m - 1];
                return position - m;
            }
        }
        return -1;
    }

    private char fold(char c) {
        return ignoreCase ? Character.toLowerCase(Character.toUpperCase(c)) : c;
    }

    private int[] table() {
        int[] table = new int[pattern.length()];
        int k = 0;
        for (int i = 1; i < pattern.length(); i++) {
            while (k > 0 && fold(pattern.charAt(k)) != fold(pattern.charAt(i))) {
                k = table[k - 1];
            }
            if (fold(pattern.charAt(k)) == fold(pattern.charAt(i))) {
                k++;
            }
            table[i] = k;
        }
        return table;
    }
}
