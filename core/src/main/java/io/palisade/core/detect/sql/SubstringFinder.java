package io.palisade.core.detect.sql;

/**
 * Finds every occurrence, overlapping ones included, of a pattern in a text, exactly or ignoring
 * case, in time linear in both. An attacker controls both the input and, through it, the statement,
 * so the quadratic worst case of a naive search matters; most patterns, though, are simply absent.
 *
 * <p>Candidate starts are found with the JDK's intrinsic character search, and each is checked on at
 * most {@value #SHORT} characters in place: a cost of at most that many comparisons per character of
 * the text, with no allocation. Patterns up to that length are settled so; a longer pattern whose
 * first {@value #SHORT} characters match somewhere switches to Knuth-Morris-Pratt from there, whose
 * table is then built once.
 */
final class SubstringFinder {

    /** Characters compared in place at a candidate start. */
    private static final int SHORT = 32;

    private final String text;
    private final String pattern;
    private final boolean ignoreCase;
    private int position;
    /** Once a long pattern's prefix matched: the Knuth-Morris-Pratt table and the characters matched so far. */
    private int[] failure;
    private int matched;

    SubstringFinder(String text, String pattern, boolean ignoreCase) {
        this.text = text;
        this.pattern = pattern;
        this.ignoreCase = ignoreCase;
    }

    /** The start of the next occurrence, or -1 when there is none. */
    int next() {
        int m = pattern.length();
        if (!ignoreCase && m <= SHORT) {
            // The JDK's intrinsic search: at most SHORT comparisons per character of the text.
            int found = text.indexOf(pattern, position);
            position = found < 0 ? text.length() : found + 1;
            return found;
        }
        if (failure == null) {
            int checked = Math.min(SHORT, m);
            while (true) {
                int candidate = nextCandidate();
                if (candidate < 0 || candidate + m > text.length()) {
                    position = text.length();
                    return -1;
                }
                if (!text.regionMatches(ignoreCase, candidate, pattern, 0, checked)) {
                    position = candidate + 1;
                    continue;
                }
                if (m <= SHORT) {
                    position = candidate + 1;
                    return candidate;
                }
                // A long pattern's prefix matched: from here on, Knuth-Morris-Pratt.
                failure = table();
                position = candidate;
                matched = 0;
                break;
            }
        }
        while (position < text.length()) {
            char c = key(text.charAt(position++));
            while (matched > 0 && key(pattern.charAt(matched)) != c) {
                matched = failure[matched - 1];
            }
            if (key(pattern.charAt(matched)) == c) {
                matched++;
            }
            if (matched == m) {
                matched = failure[m - 1];
                return position - m;
            }
        }
        return -1;
    }

    /** The next place at or after {@code position} where the pattern's first character occurs, or -1. */
    private int nextCandidate() {
        char first = pattern.charAt(0);
        if (!ignoreCase) {
            return text.indexOf(first, position);
        }
        if (first >= 128) {
            // Case mappings beyond ASCII are many: look at every character.
            for (int i = position; i < text.length(); i++) {
                if (fold(text.charAt(i)) == fold(first)) {
                    return i;
                }
            }
            return -1;
        }
        int lower = text.indexOf(Character.toLowerCase(first), position);
        int upper = text.indexOf(Character.toUpperCase(first), position);
        return lower < 0 ? upper : upper < 0 ? lower : Math.min(lower, upper);
    }

    private char key(char c) {
        return ignoreCase ? fold(c) : c;
    }

    /** The case-blind form of {@code c}: equal for two characters {@code regionMatches(true, ...)} finds equal. */
    static char fold(char c) {
        if (c < 128) {
            return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    private int[] table() {
        int[] table = new int[pattern.length()];
        int k = 0;
        for (int i = 1; i < pattern.length(); i++) {
            while (k > 0 && key(pattern.charAt(k)) != key(pattern.charAt(i))) {
                k = table[k - 1];
            }
            if (key(pattern.charAt(k)) == key(pattern.charAt(i))) {
                k++;
            }
            table[i] = k;
        }
        return table;
    }
}
