package io.palisade.core.detect;

/**
 * The punctuation characters every match of a regular expression must contain, found by a
 * conservative reading of its top level: escaped or plain punctuation outside groups, classes and
 * alternations, not made optional by a quantifier. An empty answer means "no screening": a value that
 * lacks one of the characters cannot match, so the regex need not run (RE2/J costs hundreds of
 * nanoseconds even on a miss). Letters and digits are never used (case-insensitive flags and
 * transformers change them), nor whitespace.
 */
final class RequiredCharacters {

    private RequiredCharacters() {
    }

    static String of(String regex) {
        StringBuilder required = new StringBuilder();
        int i = 0;
        int n = regex.length();
        if (regex.startsWith("(?") && regex.indexOf(')') > 1 && isFlags(regex, 2, regex.indexOf(')'))) {
            i = regex.indexOf(')') + 1;
        }
        while (i < n) {
            char c = regex.charAt(i);
            int next;
            char literal = 0;
            switch (c) {
                case '|':
                    return ""; // an alternation at the top level: nothing is required for sure
                case '(':
                    next = skipGroup(regex, i);
                    if (next < 0) {
                        return "";
                    }
                    break;
                case '[':
                    next = skipClass(regex, i);
                    if (next < 0) {
                        return "";
                    }
                    break;
                case '\\':
                    if (i + 1 >= n) {
                        return "";
                    }
                    char escaped = regex.charAt(i + 1);
                    next = i + 2;
                    if (Character.isLetterOrDigit(escaped)) {
                        // \s, \d, \p{..}, \x{..}, \Q...: classes and codes, not a literal to screen on
                        if ((escaped == 'p' || escaped == 'P' || escaped == 'x') && next < n && regex.charAt(next) == '{') {
                            int close = regex.indexOf('}', next);
                            if (close < 0) {
                                return "";
                            }
                            next = close + 1;
                        } else if (escaped == 'Q') {
                            return ""; // quoted runs: not worth reading
                        }
                    } else {
                        literal = escaped;
                    }
                    break;
                case '.':
                case '^':
                case '$':
                    next = i + 1;
                    break;
                case '*':
                case '+':
                case '?':
                case '{':
                case ')':
                    return ""; // a quantifier with no atom, or unbalanced: leave it to RE2
                default:
                    next = i + 1;
                    if (!Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
                        literal = c;
                    }
            }
            int after = skipQuantifier(regex, next);
            boolean optional = after != next && quantifierAllowsZero(regex, next);
            if (after < 0) {
                return "";
            }
            if (literal != 0 && !optional && !Character.isWhitespace(literal) && required.indexOf(String.valueOf(literal)) < 0) {
                required.append(literal);
            }
            i = after;
        }
        return required.toString();
    }

    private static boolean isFlags(String regex, int from, int to) {
        for (int i = from; i < to; i++) {
            if ("imsU-".indexOf(regex.charAt(i)) < 0) {
                return false;
            }
        }
        return to > from;
    }

    /** The index after the group opening at {@code open}, or -1 when unbalanced. */
    private static int skipGroup(String regex, int open) {
        int depth = 0;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                i = skipClass(regex, i) - 1;
                if (i < 0) {
                    return -1;
                }
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after the character class opening at {@code open}, or -1. */
    private static int skipClass(String regex, int open) {
        int i = open + 1;
        if (i < regex.length() && regex.charAt(i) == '^') {
            i++;
        }
        if (i < regex.length() && regex.charAt(i) == ']') {
            i++;
        }
        for (; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[' && i + 1 < regex.length() && regex.charAt(i + 1) == ':') {
                int close = regex.indexOf(":]", i + 2);
                if (close < 0) {
                    return -1;
                }
                i = close + 1;
            } else if (c == ']') {
                return i + 1;
            }
        }
        return -1;
    }

    /** The index after a quantifier at {@code at} (and its lazy/possessive mark), or {@code at} when there is none. */
    private static int skipQuantifier(String regex, int at) {
        if (at >= regex.length()) {
            return at;
        }
        char c = regex.charAt(at);
        int next;
        if (c == '*' || c == '+' || c == '?') {
            next = at + 1;
        } else if (c == '{' && at + 1 < regex.length() && (Character.isDigit(regex.charAt(at + 1)) || regex.charAt(at + 1) == ',')) {
            int close = regex.indexOf('}', at);
            if (close < 0) {
                return -1;
            }
            next = close + 1;
        } else {
            return at;
        }
        if (next < regex.length() && (regex.charAt(next) == '?' || regex.charAt(next) == '+')) {
            next++;
        }
        return next;
    }

    private static boolean quantifierAllowsZero(String regex, int at) {
        char c = regex.charAt(at);
        if (c == '*' || c == '?') {
            return true;
        }
        if (c == '{') {
            int i = at + 1;
            while (i < regex.length() && regex.charAt(i) == '0') {
                i++;
            }
            return i < regex.length() && (regex.charAt(i) == ',' || regex.charAt(i) == '}') && i > at + 1
                    || regex.charAt(at + 1) == ',';
        }
        return false; // '+'
    }
}
