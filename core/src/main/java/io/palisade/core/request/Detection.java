package io.palisade.core.request;

import java.time.Instant;
import java.util.Objects;

/**
 * What a protection found in one request: which rule, against which input, at which hook point, and
 * whether the call was blocked. {@code evidence} is the statement or value as seen, cut to a bounded
 * length; it is scrubbed before it leaves the JVM.
 *
 * @param confidence the rule's confidence as events carry it: {@code high} or {@code heuristic}
 */
public record Detection(String ruleId, String attackType, String hookPoint, RequestInput input, String reason,
        String evidence, boolean blocked, Instant time, String confidence) {

    public static final String HIGH = "high";

    public Detection {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(attackType, "attackType");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(confidence, "confidence");
    }

    /** A detection by a high-confidence protection (IP lists, the SQL check, an unfinished inspection). */
    public Detection(String ruleId, String attackType, String hookPoint, RequestInput input, String reason,
            String evidence, boolean blocked, Instant time) {
        this(ruleId, attackType, hookPoint, input, reason, evidence, blocked, time, HIGH);
    }

    /** This detection with {@code input} in place of its own. */
    public Detection withInput(RequestInput kept) {
        return new Detection(ruleId, attackType, hookPoint, kept, reason, evidence, blocked, time, confidence);
    }
}
