package io.palisade.reporter;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.palisade.core.detect.sql.SqlDialect;
import io.palisade.core.detect.sql.SqlTokenType;
import io.palisade.core.detect.sql.SqlTokenizer;
import io.palisade.core.detect.sql.SqlTokens;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Redacts secrets before anything leaves the JVM or reaches a log. Three passes, all linear (RE2/J):
 * <ul>
 * <li>a value whose name (parameter, header, cookie, JSON key path) matches the key pattern is
 * replaced whole, and its text is redacted wherever else it appears in the same event;</li>
 * <li>matches of the value pattern (JWTs, private keys, bearer tokens, card numbers) are replaced in
 * every value, path and statement;</li>
 * <li>in SQL, a string literal compared with or assigned to a column whose name matches the key
 * pattern ({@code password = '...'}) is replaced.</li>
 * </ul>
 * Runs on the reporter's worker thread only. Immutable, thread-safe.
 */
public final class Scrubber {

    public static final String REDACTED = "<redacted>";
    /** Shorter known secrets are not searched for inside other text: too many coincidental hits. */
    static final int MIN_KNOWN_SECRET = 4;

    private final Pattern keyPattern;
    private final Pattern valuePattern;

    public Scrubber(String keyPattern, String valuePattern) {
        this.keyPattern = Pattern.compile(keyPattern);
        this.valuePattern = Pattern.compile(valuePattern);
    }

    /** Whether values named {@code name} are secrets. */
    public boolean secretName(String name) {
        return name != null && keyPattern.matcher(name).find();
    }

    /**
     * {@code text} with every known secret and every match of the value pattern replaced.
     *
     * @param knownSecrets values of secret-named inputs of the same request
     */
    public String text(String text, Collection<String> knownSecrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String scrubbed = text;
        for (String secret : knownSecrets) {
            if (secret.length() >= MIN_KNOWN_SECRET && scrubbed.contains(secret)) {
                scrubbed = scrubbed.replace(secret, REDACTED);
            }
        }
        Matcher matcher = valuePattern.matcher(scrubbed);
        return matcher.find() ? matcher.replaceAll(Matcher.quoteReplacement(REDACTED)) : scrubbed;
    }

    /** An input's value: redacted whole when its name is a secret's, otherwise as {@link #text}. */
    public String value(String name, String value, Collection<String> knownSecrets) {
        if (value == null) {
            return null;
        }
        return secretName(name) ? REDACTED : text(value, knownSecrets);
    }

    /** A SQL statement: {@link #text} plus string literals that meet a secret-named column. */
    public String sql(String sql, Collection<String> knownSecrets) {
        if (sql == null || sql.isEmpty()) {
            return sql;
        }
        return text(secretLiterals(sql), knownSecrets);
    }

    /**
     * Replaces literals in {@code column = 'x'}, {@code column <> 'x'}, {@code column LIKE 'x'},
     * {@code 'x' = column}, and in {@code INSERT ... (columns) VALUES (...)} by position, when the
     * column's name matches the key pattern. The event does not say which database ran the statement,
     * so the literals are found twice, with and without backslash escapes, and whatever either reading
     * takes for a secret's literal is redacted ({@code password='ab\'cd'} on MySQL loses all of
     * {@code ab\'cd}, not just {@code ab\}).
     */
    private String secretLiterals(String sql) {
        List<int[]> spans = new ArrayList<>();
        secretSpans(SqlTokenizer.tokenize(sql, SqlDialect.GENERIC), spans);
        secretSpans(SqlTokenizer.tokenize(sql, SqlDialect.MYSQL), spans);
        if (spans.isEmpty()) {
            return sql;
        }
        spans.sort((x, y) -> Integer.compare(x[0], y[0]));
        StringBuilder out = new StringBuilder(sql.length());
        int copied = 0;
        for (int[] span : spans) {
            int start = Math.max(span[0], copied);
            if (span[1] <= start) {
                continue;
            }
            out.append(sql, copied, start).append('\'').append(REDACTED).append('\'');
            copied = span[1];
        }
        return out.append(sql, copied, sql.length()).toString();
    }

    private void secretSpans(SqlTokens tokens, List<int[]> spans) {
        List<String> insertColumns = null;
        boolean afterValues = false;
        int tupleIndex = -1;
        int depth = 0;
        for (int i = 0; i < tokens.count(); i++) {
            SqlTokenType type = tokens.type(i);
            String text = type == SqlTokenType.WORD || type == SqlTokenType.PUNCTUATION ? tokens.text(i) : "";
            if (type == SqlTokenType.WORD && text.equalsIgnoreCase("INSERT")) {
                insertColumns = new ArrayList<>();
                afterValues = false;
                tupleIndex = -1;
                depth = 0;
            } else if (insertColumns != null && type == SqlTokenType.WORD && depth == 0
                    && (text.equalsIgnoreCase("VALUES") || text.equalsIgnoreCase("VALUE"))) {
                afterValues = true;
            } else if (insertColumns != null && type == SqlTokenType.PUNCTUATION && text.equals("(")) {
                depth++;
                tupleIndex = depth == 1 ? 0 : tupleIndex;
            } else if (insertColumns != null && type == SqlTokenType.PUNCTUATION && text.equals(")")) {
                depth = Math.max(0, depth - 1);
            } else if (insertColumns != null && depth == 1 && type == SqlTokenType.PUNCTUATION && text.equals(",")) {
                tupleIndex++;
            } else if (insertColumns != null && depth == 1 && (type == SqlTokenType.WORD || type == SqlTokenType.QUOTED_IDENTIFIER)
                    && !afterValues && insertColumns.size() == tupleIndex) {
                insertColumns.add(unquote(tokens.text(i)));
            }
            if (type != SqlTokenType.STRING) {
                continue;
            }
            boolean secret = comparedColumn(tokens, i - 2, i - 1) || comparedColumn(tokens, i + 2, i + 1);
            if (!secret && insertColumns != null && depth == 1 && tupleIndex >= 0 && tupleIndex < insertColumns.size()
                    && afterValues) {
                secret = secretName(insertColumns.get(tupleIndex));
            }
            if (secret) {
                spans.add(new int[] {tokens.start(i), tokens.end(i)});
            }
        }
    }

    private boolean comparedColumn(SqlTokens tokens, int column, int operator) {
        if (column < 0 || operator < 0 || column >= tokens.count() || operator >= tokens.count()) {
            return false;
        }
        SqlTokenType type = tokens.type(column);
        if (type != SqlTokenType.WORD && type != SqlTokenType.QUOTED_IDENTIFIER) {
            return false;
        }
        String op = tokens.text(operator).toLowerCase(Locale.ROOT);
        boolean comparison = tokens.type(operator) == SqlTokenType.OPERATOR || op.equals("like") || op.equals("ilike");
        return comparison && secretName(unquote(tokens.text(column)));
    }

    private static String unquote(String identifier) {
        if (identifier.length() >= 2 && "\"`[".indexOf(identifier.charAt(0)) >= 0) {
            return identifier.substring(1, identifier.length() - 1);
        }
        return identifier;
    }
}
