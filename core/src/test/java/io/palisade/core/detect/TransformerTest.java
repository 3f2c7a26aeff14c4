package io.palisade.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TransformerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "%27%20OR%201%3D1|' OR 1=1",
        "a+b|a b",
        "%2527|'",                      // double-encoded: decoding repeats
        "%2525252527|%2527",            // but at most three rounds
        "%E2%82%AC 100%|€ 100%",        // UTF-8; a lone % stays
        "%c0%ae%c0%ae%c0%af|../",       // overlong forms spell what they spell
        "%e0%80%ae|.",
        "%u002e%u2216|.∖",              // IIS's %uXXXX
        "%zz%4|%zz%4",                  // not escapes
        "%ff|\ufffd"})
    void urlDecode(String input, String expected) {
        assertThat(Transformer.URL_DECODE.apply(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "&lt;script&gt;|<script>",
        "&#60;&#x3C;&#X3c;|<<<",
        "&#106&#97&#118&#97|java",      // numeric references without ';'
        "&colon;&lpar;&rpar;&sol;|:()/",
        "AT&T; R&D|AT&T; R&D",          // not entities
        "&#9999999999;|&#9999999999;",
        "&unknown;|&unknown;"})
    void htmlEntityDecode(String input, String expected) {
        assertThat(Transformer.HTML_ENTITY_DECODE.apply(input)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "..\\..\\windows|../../windows",
        "a//b///c|a/b/c",
        "/a/./b/./c|/a/b/c",
        "../../etc|../../etc"})
    void normalizePathKeepsDotDot(String input, String expected) {
        assertThat(Transformer.NORMALIZE_PATH.apply(input)).isEqualTo(expected);
    }

    @Test
    void theOthers() {
        assertThat(Transformer.LOWERCASE.apply("SeLeCt")).isEqualTo("select");
        assertThat(Transformer.REMOVE_NULLS.apply("<scr\0ipt>")).isEqualTo("<script>");
        assertThat(Transformer.COMPRESS_WHITESPACE.apply("union \t\n\u00a0 select")).isEqualTo("union select");
        assertThat(Transformer.byId("url_decode")).isSameAs(Transformer.URL_DECODE);
        assertThat(Transformer.byId("base64")).isNull();
        for (Transformer transformer : Transformer.values()) {
            assertThat(Transformer.byId(transformer.id())).isSameAs(transformer);
            assertThat(transformer.apply("")).isEmpty();
        }
    }

    @Test
    void scriptEscapesAndLookAlikes() {
        assertThat(Detectors.scriptUnescape("\\u0061l\\x65rt")).isEqualTo("alert");
        assertThat(Detectors.scriptUnescape("\\61 lert")).isEqualTo("alert");
        assertThat(Detectors.scriptUnescape("C:\\Users")).isEqualTo("C:\\Users");
        assertThat(Detectors.pathLookAlikes("\uff0e\uff0e\u2215etc0x2fpasswd")).isEqualTo("../etc/passwd");
    }
}
