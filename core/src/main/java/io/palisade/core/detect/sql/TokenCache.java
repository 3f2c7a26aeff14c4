package io.palisade.core.detect.sql;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The tokens of recently checked statements, so that a statement an application runs again and again
 * is read once. It matters for parameterised statements: no input is in them, but short inputs
 * ({@code en}, {@code id}, {@code title}) often occur in their text by coincidence, and judging such
 * an occurrence needs the statement's tokens.
 *
 * <p>Direct-mapped by the statement's hash, {@value #SLOTS} slots, statements of at most
 * {@value #MAX_LENGTH} characters: bounded (about a megabyte at worst) whatever the application or an
 * attacker sends; a statement built from request input only ever replaces another entry, which costs
 * what not caching costs. Entries are immutable and published through an atomic array; a hit compares
 * the statement's text, never just its hash.
 */
final class TokenCache {

    static final int SLOTS = 128;
    static final int MAX_LENGTH = 2048;

    private static final class Entry {
        final SqlDialect dialect;
        final SqlTokens tokens;

        Entry(SqlDialect dialect, SqlTokens tokens) {
            this.dialect = dialect;
            this.tokens = tokens;
        }
    }

    private static final AtomicReferenceArray<Entry> ENTRIES = new AtomicReferenceArray<>(SLOTS);

    private TokenCache() {
    }

    /** The tokens of {@code sql} in {@code dialect}, from the cache or read now (and kept when small enough). */
    static SqlTokens tokens(String sql, SqlDialect dialect) {
        if (sql.length() > MAX_LENGTH) {
            return SqlTokenizer.tokenize(sql, dialect);
        }
        int slot = spread(sql.hashCode()) & (SLOTS - 1);
        Entry entry = ENTRIES.get(slot);
        if (entry != null && entry.dialect == dialect && entry.tokens.sql().equals(sql)) {
            return entry.tokens;
        }
        SqlTokens tokens = SqlTokenizer.tokenize(sql, dialect);
        ENTRIES.set(slot, new Entry(dialect, tokens));
        return tokens;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
