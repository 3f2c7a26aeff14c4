package io.palisade.core.detect.sql;

import io.palisade.core.request.RequestInput;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decides whether a request input changed the structure of a SQL statement.
 *
 * <p>For each input that occurs in the statement's text, the statement is tokenized once (lazily,
 * only if some input occurs) and each occurrence is judged by the tokens it covers. An input that
 * is data covers one token, or a part of one: a value inside a string literal, a number, a name. An
 * input is flagged when an occurrence
 * <ul>
 *   <li>holds one delimiter of a string, quoted name or comment: it ends a string the application
 *       opened, opens one the application closes, or opens a comment;</li>
 *   <li>sits inside a string that never closes: its last quote or backslash escaped the application's
 *       closing quote;</li>
 *   <li>holds a statement separator ({@code ;});</li>
 *   <li>or covers several tokens that are not all data: a keyword other than a sort direction,
 *       an operator, a parenthesis. Several data tokens in a row (a list of numbers, a column name and
 *       {@code DESC}) are what applications legitimately splice into {@code IN (...)} and
 *       {@code ORDER BY}.</li>
 * </ul>
 * A run of plain words that matches the application's own SQL text by coincidence (a search for
 * "from books") is not flagged when the same value also sits whole inside a string literal, where
 * the application put it.
 *
 * <p>Bound parameters never appear in the SQL text, so a parameterised statement costs one
 * substring search per input. Work is linear in the statement's length per input, and bounded by
 * {@link #MAX_OCCURRENCES}.
 */
public final class SqlInjectionDetector {

    /** Inputs shorter than this cannot change a statement's structure and still run. */
    static final int MIN_INPUT_LENGTH = 2;
    /** Occurrences of one input examined at most. */
    static final int MAX_OCCURRENCES = 64;

    private SqlInjectionDetector() {
    }

    /** The first input in {@code inputs} that changes the structure of {@code sql}, or {@code null}. */
    public static SqlInjection find(String sql, SqlDialect dialect, List<RequestInput> inputs) {
        if (sql == null || sql.isEmpty()) {
            return null;
        }
        SqlTokens tokens = null;
        for (int n = 0; n < inputs.size(); n++) {
            RequestInput input = inputs.get(n);
            String value = input.value();
            for (int form = 0; form < 2; form++) {
                String candidate = form == 0 ? value : percentDecoded(value);
                if (candidate == null || candidate.length() < MIN_INPUT_LENGTH || candidate.length() > sql.length()
                        || onlyQuotes(candidate)) {
                    continue;
                }
                int at = sql.indexOf(candidate);
                if (at < 0) {
                    continue;
                }
                if (tokens == null) {
                    tokens = SqlTokenizer.tokenize(sql, dialect);
                }
                SqlInjection found = examine(sql, tokens, input, candidate, at);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * Quotes alone cannot change a statement and still let it run, but correctly escaped they
     * line up with the application's own delimiters ({@code ''} in {@code }).
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

    private static SqlInjection examine(String sql, SqlTokens tokens, RequestInput input, String value, int first) {
        int at = first;
        for (int seen = 0; at >= 0 && seen < MAX_OCCURRENCES; seen++) {
            String reason = judge(sql, tokens, value, at, at + value.length());
            if (reason != null) {
                return new SqlInjection(input, at, at + value.length(), reason);
            }
            at = sql.indexOf(value, at + 1);
        }
        return null;
    }

    /** Why the occurrence {@code [start, end)} is structure, or {@code null} when it is data. */
    private static String judge(String sql, SqlTokens tokens, String value, int start, int end) {
        int covered = 0;
        boolean data = true;
        boolean wordsOnly = true;
        for (int i = tokens.firstEndingAfter(start); i < tokens.count() && tokens.start(i) < end; i++) {
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
            data &= isData(sql, tokens, i, covered == 1, startsInside && endsInside);
            wordsOnly &= type == SqlTokenType.WORD;
        }
        if (covered <= 1 || data) {
            return null;
        }
        if (wordsOnly && insideALiteral(tokens, sql, value)) {
            return null;
        }
        return "spans " + covered + " tokens";
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
            if (tokens.type(i) == SqlTokenType.STRING) {
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
}
