package io.palisade.console;

/**
 * Checks on the short identifiers agents and people send (application names, batch ids, counter
 * names), by hand: one pass over at most a few hundred characters, no regular expression on data
 * that comes from outside.
 */
final class Names {

    private Names() {
    }

    /** Whether {@code value} is 1 to {@code max} ASCII letters, digits or characters of {@code punctuation}. */
    static boolean isToken(String value, int max, String punctuation) {
        if (value == null || value.isEmpty() || value.length() > max) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alnum = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!alnum && punctuation.indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** {@code text} with everything but printable ASCII replaced by {@code ?}, cut to {@code max} characters. */
    static String printable(String text, int max) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 3);
        for (int i = 0; i < text.length() && i < max; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c <= 0x7e ? c : '?');
        }
        return text.length() > max ? out.append("...").toString() : out.toString();
    }
}
