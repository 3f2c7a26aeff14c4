package io.palisade.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * The transformers rules apply to inputs, fuzzed (see {@code io.palisade.core.fuzz.ParserFuzzTest} for
 * how these run). Besides never throwing, each keeps the promise the rules' screening relies on
 * ({@link Transformer#introducers()}): a transformer that says it never makes punctuation does not, and
 * one that makes it only from certain characters does so only when the value holds one of them. A
 * screen built on a broken promise would skip a rule that should have matched.
 */
class TransformerFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void transformersKeepTheirPromiseAboutPunctuation(FuzzedDataProvider data) {
        Transformer transformer = data.pickValue(Transformer.values());
        String value = data.consumeRemainingAsString();
        String result = transformer.apply(value);
        assertThat(result).isNotNull();
        assertThat(result.length()).isLessThanOrEqualTo(3 * value.length());
        String introducers = transformer.introducers();
        if (introducers == null) {
            return; // may rewrite punctuation: the screen does not rely on it
        }
        boolean introduced = value.chars().anyMatch(c -> introducers.indexOf(c) >= 0);
        if (!introduced) {
            for (int i = 0; i < result.length(); i++) {
                char c = result.charAt(i);
                if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
                    assertThat(value.indexOf(c)).as("%s made '%s' out of %s", transformer, c, value).isGreaterThanOrEqualTo(0);
                }
            }
        }
    }
}
