package io.palisade.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void tokensAreLettersDigitsAndTheGivenPunctuationWithinTheirLength() {
        assertThat(Names.isToken("bookstore-2.prod_eu", 64, "._-")).isTrue();
        assertThat(Names.isToken("", 64, "._-")).isFalse();
        assertThat(Names.isToken(null, 64, "._-")).isFalse();
        assertThat(Names.isToken("a".repeat(65), 64, "._-")).isFalse();
        assertThat(Names.isToken("book store", 64, "._-")).isFalse();
        assertThat(Names.isToken("r\u00e9sum\u00e9", 64, "._-")).isFalse();
        assertThat(Names.isToken("protection_time_us.lt_10", 128, "_.:<>-")).isTrue();
    }

    @Test
    void printableKeepsAsciiTextAndCutsTheRest() {
        assertThat(Names.printable("shop\n\u0000\u00e9", 64)).isEqualTo("shop???");
        assertThat(Names.printable("x".repeat(70), 64)).isEqualTo("x".repeat(64) + "...");
    }
}
