package io.palisade.core.rules;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Self-protection: after {@code threshold} of Palisade's own faults (exceptions in its code, never
 * input size or time, which a request controls) within one {@code window}, the breaker opens and what
 * faulted is switched off (the application keeps running, which is better than breaking it); after a
 * backoff it closes again. Each trip doubles the backoff, up to {@code maxBackoff}; a quiet window
 * resets it. The listener logs and counts.
 *
 * <p>Thread-safe and cheap when closed: {@link #allows()} is one volatile read.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long windowNanos;
    private final long baseBackoffNanos;
    private final long maxBackoffNanos;
    private final Listener listener;

    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private final AtomicInteger inWindow = new AtomicInteger();
    private final AtomicInteger trips = new AtomicInteger();
    /** 0 when closed; otherwise when the breaker may close again (nanoTime, never 0 when open). */
    private volatile long openUntil;

    /** What happens on a trip and on a reset; both run on the thread that caused them and must not throw. */
    public interface Listener {
        void opened(int trip, Duration backoff);

        void closed();
    }

    public CircuitBreaker(int threshold, Duration window, Duration baseBackoff, Duration maxBackoff, Listener listener) {
        this.threshold = threshold;
        this.windowNanos = window.toNanos();
        this.baseBackoffNanos = baseBackoff.toNanos();
        this.maxBackoffNanos = maxBackoff.toNanos();
        this.listener = listener;
    }

    /** Whether protections may run now. Closes the breaker once its backoff is over. */
    public boolean allows() {
        long until = openUntil;
        if (until == 0) {
            return true;
        }
        if (System.nanoTime() - until < 0) {
            return false;
        }
        synchronized (this) {
            if (openUntil == 0) {
                return true;
            }
            openUntil = 0;
            windowStart.set(System.nanoTime());
            inWindow.set(0);
        }
        listener.closed();
        return true;
    }

    /** One of Palisade's own faults. */
    public void record() {
        if (openUntil != 0) {
            return;
        }
        long now = System.nanoTime();
        long start = windowStart.get();
        if (now - start > windowNanos && windowStart.compareAndSet(start, now)) {
            inWindow.set(0);
            if (trips.get() > 0 && now - start > 2 * windowNanos) {
                trips.set(0); // a quiet stretch forgives earlier trips
            }
        }
        if (inWindow.incrementAndGet() >= threshold) {
            trip(now);
        }
    }

    private void trip(long now) {
        long backoff;
        int trip;
        synchronized (this) {
            if (openUntil != 0) {
                return;
            }
            trip = trips.incrementAndGet();
            backoff = baseBackoffNanos;
            for (int i = 1; i < trip && backoff < maxBackoffNanos; i++) {
                backoff = Math.min(maxBackoffNanos, backoff * 2);
            }
            long until = now + backoff;
            openUntil = until == 0 ? 1 : until;
        }
        listener.opened(trip, Duration.ofNanos(backoff));
    }

    public boolean isOpen() {
        return openUntil != 0;
    }
}
