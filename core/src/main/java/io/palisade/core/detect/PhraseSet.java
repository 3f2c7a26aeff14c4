package io.palisade.core.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ahocorasick.trie.Trie;

/**
 * The {@code phrases} operator: whether a value contains one of a set of phrases, ignoring case.
 *
 * <p>For small sets of ASCII phrases of three characters or more (the built-in scanner list) and ASCII
 * values, the value's character triples are looked up in a table of the phrases' first triples, and a phrase is
 * compared only where its first triple is: a few nanoseconds a character, no allocation. When that
 * comparing exceeds a few times the value's length (an input built to make every position a
 * candidate), and for other sets, Aho-Corasick decides, in one linear pass.
 */
final class PhraseSet {

    private static final int MAX_INDEXED = 512;
    private static final int BUCKETS = 4096;

    private final Trie trie;
    /** For each bucket of first triples, the phrases (lower case) starting with a triple of that bucket; null when not indexed. */
    private final String[][] buckets;
    private final long[] present;

    PhraseSet(List<String> phrases) {
        this.trie = Trie.builder().ignoreCase().addKeywords(phrases).build();
        this.buckets = indexable(phrases) ? new String[BUCKETS][] : null;
        this.present = new long[BUCKETS / 64];
        if (buckets != null) {
            List<List<String>> lists = new ArrayList<>();
            for (int i = 0; i < BUCKETS; i++) {
                lists.add(null);
            }
            for (String phrase : phrases) {
                String lower = phrase.toLowerCase(Locale.ROOT);
                int bucket = bucket(lower.charAt(0), lower.charAt(1), lower.charAt(2));
                if (lists.get(bucket) == null) {
                    lists.set(bucket, new ArrayList<>());
                }
                lists.get(bucket).add(lower);
                present[bucket >>> 6] |= 1L << bucket;
            }
            for (int i = 0; i < BUCKETS; i++) {
                if (lists.get(i) != null) {
                    buckets[i] = lists.get(i).toArray(new String[0]);
                }
            }
        }
    }

    private static boolean indexable(List<String> phrases) {
        if (phrases.size() > MAX_INDEXED) {
            return false;
        }
        for (String phrase : phrases) {
            if (phrase.length() < 3) {
                return false;
            }
            for (int i = 0; i < phrase.length(); i++) {
                if (phrase.charAt(i) >= 128) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean containsMatch(String value) {
        if (buckets == null) {
            return trie.containsMatch(value);
        }
        int n = value.length();
        long work = 0;
        long allowance = 4L * n + 64;
        for (int i = 0; i < n; i++) {
            if (value.charAt(i) >= 128) {
                // Case folding beyond ASCII (the Kelvin sign is a 'k'): the index does not model it.
                return trie.containsMatch(value);
            }
        }
        for (int i = 0; i + 3 <= n; i++) {
            int bucket = bucket(value.charAt(i), value.charAt(i + 1), value.charAt(i + 2));
            if ((present[bucket >>> 6] & 1L << bucket) == 0) {
                continue;
            }
            for (String phrase : buckets[bucket]) {
                work += phrase.length();
                if (i + phrase.length() <= n && value.regionMatches(true, i, phrase, 0, phrase.length())) {
                    return true;
                }
            }
            if (work > allowance) {
                return trie.containsMatch(value); // adversarial input: one linear pass instead
            }
        }
        return false;
    }

    private static int bucket(char a, char b, char c) {
        int h = (lower(a) * 31 + lower(b)) * 31 + lower(c);
        return (h ^ h >>> 12) & (BUCKETS - 1);
    }

    /** ASCII lower case; other characters as they are (they never start an indexed phrase, but must hash). */
    private static int lower(char c) {
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    }
}
