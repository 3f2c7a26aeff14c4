package io.palisade.core.hook;

import java.util.Objects;

/**
 * What a prolog answers: let the call go on, or abort it. The reason is for Palisade's own records
 * (events, logs); it is never shown to the client.
 *
 * @param abort  whether the hooked call must not run
 * @param reason why, for an abort; empty for continue
 */
public record Verdict(boolean abort, String reason) {

    /** Let the call proceed. */
    public static final Verdict CONTINUE = new Verdict(false, "");

    public Verdict {
        Objects.requireNonNull(reason, "reason");
        if (abort && reason.isBlank()) {
            throw new IllegalArgumentException("an abort needs a reason");
        }
    }

    /** Abort the hooked call, for {@code reason}. */
    public static Verdict abort(String reason) {
        return new Verdict(true, reason);
    }
}
