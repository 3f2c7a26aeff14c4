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
            for (int i = 0; i < transformers.size(); i++) {
                result = transformers.get(i).apply(result);
            }
            return result;
        }

        /**
         * Whether the operator may match {@code value} (its first {@code limit} characters) once
         * transformed: {@code false} when the value lacks a character every match needs and no
         * transformer could make it (an escape the transformers decode is in the value). Never wrong
         * when it says no; cheap either way.
         */
        boolean mayMatch(String value, int limit) {
            String required = operator.required();
            if (required.isEmpty()) {
                return true;
            }
            for (int i = 0; i < transformers.size(); i++) {
                String introducers = transformers.get(i).introducers();
                if (introducers == null) {
                    return true;
                }
                for (int k = 0; k < introducers.length(); k++) {
                    int at = value.indexOf(introducers.charAt(k));
                    if (at >= 0 && at < limit) {
                        return true;
                    }
                }
            }
            for (int k = 0; k < required.length(); k++) {
                int at = value.indexOf(required.charAt(k));
                if (at < 0 || at >= limit) {
                    return false;
                }
            }
            return true;
        }
    }
}
