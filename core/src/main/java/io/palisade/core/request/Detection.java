package io.palisade.core.request;

import java.time.Instant;
import java.util.Objects;

/**
 * What a protection found in one request: which rule, against which input, at which hook point, and
 * whether the call was blocked. {@code evidence} is the statement or value as seen, cut to a bounded
 * length; it is scrubbed before it leaves the JVM.
 */
public record Detection(String ruleId, String attackType, String hookPoint, RequestInput input, String reason,
        String evidence, boolean blocked, Instant time) {

    public Detection {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(attackType, "attackType");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(time, "time");
    }
}
