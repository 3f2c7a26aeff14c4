package io.palisade.core.rules;

import io.palisade.core.config.Mode;
import java.util.List;

/**
 * One compiled rule of a pack. A request-phase rule fires when every condition matches at least one
 * of the values it selects; a {@code jdbc} rule switches a built-in protection on at the JDBC hook
 * points.
 *
 * @param mode the rule's own mode, or {@code null} for {@code palisade.mode}
 * @param critical whether it still runs once the request's time budget is spent
 */
public record Rule(String id, String name, String attackType, Target target, Mode mode, int priority, boolean critical,
        List<Condition> conditions) {

    public enum Target { REQUEST, JDBC }

    public Rule {
        conditions = List.copyOf(conditions);
    }

    /** One test: the values it selects, transformed in order, then the operator. */
    public record Condition(List<InputSelector> inputs, List<Transformer> transformers, Operator operator) {

        public Condition {
            inputs = List.copyOf(inputs);
            transformers = List.copyOf(transformers);
        }

        String transform(String value) {
            String result = value;
            for (Transformer transformer : transformers) {
                result = transformer.apply(result);
            }
            return result;
        }
    }
}
