package io.palisade.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequiredCharactersTest {

    @ParameterizedTest(name = "{0} needs [{1}]")
    @CsvSource(delimiter = '#', quoteCharacter = '~', value = {
        "\\(\\s*\\)\\s*\\{[^}]*;\\s*\\}\\s*;#(){;}",
        "\\$\\{\\s*(jndi\\s*:|lower)#${",
        "(?i)<script#<",
        "a|b;#~~",
        "x;?y#~~",
        "x;*y#~~",
        "x;+y#;",
        "x;{0,3}y#~~",
        "x;{1,3}y#;",
        "[;]x#~~",
        "(;)x#~~",
        "\\d+-\\d+#-",
        "\\p{L}=#=",
        "abc#~~",
    })
    void topLevelPunctuationThatEveryMatchHolds(String regex, String expected) {
        assertThat(RequiredCharacters.of(regex)).isEqualTo(expected == null ? "" : expected);
    }
}
