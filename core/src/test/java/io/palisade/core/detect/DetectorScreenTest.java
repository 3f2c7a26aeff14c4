package io.palisade.core.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.testing.BenignText;
import io.palisade.core.text.CharSignature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The signature screens in front of the detectors may only skip values the detector would not match:
 * over every line of the attack corpus, the generated benign texts and random strings built from the
 * characters the detectors care about, a detector never matches a value its screen turned away.
 */
class DetectorScreenTest {

    static List<String> values() {
        List<String> values = new ArrayList<>();
        for (String folder : List.of("xss", "path-traversal", "command-injection", "sqli")) {
            for (Path file : RequestDetectorsCorpusTest.files(folder)) {
                values.addAll(RequestDetectorsCorpusTest.lines(file));
            }
        }
        values.addAll(BenignText.generate(20261203L, 5_000));
        values.addAll(RequestDetectorsCorpusTest.ORDINARY);
        Random random = new Random(7);
        String alphabet = "abcdejmrsvxACDJMRSX0129 ;|&`$(){}<>#_%+\\-./:='\"\n\r\t!?*@^~[],\u00e9\uff0e";
        for (int i = 0; i < 50_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(24);
            for (int k = 0; k < length; k++) {
                value.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            values.add(value.toString());
        }
        return values;
    }

    @Test
    void aDetectorNeverMatchesAValueItsScreenTurnsAway() {
        List<String> values = values();
        int screened = 0;
        for (String name : Operator.DETECTORS) {
            Operator operator = Operator.compile(name, List.of());
            if (operator.anyOf() == 0) {
                continue;
            }
            screened++;
            int turnedAway = 0;
            for (String value : values) {
                long signature = CharSignature.of(value, 4096);
                if (!operator.admits(signature)) {
                    turnedAway++;
                    assertThat(operator.matches(value)).as("%s on %s", name, value).isFalse();
                }
            }
            assertThat(turnedAway).as(name + " turns some values away").isPositive();
        }
        assertThat(screened).isEqualTo(6);
    }

    @Test
    void aRegexNeverMatchesAValueLackingACharacterItRequires() {
        Operator shellshock = Operator.compile("regex", List.of("\\(\\s*\\)\\s*\\{[^}]*;\\s*\\}\\s*;"));
        assertThat(shellshock.allOf()).isNotZero();
        for (String value : values()) {
            if (!shellshock.admits(CharSignature.of(value, 4096))) {
                assertThat(shellshock.matches(value)).as(value).isFalse();
            }
        }
        assertThat(shellshock.admits(CharSignature.of("() { :; };", 4096))).isTrue();
        assertThat(shellshock.matches("() { :; };")).isTrue();
    }
}
