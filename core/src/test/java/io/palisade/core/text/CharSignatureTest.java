package io.palisade.core.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CharSignatureTest {

    @Test
    void eachPunctuationCharacterHasItsBitAndLettersDigitsAndSpacesNone() {
        assertThat(CharSignature.of("Pride and Prejudice 1813", 4096)).isEqualTo(CharSignature.COMPUTED);
        long signature = CharSignature.of("a<b", 4096);
        assertThat(signature & CharSignature.of('<')).isNotZero();
        assertThat(signature & CharSignature.of('>')).isZero();
        long all = CharSignature.LINE_FEED | CharSignature.TAB | CharSignature.CARRIAGE_RETURN | CharSignature.CONTROL
                | CharSignature.NON_ASCII;
        assertThat(CharSignature.of("x\ny\tz\r\u0001\u00e9", 4096) & all).isEqualTo(all);
        assertThatThrownBy(() -> CharSignature.of('a')).isInstanceOf(IllegalArgumentException.class);
        assertThat(CharSignature.tracked('~')).isTrue();
        assertThat(CharSignature.tracked(' ')).isFalse();
    }

    @Test
    void theSequencesTheDetectorsScreenOnAreSeenInAnyCase() {
        assertThat(CharSignature.of("run CMD now", 4096) & CharSignature.CMD).isNotZero();
        assertThat(CharSignature.of("PowerShell", 4096) & CharSignature.RSH).isNotZero();
        assertThat(CharSignature.of("JaVa", 4096) & CharSignature.JAV).isNotZero();
        assertThat(CharSignature.of("0X2e", 4096) & CharSignature.HEX_PREFIX).isNotZero();
        assertThat(CharSignature.of("c m d jav a", 4096) & (CharSignature.CMD | CharSignature.JAV)).isEqualTo(CharSignature.JAV);
        // A non-ASCII character breaks a sequence, as it would break the word.
        assertThat(CharSignature.of("cm\u00e9d", 4096) & CharSignature.CMD).isZero();
    }

    @Test
    void onlyTheFirstLimitCharactersCount() {
        assertThat(CharSignature.of("abc<", 3) & CharSignature.of('<')).isZero();
        assertThat(CharSignature.of("abc<", 4) & CharSignature.of('<')).isNotZero();
    }
}
