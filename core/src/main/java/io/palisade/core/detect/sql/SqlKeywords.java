package io.palisade.core.detect.sql;

import java.util.Set;

/**
 * Words that are SQL structure rather than names, across the supported dialects, and the few
 * that may legitimately travel in data (a sort direction chosen by the user).
 */
final class SqlKeywords {

    private static final Set<String> KEYWORDS = caseBlind(
            "ALL", "ALTER", "AND", "ANY", "AS", "ASC", "BEGIN", "BENCHMARK", "BETWEEN", "BINARY", "BY", "CALL", "CASE",
            "CAST", "COLLATE", "COMMIT", "CONVERT", "CREATE", "CROSS", "CURRENT_USER", "DATABASE", "DECLARE", "DEFAULT",
            "DELAY", "DELETE", "DESC", "DISTINCT", "DIV", "DO", "DROP", "ELSE", "END", "ESCAPE", "EXCEPT", "EXEC",
            "EXECUTE", "EXISTS", "FALSE", "FETCH", "FIRST", "FOR", "FROM", "FULL", "FUNCTION", "GO", "GOTO", "GRANT",
            "GROUP", "HANDLER", "HAVING", "IF", "ILIKE", "IN", "INNER", "INSERT", "INTERSECT", "INTO", "IS", "JOIN",
            "LAST", "LEFT", "LIKE", "LIMIT", "LOAD", "MATCH", "MERGE", "MINUS", "MOD", "NATURAL", "NOT", "NULL", "NULLS",
            "OFFSET", "ON", "OR", "ORDER", "OUTER", "OUTFILE", "PERFORM", "PREPARE", "PROCEDURE", "REGEXP", "RENAME",
            "REPLACE", "RETURN", "RETURNING", "REVOKE", "RIGHT", "RLIKE", "ROLLBACK", "ROWNUM", "SELECT", "SET",
            "SHUTDOWN", "SIMILAR", "SLEEP", "SOME", "SOUNDS", "TABLE", "THEN", "TOP", "TRUE", "TRUNCATE", "UNION",
            "UPDATE", "USING", "VALUES", "WAITFOR", "WHEN", "WHERE", "WHILE", "WITH", "XOR");

    /** Words a sort parameter may carry: {@code title DESC NULLS LAST}. */
    private static final Set<String> SORT_WORDS = caseBlind("ASC", "DESC", "NULLS", "FIRST", "LAST");

    /** The keywords of an ordering or grouping clause besides the sort words: {@code ORDER BY}, {@code GROUP BY}. */
    private static final Set<String> ORDERING_WORDS = caseBlind("ORDER", "GROUP", "BY");

    private SqlKeywords() {
    }

    /** A set that compares without case and without making an upper-cased copy of what it is asked about. */
    private static Set<String> caseBlind(String... words) {
        java.util.TreeSet<String> set = new java.util.TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(java.util.Arrays.asList(words));
        return java.util.Collections.unmodifiableSet(set);
    }

    static boolean isKeyword(String word) {
        return word.length() <= 16 && KEYWORDS.contains(word);
    }

    static boolean isSortWord(String word) {
        return word.length() <= 5 && SORT_WORDS.contains(word);
    }

    static boolean isOrderingWord(String word) {
        return word.length() <= 5 && ORDERING_WORDS.contains(word);
    }
}
