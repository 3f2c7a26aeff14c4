package io.palisade.core.detect.sql;

import io.palisade.core.request.RequestInput;
import io.palisade.core.text.Decoding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a request input changed the structure of a SQL statement.
 *
 * <p>For each input that occurs in the statement's text, the statement is tokenized once (lazily,
 * only if some input occurs) and every occurrence is judged by the tokens it covers. An input that
 * is data covers one token, or a part of one: a value inside a string literal, a number, a name where
 * a name belongs. An occurrence is structure when it
 * <ul>
 *   <li>holds one delimiter of a string, quoted name or comment: it ends a string the application
 *       opened, opens one the application closes, or opens a comment;</li>
 *   <li>sits inside a string that never closes: its last quote or backslash escaped the application's
 *       closing quote;</li>
 *   <li>holds a statement separator ({@code ;});</li>
 *   <li>is a bare name where the statement expects a value (after a comparison, in an {@code IN} or
 *       {@code VALUES} list): {@code WHERE id = id} compares a column with itself;</li>
 *   <li>or covers several tokens that are not all data: a keyword other than a sort direction, an
 *       operator, a parenthesis. Several data tokens in a row (a list of numbers, a column name and
 *       {@code DESC}) are what applications legitimately splice into {@code IN (...)} and
 *       {@code ORDER BY}.</li>
 * </ul>
 *
 * <p>Applications sometimes change an input before concatenating it. Besides the value as received,
 * the forms an application commonly makes are matched too: percent-decoded once more, {@code +} as
 * space, HTML entities decoded, trimmed, lower- or upper-cased. A changed form counts only when what it
 * covers holds a delimiter, operator, parenthesis or separator: plain words in another case are too
 * likely to be the application's own SQL text. Headers the resource method does not receive through
 * {@code @HeaderParam} are matched as received only.
 *
 * <p>A run of plain words whose only keywords are those of an ordering or grouping clause
 * ({@code ORDER BY id}) is data: it matches the application's own clause by coincidence far more
 * often than it is an attack, and it can neither add a condition nor reach another table.
 *
 * <p>One more coincidence is allowed for: a run of plain words typed by a user that also appears in the
 * application's own SQL (a search for {@code ORDER BY id} in {@code ... LIKE '%ORDER BY id%' ORDER BY id}).
 * It is data only when the same value also sits inside a string literal, no other input of the request
 * contains it (so an attacker cannot plant the copy through a second parameter), and the run does not
 * start where the statement expects a value.
 *
 * <p>Bound parameters never appear in the SQL text, so a parameterised statement costs one substring
 * search per input. Every occurrence is examined; the cost is linear in the statement's length per
 * input form ({@link SubstringFinder}).
 */
public final class SqlInjectionDetector {

    /** Inputs shorter than this cannot change a statement's structure and still run. */
    static final int MIN_INPUT_LENGTH = 2;

    private static final Set<String> COMPARISONS = Set.of("=", "<", ">", "<=", ">=", "<>", "!=", "==");
    private static final Set<String> VALUE_KEYWORDS = Set.of("LIKE", "ILIKE", "BETWEEN", "LIMIT", "OFFSET", "ESCAPE");
    private static final Set<String> LIST_KEYWORDS = Set.of("IN", "VALUES");

    private SqlInjectionDetector() {
    }

    /** The first input in {@code inputs} that changes the structure of {@code sql}, or {@code null}. */
    public static SqlInjection find(String sql, SqlDialect dialect, List<RequestInput> inputs) {
        if (sql == null || sql.isEmpty()) {
            return null;
        }
        Statement statement = new Statement(sql, dialect);
        for (int n = 0; n < inputs.size(); n++) {
            RequestInput input = inputs.get(n);
            SqlInjection found = examineInput(statement, input, inputs);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static SqlInjection examineInput(Statement statement, RequestInput input, List<RequestInput> all) {
        String value = input.value();
        if (value.length() < MIN_INPUT_LENGTH) {
            return null;
        }
        SqlInjection found = examineForm(statement, input, value, true, all);
        // A changed form is at most a dozen times shorter than the value (entity and percent decoding):
        // a value longer than that cannot be in the statement in any form. Headers the method does not
        // receive are matched as sent only: applications change what they read through parameters.
        boolean changeable = input.bound() || input.source() != io.palisade.core.request.InputSource.HEADER;
        int shape = found == null && changeable && value.length() <= 12L * statement.sql.length() ? shape(value) : 0;
        if (found != null || shape == 0) {
            // Changed forms count only where they hold structure, and nothing here can produce any.
            return found;
        }
        if ((shape & STRUCTURE) != 0 && (shape & LETTER) != 0) {
            found = examineCases(statement, input, value);
        }
        if (found == null && (shape & STRUCTURE) != 0 && (shape & EDGE_SPACE) != 0) {
            found = examineChanged(statement, input, value.strip());
        }
        if (found == null && (shape & PERCENT) != 0) {
            found = examineChanged(statement, input, percentDecoded(value));
        }
        if (found == null && (shape & PLUS) != 0) {
            found = examineChanged(statement, input, value.replace('+', ' '));
        }
        if (found == null && (shape & AMPERSAND) != 0) {
            found = examineChanged(statement, input, Decoding.entityDecode(value));
        }
        return found;
    }

    private static final int STRUCTURE = 1;
    private static final int LETTER = 2;
    private static final int EDGE_SPACE = 4;
    private static final int PERCENT = 8;
    private static final int PLUS = 16;
    private static final int AMPERSAND = 32;

    /**
     * What a value holds that matters for its changed forms, in one pass: characters that can be SQL
     * structure (quotes, {@code ;}, parentheses, comment and operator characters, {@code --}), letters
     * (a case change can matter), whitespace at an end (trimming can), and {@code %}, {@code +},
     * {@code &} (decoding can). 0 when no change can make structure out of it.
     */
    private static int shape(String value) {
        int shape = 0;
        char previous = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\'':
                case '"':
                case '`':
                case ';':
                case '(':
                case ')':
                case '#':
                case '=':
                case '<':
                case '>':
                case '|':
                case '\\':
                case '/':
                case '*':
                    shape |= STRUCTURE;
                    break;
                case '-':
                    if (previous == '-') {
                        shape |= STRUCTURE;
                    }
                    break;
                case '%':
                    shape |= PERCENT;
                    break;
                case '+':
                    shape |= PLUS;
                    break;
                case '&':
                    shape |= AMPERSAND;
                    break;
                default:
                    if (c < 128 ? (c | 0x20) >= 'a' && (c | 0x20) <= 'z' : Character.isLetter(c)) {
                        shape |= LETTER;
                    }
            }
            previous = c;
        }
        if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
            shape |= EDGE_SPACE;
        }
        // Decoding can make structure out of escapes; trimming and case changes only reveal what is there.
        return (shape & (STRUCTURE | PERCENT | PLUS | AMPERSAND)) == 0 ? 0 : shape;
    }

    /** A changed form: as it is, trimmed, and in another case. */
    private static SqlInjection examineChanged(Statement statement, RequestInput input, String form) {
        if (form == null) {
            return null;
        }
        SqlInjection found = examineForm(statement, input, form, false, null);
        if (found == null) {
            String stripped = form.strip();
            if (stripped != form) {
                found = examineForm(statement, input, stripped, false, null);
            }
        }
        return found != null ? found : examineCases(statement, input, form);
    }

    /**
     * The lower- and upper-cased forms of {@code form}, found without building them: a case-blind scan
     * over the statement (skipped when a cheap filter shows the form cannot be there), each hit kept
     * when the statement holds exactly the lower- or the upper-cased text.
     */
    private static SqlInjection examineCases(Statement statement, RequestInput input, String form) {
        String sql = statement.sql;
        int length = form.length();
        if (length < MIN_INPUT_LENGTH || length > sql.length() || onlyQuotes(form) || !hasLetter(form)
                || !statement.mayContainIgnoringCase(form)) {
            return null;
        }
        SubstringFinder finder = new SubstringFinder(sql, form, true);
        for (int at = finder.next(); at >= 0; at = finder.next()) {
            if (sql.startsWith(form, at) || !(sameCase(sql, at, form, true) || sameCase(sql, at, form, false))) {
                continue; // the unchanged form was judged already; mixed case is no transform
            }
            String reason = judge(statement, input, form, at, at + length, false, null);
            if (reason != null) {
                return new SqlInjection(input, at, at + length, reason);
            }
        }
        return null;
    }

    private static boolean sameCase(String sql, int at, String form, boolean lower) {
        for (int k = 0; k < form.length(); k++) {
            char c = form.charAt(k);
            if (sql.charAt(at + k) != (lower ? Character.toLowerCase(c) : Character.toUpperCase(c))) {
                return false;
            }
        }
        return true;
    }

    private static SqlInjection examineForm(Statement statement, RequestInput input, String form, boolean exact,
            List<RequestInput> all) {
        String sql = statement.sql;
        if (form.length() < MIN_INPUT_LENGTH || form.length() > sql.length() || !statement.mayContain(form, false)
                || onlyQuotes(form)) {
            return null;
        }
        SubstringFinder finder = new SubstringFinder(sql, form, false);
        for (int at = finder.next(); at >= 0; at = finder.next()) {
            String reason = judge(statement, input, form, at, at + form.length(), exact, all);
            if (reason != null) {
                return new SqlInjection(input, at, at + form.length(), reason);
            }
        }
        return null;
    }

    /**
     * Quotes alone cannot change a statement and still let it run, but correctly escaped they
     * line up with the application's own delimiters ({@code ''} in {@code 'O''Brien'}).
     */
    private static boolean onlyQuotes(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\'' && c != '"' && c != '`') {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetter(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Why the occurrence {@code [start, end)} of {@code form} is structure, or {@code null} when it is
     * data. {@code exact}: the input as received (changed forms are held to structure characters);
     * {@code all}: the request's inputs, to rule out a planted copy (only for exact forms).
     */
    private static String judge(Statement statement, RequestInput input, String form, int start, int end, boolean exact,
            List<RequestInput> all) {
        SqlTokens tokens = statement.tokens();
        String sql = statement.sql;
        int covered = 0;
        boolean data = true;
        boolean wordsOnly = true;
        int first = tokens.firstEndingAfter(start);
        for (int i = first; i < tokens.count() && tokens.start(i) < end; i++) {
            covered++;
            SqlTokenType type = tokens.type(i);
            boolean startsInside = tokens.start(i) >= start;
            boolean endsInside = tokens.end(i) <= end;
            if (type.delimited()) {
                if (startsInside && (type == SqlTokenType.COMMENT)) {
                    return "opens a comment";
                }
                if (startsInside && tokens.unterminated(i)) {
                    return "opens " + describe(type) + " that is never closed";
                }
                if (startsInside != endsInside) {
                    return (endsInside ? "ends " : "starts ") + describe(type);
                }
                if (tokens.unterminated(i)) {
                    // Inside a literal that never closes: the input escaped the application's closing quote.
                    return "leaves " + describe(type) + " open";
                }
            }
            if (type == SqlTokenType.PUNCTUATION && sql.charAt(tokens.start(i)) == ';') {
                return "ends the statement";
            }
            if (exact && type == SqlTokenType.WORD && startsInside && endsInside && isName(tokens.text(i))
                    && valuePosition(tokens, i) && !continuesOutside(tokens, i, end)) {
                return "names a column where a value is expected";
            }
            data &= isData(sql, tokens, i, covered == 1, startsInside && endsInside);
            // Plain words, and the dots of qualified names (b.id).
            wordsOnly &= type == SqlTokenType.WORD || tokens.isPunctuation(i, '.');
        }
        if (covered <= 1 || data) {
            return null;
        }
        if (wordsOnly && (!exact || orderingOnly(tokens, first, end) || coincidence(statement, input, form, first, all))) {
            return null;
        }
        return "spans " + covered + " tokens";
    }

    /**
     * Whether a run of plain words holds no keyword but those of an ordering or grouping clause
     * ({@code ORDER BY id}, {@code GROUP BY author DESC}): typed into a search, such a run also
     * matches the application's own clause by coincidence, and spliced into a statement it can
     * reorder or regroup rows but neither add a condition nor reach another table.
     */
    private static boolean orderingOnly(SqlTokens tokens, int first, int end) {
        for (int i = first; i < tokens.count() && tokens.start(i) < end; i++) {
            String word = tokens.text(i);
            if (tokens.type(i) == SqlTokenType.WORD && SqlKeywords.isKeyword(word) && !SqlKeywords.isSortWord(word) && !SqlKeywords.isOrderingWord(word)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isName(String word) {
        return !SqlKeywords.isKeyword(word);
    }

    /** Whether token {@code i} stands where the statement expects a value. */
    private static boolean valuePosition(SqlTokens tokens, int i) {
        int previous = previousSignificant(tokens, i - 1);
        if (previous < 0) {
            return false;
        }
        switch (tokens.type(previous)) {
            case OPERATOR:
                return COMPARISONS.contains(tokens.text(previous));
            case WORD:
                return VALUE_KEYWORDS.contains(tokens.text(previous).toUpperCase(Locale.ROOT));
            case PUNCTUATION:
                if (tokens.isPunctuation(previous, '(') || tokens.isPunctuation(previous, ',')) {
                    int opener = tokens.opener(i);
                    int before = opener < 0 ? -1 : previousSignificant(tokens, opener - 1);
                    return before >= 0 && tokens.type(before) == SqlTokenType.WORD
                            && LIST_KEYWORDS.contains(tokens.text(before).toUpperCase(Locale.ROOT));
                }
                return false;
            default:
                return false;
        }
    }

    private static int previousSignificant(SqlTokens tokens, int i) {
        int j = i;
        while (j >= 0 && tokens.type(j) == SqlTokenType.COMMENT) {
            j--;
        }
        return j;
    }

    /** Whether the name at {@code i} is part of a dotted name that goes on past the input ({@code b} of {@code b.id}). */
    private static boolean continuesOutside(SqlTokens tokens, int i, int end) {
        return i + 1 < tokens.count() && tokens.isPunctuation(i + 1, '.') && tokens.start(i + 1) >= end
                || i > 0 && tokens.isPunctuation(i - 1, '.');
    }

    /**
     * Whether a run of plain words is the application's own SQL text rather than the input: the value
     * sits whole inside a string literal as well, no other input of the request contains it, and the
     * run does not start where a value is expected.
     */
    private static boolean coincidence(Statement statement, RequestInput input, String form, int first,
            List<RequestInput> all) {
        SqlTokens tokens = statement.tokens();
        if (valuePosition(tokens, first) || !insideALiteral(tokens, statement.sql, form)) {
            return false;
        }
        for (RequestInput other : all) {
            if (other != input && other.value().contains(form)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isData(String sql, SqlTokens tokens, int i, boolean firstCovered, boolean whole) {
        switch (tokens.type(i)) {
            case NUMBER:
                return true;
            case WORD: {
                String word = tokens.text(i);
                return !SqlKeywords.isKeyword(word) || SqlKeywords.isSortWord(word);
            }
            case STRING:
            case QUOTED_IDENTIFIER:
                return whole;
            case PUNCTUATION: {
                char c = sql.charAt(tokens.start(i));
                return c == ',' || c == '.';
            }
            case OPERATOR: {
                // A leading sign on a number: "-5".
                String operator = tokens.text(i);
                return firstCovered && (operator.equals("-") || operator.equals("+")) && i + 1 < tokens.count()
                        && tokens.type(i + 1) == SqlTokenType.NUMBER && tokens.start(i + 1) == tokens.end(i);
            }
            default:
                return false;
        }
    }

    /** Whether {@code value} also occurs wholly inside one string literal. */
    private static boolean insideALiteral(SqlTokens tokens, String sql, String value) {
        for (int i = 0; i < tokens.count(); i++) {
            if (tokens.type(i) == SqlTokenType.STRING && tokens.end(i) - tokens.start(i) > value.length()) {
                int found = sql.indexOf(value, tokens.start(i) + 1);
                if (found >= 0 && found + value.length() < tokens.end(i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(SqlTokenType type) {
        switch (type) {
            case STRING:
                return "a string";
            case QUOTED_IDENTIFIER:
                return "a quoted name";
            default:
                return "a comment";
        }
    }

    /** {@code value} with {@code %XX} sequences decoded as UTF-8, or {@code null} when it has none. */
    static String percentDecoded(String value) {
        if (value.indexOf('%') < 0) {
            return null;
        }
        StringBuilder decoded = new StringBuilder(value.length());
        byte[] pending = new byte[value.length() / 3 + 1];
        int pendingLength = 0;
        boolean any = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int high = c == '%' && i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                pending[pendingLength++] = (byte) (high * 16 + low);
                i += 2;
                any = true;
                continue;
            }
            if (pendingLength > 0) {
                decoded.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
                pendingLength = 0;
            }
            decoded.append(c);
        }
        if (pendingLength > 0) {
            decoded.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
        }
        return any ? decoded.toString() : null;
    }

    /** One statement under examination: tokenized, and its case-blind character pairs collected, on first need. */
    private static final class Statement {

        final String sql;
        final SqlDialect dialect;
        private SqlTokens tokens;
        /** The ASCII characters of the statement (128 bits), and whether it has others. */
        private long[] chars;
        private boolean nonAscii;
        /** Case-folded character pairs of the statement, hashed into 512 bits. */
        private long[] pairs;

        Statement(String sql, SqlDialect dialect) {
            this.sql = sql;
            this.dialect = dialect;
        }

        SqlTokens tokens() {
            if (tokens == null) {
                tokens = TokenCache.tokens(sql, dialect);
            }
            return tokens;
        }

        /**
         * A filter that is never wrong when it says no: whether every character of {@code form} (in
         * either case, for letters) occurs in the statement, then whether every case-folded character
         * pair of its first 32 characters does. The first stage needs one pass over the statement and
         * rejects almost every input that is not there (a header's punctuation, a name's letters).
         */
        boolean mayContainIgnoringCase(String form) {
            return mayContain(form, true);
        }

        /**
         * Whether every character of {@code form} occurs in the statement ({@code ignoreCase}: letters in
         * either case, and then also every case-folded pair of its first 32 characters). Never wrong when
         * it says no; one pass over the statement, once, and usually a few characters of the form.
         */
        boolean mayContain(String form, boolean ignoreCase) {
            if (chars == null) {
                long[] mask = new long[2];
                boolean wide = false;
                for (int i = 0; i < sql.length(); i++) {
                    char c = sql.charAt(i);
                    if (c < 128) {
                        mask[c >>> 6] |= 1L << c;
                    } else {
                        wide = true;
                    }
                }
                chars = mask;
                nonAscii = wide;
            }
            for (int i = 0; i < form.length(); i++) {
                char c = form.charAt(i);
                if (c >= 128) {
                    if (!nonAscii) {
                        return false;
                    }
                } else if (ignoreCase && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z')) {
                    if (!hasChar(c | 0x20) && !hasChar(c & ~0x20)) {
                        return false;
                    }
                } else if (!hasChar(c)) {
                    return false;
                }
            }
            if (!ignoreCase) {
                return true;
            }
            if (pairs == null) {
                pairs = new long[8];
                for (int i = 0; i + 1 < sql.length(); i++) {
                    int bit = pair(sql.charAt(i), sql.charAt(i + 1));
                    pairs[bit >>> 6] |= 1L << bit;
                }
            }
            int limit = Math.min(form.length(), 33);
            for (int i = 0; i + 1 < limit; i++) {
                int bit = pair(form.charAt(i), form.charAt(i + 1));
                if ((pairs[bit >>> 6] & 1L << bit) == 0) {
                    return false;
                }
            }
            return true;
        }

        private boolean hasChar(int c) {
            return (chars[c >>> 6] & 1L << c) != 0;
        }

        private static int pair(char a, char b) {
            int h = SubstringFinder.fold(a) * 31 + SubstringFinder.fold(b);
            return (h ^ h >>> 9) & 511;
        }
    }
}
