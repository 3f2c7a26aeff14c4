package io.palisade.core.request;

/**
 * Why the request-phase rules could not look at everything a request carried. Each reason is a bit
 * in {@link RequestRecord#incompleteness()} and a word in the events' {@code inspection_incomplete}
 * list. The SQL check at the JDBC hooks is not affected by any of them.
 */
public enum Incompleteness {
    /** Unbound inputs beyond {@link RequestLimits#maxInputs()} were not recorded. */
    INPUTS_DROPPED("inputs_dropped"),
    /** A value was longer than {@link RequestLimits#maxValueLength()}; rules saw its beginning. */
    VALUE_CUT("value_cut"),
    /** A JSON body was longer than {@link RequestLimits#maxBodyBytes()}, or deeper than its depth bound. */
    BODY_CUT("body_cut"),
    /** {@code palisade.budget} ran out: the remaining rules ran only on the inputs bound to the resource method. */
    BUDGET("budget"),
    /** A rule was skipped because its own circuit breaker is open after repeated faults. */
    RULE_SKIPPED("rule_skipped");

    private final String label;

    Incompleteness(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    int bit() {
        return 1 << ordinal();
    }
}
