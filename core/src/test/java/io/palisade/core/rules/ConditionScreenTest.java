package io.palisade.core.rules;

import io.palisade.core.detect.Operator;
import io.palisade.core.detect.Transformer;


import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A condition's screen by required characters never drops a value that its operator would match. */
class ConditionScreenTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '#', quoteCharacter = '~', value = {
        "\\(\\s*\\)\\s*\\{[^}]*;\\s*\\}\\s*;#() { :; }; /bin/bash -c id",
        "\\$\\{\\s*(jndi\\s*:|lower)#${jndi:ldap://x}",
        "x;+y#x;;y",
        "\\d+-\\d+#12-34",
    })
    void whatMatchesIsNeverScreenedOut(String regex, String input) {
        Operator operator = Operator.compile("regex", List.of(regex));
        assertThat(operator.matches(input)).isTrue();
        Rule.Condition condition = new Rule.Condition(List.of(InputSelector.parse("query")), List.of(), operator);
        assertThat(condition.mayMatch(input, 4096)).isTrue();
    }

    @Test
    void escapesTheTransformersDecodeDisableTheScreen() {
        Operator operator = Operator.compile("regex", List.of("\\$\\{jndi:"));
        Rule.Condition decoded = new Rule.Condition(List.of(InputSelector.parse("query")), List.of(Transformer.URL_DECODE),
                operator);
        assertThat(decoded.mayMatch("%24%7Bjndi:ldap://x}", 4096)).isTrue();
        assertThat(decoded.mayMatch("plain text", 4096)).isFalse();
        Rule.Condition entities = new Rule.Condition(List.of(InputSelector.parse("query")),
                List.of(Transformer.HTML_ENTITY_DECODE), operator);
        assertThat(entities.mayMatch("&#36;&#123;jndi:", 4096)).isTrue();
        assertThat(entities.mayMatch("{jndi: but no dollar", 4096)).isFalse();
        // Only the characters the rules would see count.
        Rule.Condition plain = new Rule.Condition(List.of(InputSelector.parse("query")), List.of(), operator);
        assertThat(plain.mayMatch("x".repeat(5000) + "${jndi:", 4096)).isFalse();
    }
}
