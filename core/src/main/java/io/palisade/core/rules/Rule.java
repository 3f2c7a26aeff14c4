package io.palisade.core.rules;

import io.palisade.core.detect.Operator;
import io.palisade.core.detect.Transformer;

import io.palisade.core.config.Confidence;
import io.palisade.core.config.Mode;
import java.util.List;

/**
 * One compiled rule of a pack. A request-phase rule fires when every condition matches at least one
 * of the values it selects; a {@code jdbc} rule switches a built-in protection on at the JDBC hook
 * points.
 *
 * @param mode the rule's own mode, or {@code null} for {@code palisade.mode}
 * @param critical whether it still runs once the request's time budget is spent
 * @param confidence how sure it is; without a mode of its own, a {@code HEURISTIC} rule blocks only with
 *                   {@code palisade.rules.block=all}
 */
public record Rule(String id, String name, String attackType, Target target, Mode mode, int priority, boolean critical,
        List<Condition> conditions, Confidence confidence, List<Exclusion> exclusions) {

    /** Where a rule runs: on the request's inputs, at the JDBC (and JPA) hook points, or on an HTML response. */
    public enum Target { REQUEST, JDBC, RESPONSE }

    public Rule {
        conditions = List.copyOf(conditions);
        java.util.Objects.requireNonNull(confidence, "confidence");
        exclusions = List.copyOf(exclusions);
    }

    public Rule(String id, String name, String attackType, Target target, Mode mode, int priority, boolean critical,
            List<Condition> conditions, Confidence confidence) {
        this(id, name, attackType, target, mode, priority, critical, conditions, confidence, List.of());
    }

    /** A high-confidence rule (what a pack's rule is unless it says otherwise). */
    public Rule(String id, String name, String attackType, Target target, Mode mode, int priority, boolean critical,
            List<Condition> conditions) {
        this(id, name, attackType, target, mode, priority, critical, conditions, Confidence.HIGH);
    }

    /** This rule with its own mode (a pack's {@code modes} for a rule of its base). */
    Rule withMode(Mode newMode) {
        return new Rule(id, name, attackType, target, newMode, priority, critical, conditions, confidence, exclusions);
    }

    /** This rule with {@code list} as its exclusions (a pack's, for the rule set it goes into). */
    Rule withExclusions(List<Exclusion> list) {
        return new Rule(id, name, attackType, target, mode, priority, critical, conditions, confidence, list);
    }

    /**
     * One test: the values it selects, transformed in order, then the operator. Immutable; what it
     * derives from its parts (the sources it looks at) is computed once.
     */
    public static final class Condition {

        private final List<InputSelector> inputs;
        private final List<Transformer> transformers;
        private final Operator operator;
        /** One bit per {@code InputSource} some selector looks at. */
        private final int sourceMask;
        /** One bit per {@code InputSource} a selector takes whole ({@code query}, {@code header}): no name to compare. */
        private final int wholeSourceMask;
        /** The selectors of one input by name ({@code header:Referer}), the only ones that need comparing. */
        private final InputSelector[] named;

        public Condition(List<InputSelector> inputs, List<Transformer> transformers, Operator operator) {
            this.inputs = List.copyOf(inputs);
            this.transformers = List.copyOf(transformers);
            this.operator = java.util.Objects.requireNonNull(operator, "operator");
            int mask = 0;
            int whole = 0;
            List<InputSelector> byName = new java.util.ArrayList<>();
            for (InputSelector selector : this.inputs) {
                if (selector.kind() == InputSelector.Kind.INPUT) {
                    mask |= 1 << selector.source().ordinal();
                    if (selector.name() == null) {
                        whole |= 1 << selector.source().ordinal();
                    } else {
                        byName.add(selector);
                    }
                }
            }
            this.sourceMask = mask;
            this.wholeSourceMask = whole;
            this.named = byName.toArray(new InputSelector[0]);
        }

        /**
         * Whether this condition looks at {@code input}: a bit test for a source taken whole, a name
         * comparison only against the selectors that name one input.
         */
        boolean selects(io.palisade.core.request.RequestInput input) {
            int bit = 1 << input.source().ordinal();
            if ((sourceMask & bit) == 0) {
                return false;
            }
            if ((wholeSourceMask & bit) != 0) {
                return true;
            }
            for (InputSelector selector : named) {
                if (selector.selects(input)) {
                    return true;
                }
            }
            return false;
        }

        public List<InputSelector> inputs() {
            return inputs;
        }

        public List<Transformer> transformers() {
            return transformers;
        }

        public Operator operator() {
            return operator;
        }

        /** Whether some selector of this condition looks at inputs from {@code source}: one bit test. */
        boolean looksAt(io.palisade.core.request.InputSource source) {
            return (sourceMask & 1 << source.ordinal()) != 0;
        }

        @Override
        public String toString() {
            return "Condition[inputs=" + inputs + ", transformers=" + transformers + ", operator=" + operator.name() + "]";
        }

        /** Whether the operator sees the value as it is (no transformer). */
        boolean untransformed() {
            return transformers.isEmpty();
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
