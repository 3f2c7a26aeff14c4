package io.palisade.reporter;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: after the n-th failure in a row, a delay drawn uniformly
 * between half and all of {@code min(cap, base * 2^(n-1))}. Not thread-safe (the worker's).
 */
final class Backoff {

    private final long baseMillis;
    private final long capMillis;
    private int failures;

    Backoff(Duration base, Duration cap) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= cap, got base " + base + ", cap " + cap);
        }
        this.baseMillis = base.toMillis();
        this.capMillis = cap.toMillis();
    }

    /** Records a failure; returns how long to wait before the next attempt. */
    Duration failed() {
        failures = Math.min(failures + 1, 1_000);
        long ceiling = baseMillis;
        for (int i = 1; i < failures && ceiling < capMillis; i++) {
            ceiling = Math.min(capMillis, ceiling * 2);
        }
        long low = Math.max(1, ceiling / 2);
        return Duration.ofMillis(low + ThreadLocalRandom.current().nextLong(ceiling - low + 1));
    }

    void succeeded() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
