package io.palisade.core.detect.sql;

/**
 * The tokens of one statement, as parallel arrays (no object per token). Whitespace is not a token.
 * Only the last token can be unterminated (a string or comment still open at the end).
 */
public final class SqlTokens {

    private final String sql;
    private final SqlTokenType[] types;
    private final int[] starts;
    private final int[] ends;
    private final int count;
    private final boolean lastUnterminated;
    /**
     * For each token, the index of the '(' whose group it is in, or -1; computed on first need. Volatile
     * because a statement's tokens are shared between threads ({@link TokenCache}); two threads that both
     * compute it build the same table.
     */
    private volatile int[] openers;

    SqlTokens(String sql, SqlTokenType[] types, int[] starts, int[] ends, int count, boolean lastUnterminated) {
        this.sql = sql;
        this.types = types;
        this.starts = starts;
        this.ends = ends;
        this.count = count;
        this.lastUnterminated = lastUnterminated;
    }

    public int count() {
        return count;
    }

    public SqlTokenType type(int index) {
        return types[index];
    }

    /** Where token {@code index} starts in the SQL (inclusive). */
    public int start(int index) {
        return starts[index];
    }

    /** Where token {@code index} ends in the SQL (exclusive). */
    public int end(int index) {
        return ends[index];
    }

    /** The statement these are the tokens of. */
    String sql() {
        return sql;
    }

    public String text(int index) {
        return sql.substring(starts[index], ends[index]);
    }

    public boolean unterminated(int index) {
        return lastUnterminated && index == count - 1;
    }

    /** Whether token {@code index} is the punctuation character {@code c}. */
    boolean isPunctuation(int index, char c) {
        return types[index] == SqlTokenType.PUNCTUATION && sql.charAt(starts[index]) == c;
    }

    /**
     * The index of the {@code (} that opens the parenthesised group token {@code index} is in, or -1
     * at the top level. The table is built once per statement, in one pass.
     */
    int opener(int index) {
        int[] known = openers;
        if (known == null) {
            int[] table = new int[count];
            int[] stack = new int[Math.max(1, count)];
            int depth = 0;
            for (int i = 0; i < count; i++) {
                table[i] = depth > 0 ? stack[depth - 1] : -1;
                if (isPunctuation(i, '(')) {
                    stack[depth++] = i;
                } else if (isPunctuation(i, ')') && depth > 0) {
                    depth--;
                    table[i] = depth > 0 ? stack[depth - 1] : -1;
                }
            }
            openers = table;
            known = table;
        }
        return known[index];
    }

    /** The index of the first token that ends after {@code offset}, or {@link #count()}. */
    int firstEndingAfter(int offset) {
        int low = 0;
        int high = count;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (ends[middle] <= offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
