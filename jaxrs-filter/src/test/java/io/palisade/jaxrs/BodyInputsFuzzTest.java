package io.palisade.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.util.List;

/**
 * The JSON body walk, fuzzed (docs/internals/fuzzing.md): it never throws, whatever the bytes, and
 * what it produces stays in proportion to the body: leaf values are at most the body's size in all,
 * and each name at most {@link BodyInputs#MAX_PATH} characters.
 */
class BodyInputsFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void theBodyWalkNeverThrowsAndStaysInProportion(FuzzedDataProvider data) {
        byte[] body = data.consumeRemainingAsBytes();
        List<String[]> leaves = BodyInputs.all(new ByteArrayInputStream(body));
        long valueChars = 0;
        for (String[] leaf : leaves) {
            assertThat(leaf[0]).isNotNull();
            assertThat(leaf[0].length()).isLessThanOrEqualTo(BodyInputs.MAX_PATH);
            valueChars += leaf[1].length();
        }
        assertThat(valueChars).isLessThanOrEqualTo(body.length);
    }
}
