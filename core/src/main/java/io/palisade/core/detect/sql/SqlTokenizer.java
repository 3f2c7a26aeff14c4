package io.palisade.core.detect.sql;

import java.util.Arrays;

/**
 * Splits SQL into tokens by a dialect's lexical rules, in one pass: every step consumes at least one
 * character, so the cost is linear in the length of the statement. It never throws on malformed SQL:
 * an unterminated string or comment simply runs to the end and is marked so.
 */
public final class SqlTokenizer {

    private final String sql;
    private final SqlDialect dialect;
    private final int length;
    private SqlTokenType[] types;
    private int[] starts;
    private int[] ends;
    private int count;
    private boolean unterminated;

    private SqlTokenizer(String sql, SqlDialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
        this.length = sql.length();
        int capacity = Math.max(8, length / 3);
        this.types = new SqlTokenType[capacity];
        this.starts = new int[capacity];
        this.ends = new int[capacity];
    }

    public static SqlTokens tokenize(String sql, SqlDialect dialect) {
        SqlTokenizer tokenizer = new SqlTokenizer(sql, dialect);
        tokenizer.run();
        return new SqlTokens(sql, tokenizer.types, tokenizer.starts, tokenizer.ends, tokenizer.count, tokenizer.unterminated);
    }

    private void run() {
        int i = 0;
        while (i < length) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else {
                i = token(i, c);
            }
        }
    }

    private char at(int i) {
        return i < length ? sql.charAt(i) : '\0';
    }

    /** Reads the token at {@code i} and returns where the next one may start (always > i). */
    private int token(int i, char c) {
        char next = at(i + 1);
        if (c == '-' && next == '-' && dialect.dashComments && (!dialect.mysqlComments || i + 2 >= length || at(i + 2) <= ' ')) {
            return lineComment(i);
        }
        if (c == '#' && dialect.mysqlComments) {
            return lineComment(i);
        }
        if (c == '/' && next == '/' && dialect.slashSlashComments) {
            return lineComment(i);
        }
        if (c == '/' && next == '*') {
            return blockComment(i);
        }
        if (c == '\'') {
            return quoted(i, i, '\'', SqlTokenType.STRING, dialect.backslashEscapes);
        }
        if (c == '"') {
            return dialect.doubleQuotedStrings
                    ? quoted(i, i, '"', SqlTokenType.STRING, dialect.backslashEscapes || dialect.javaStrings)
                    : quoted(i, i, '"', SqlTokenType.QUOTED_IDENTIFIER, false);
        }
        if (c == '`' && dialect.backtickIdentifiers) {
            return quoted(i, i, '`', SqlTokenType.QUOTED_IDENTIFIER, false);
        }
        if (c == '[' && dialect.bracketIdentifiers) {
            return bracketed(i);
        }
        if (c == '$' && dialect.dollarQuoting) {
            int end = dollarQuoted(i);
            if (end > 0) {
                return end;
            }
        }
        if (c == '$' && Character.isDigit(next)) {
            return parameter(i, true);
        }
        if (Character.isDigit(c) || (c == '.' && Character.isDigit(next))) {
            return number(i);
        }
        if (isWordStart(c)) {
            return word(i);
        }
        if (c == '?') {
            add(SqlTokenType.PARAMETER, i, i + 1);
            return i + 1;
        }
        if (c == ':' && isWordStart(next)) {
            return parameter(i, false);
        }
        if (c == '(' || c == ')' || c == ',' || c == ';' || c == '.' || (c == '[' || c == ']')) {
            add(SqlTokenType.PUNCTUATION, i, i + 1);
            return i + 1;
        }
        if (isOperator(c)) {
            int end = i + 1;
            while (end < length && isOperator(at(end)) && !startsComment(end)) {
                end++;
            }
            add(SqlTokenType.OPERATOR, i, end);
            return end;
        }
        add(SqlTokenType.OTHER, i, i + 1);
        return i + 1;
    }

    private boolean startsComment(int i) {
        char c = at(i);
        char next = at(i + 1);
        return (c == '-' && next == '-' && dialect.dashComments) || (c == '/' && next == '*') || (c == '#' && dialect.mysqlComments);
    }

    private int lineComment(int i) {
        int end = i;
        while (end < length && at(end) != '\n' && at(end) != '\r') {
            end++;
        }
        add(SqlTokenType.COMMENT, i, end);
        return end;
    }

    private int blockComment(int i) {
        int depth = 1;
        int j = i + 2;
        while (j < length) {
            char c = at(j);
            if (c == '*' && at(j + 1) == '/') {
                depth--;
                j += 2;
                if (depth == 0 || !dialect.nestedComments) {
                    add(SqlTokenType.COMMENT, i, j);
                    return j;
                }
            } else if (dialect.nestedComments && c == '/' && at(j + 1) == '*') {
                depth++;
                j += 2;
            } else {
                j++;
            }
        }
        addUnterminated(SqlTokenType.COMMENT, i);
        return length;
    }

    /** A token delimited by {@code quote}, with doubled-quote escapes and optionally backslash escapes. */
    private int quoted(int tokenStart, int quoteAt, char quote, SqlTokenType type, boolean backslash) {
        int j = quoteAt + 1;
        while (j < length) {
            char c = at(j);
            if (backslash && c == '\\') {
                j += 2;
            } else if (c == quote) {
                if (at(j + 1) == quote) {
                    j += 2;
                } else {
                    add(type, tokenStart, j + 1);
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        addUnterminated(type, tokenStart);
        return length;
    }

    private int bracketed(int i) {
        int j = i + 1;
        while (j < length) {
            if (at(j) == ']') {
                if (at(j + 1) == ']') {
                    j += 2;
                } else {
                    add(SqlTokenType.QUOTED_IDENTIFIER, i, j + 1);
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        addUnterminated(SqlTokenType.QUOTED_IDENTIFIER, i);
        return length;
    }

    /** {@code $tag$...$tag$}; returns the end, or -1 when {@code i} does not open one. */
    private int dollarQuoted(int i) {
        int j = i + 1;
        if (j < length && Character.isDigit(at(j))) {
            return -1;
        }
        while (j < length && at(j) != '$') {
            if (!Character.isLetterOrDigit(at(j)) && at(j) != '_') {
                return -1;
            }
            j++;
        }
        if (j >= length) {
            return -1;
        }
        String tag = sql.substring(i, j + 1);
        int close = sql.indexOf(tag, j + 1);
        if (close < 0) {
            addUnterminated(SqlTokenType.STRING, i);
            return length;
        }
        add(SqlTokenType.STRING, i, close + tag.length());
        return close + tag.length();
    }

    private int number(int i) {
        int j = i;
        if (at(j) == '0' && (at(j + 1) == 'x' || at(j + 1) == 'X')) {
            j += 2;
            while (j < length && Character.digit(at(j), 16) >= 0) {
                j++;
            }
            add(SqlTokenType.NUMBER, i, j);
            return j;
        }
        while (j < length && (Character.isDigit(at(j)) || at(j) == '.')) {
            j++;
        }
        if ((at(j) == 'e' || at(j) == 'E')
                && (Character.isDigit(at(j + 1)) || ((at(j + 1) == '+' || at(j + 1) == '-') && Character.isDigit(at(j + 2))))) {
            j += 2;
            while (j < length && Character.isDigit(at(j))) {
                j++;
            }
        }
        add(SqlTokenType.NUMBER, i, j);
        return j;
    }

    private int word(int i) {
        int j = i + 1;
        while (j < length && isWordPart(at(j))) {
            j++;
        }
        // A one- or two-letter prefix directly before a quote makes a string: N'..', E'..', X'..', B'..', q'[..]'.
        if ((at(j) == '\'' || (at(j) == '"' && dialect.javaStrings)) && j - i <= 2) {
            String prefix = sql.substring(i, j).toUpperCase(java.util.Locale.ROOT);
            if (dialect.javaStrings && prefix.equals("J")) {
                return quoted(i, j, at(j), SqlTokenType.STRING, true);
            }
            if (at(j) == '"') {
                add(SqlTokenType.WORD, i, j);
                return j;
            }
            if (dialect.alternativeQuoting && (prefix.equals("Q") || prefix.equals("NQ"))) {
                return alternativeQuoted(i, j);
            }
            boolean escapes = prefix.equals("E") && dialect.escapeStrings;
            if (prefix.equals("N") || prefix.equals("E") || prefix.equals("X") || prefix.equals("B") || prefix.equals("U")) {
                return quoted(i, j, '\'', SqlTokenType.STRING, escapes || dialect.backslashEscapes);
            }
        }
        add(SqlTokenType.WORD, i, j);
        return j;
    }

    /** Oracle's {@code q'<open>...<close>'}, where brackets pair and any other character closes itself. */
    private int alternativeQuoted(int i, int quoteAt) {
        char open = at(quoteAt + 1);
        char close;
        switch (open) {
            case '[':
                close = ']';
                break;
            case '{':
                close = '}';
                break;
            case '(':
                close = ')';
                break;
            case '<':
                close = '>';
                break;
            default:
                close = open;
        }
        int j = quoteAt + 2;
        while (j < length) {
            if (at(j) == close && at(j + 1) == '\'') {
                add(SqlTokenType.STRING, i, j + 2);
                return j + 2;
            }
            j++;
        }
        addUnterminated(SqlTokenType.STRING, i);
        return length;
    }

    /** A parameter: {@code $1} ({@code digits}) or {@code :name}, from the character after its sign. */
    private int parameter(int start, boolean digits) {
        int j = start + 1;
        while (j < length && (digits ? Character.isDigit(at(j)) : isWordPart(at(j)))) {
            j++;
        }
        add(SqlTokenType.PARAMETER, start, j);
        return j;
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '@';
    }

    /** MySQL reads {@code #} as a comment anywhere; elsewhere it may be part of a name ({@code #temp}). */
    private boolean isWordPart(int c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '@' || (c == '#' && !dialect.mysqlComments);
    }

    private static boolean isOperator(char c) {
        return "+-*/%=<>!|&^~:".indexOf(c) >= 0;
    }

    private void addUnterminated(SqlTokenType type, int start) {
        add(type, start, length);
        unterminated = true;
    }

    private void add(SqlTokenType type, int start, int end) {
        if (count == types.length) {
            int capacity = count * 2;
            types = Arrays.copyOf(types, capacity);
            starts = Arrays.copyOf(starts, capacity);
            ends = Arrays.copyOf(ends, capacity);
        }
        types[count] = type;
        starts[count] = start;
        ends[count] = end;
        count++;
    }
}
