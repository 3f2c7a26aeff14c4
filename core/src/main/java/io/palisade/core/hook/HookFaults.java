package io.palisade.core.hook;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Counts Palisade's own faults inside hooked calls and logs them at a bounded rate. A fault never
 * reaches the application: the call proceeds.
 *
 * <p>Log lines name the callback, the hook point and the exception type only: an exception's message
 * may quote request data or SQL, so it is logged at FINE, never above.
 */
public final class HookFaults {

    private static final Logger LOG = Logger.getLogger("io.palisade.core.hook");
    private static final long LOG_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final LongAdder count = new LongAdder();
    private final AtomicLong nextLogAt = new AtomicLong(System.nanoTime());
    private volatile java.util.function.Consumer<HookPoint> listener = hookPoint -> { };

    /** Called after each fault with the hook point it happened at, e.g. by a circuit breaker; must not throw. */
    public void onFault(java.util.function.Consumer<HookPoint> listener) {
        this.listener = listener;
    }

    /** Records that {@code callback} threw at {@code hookPoint}. Never throws. */
    void callbackFailed(Callback callback, HookPoint hookPoint, Throwable failure) {
        count.increment();
        try {
            listener.accept(hookPoint);
        } catch (RuntimeException ignored) {
            // a listener's fault must not turn into the application's
        }
        long now = System.nanoTime();
        long due = nextLogAt.get();
        if (now - due >= 0 && nextLogAt.compareAndSet(due, now + LOG_INTERVAL_NANOS)) {
            LOG.log(Level.WARNING, "PAL1001: callback ''{0}'' failed at hook point {1} with {2}; the call proceeded"
                    + " ({3} Palisade faults so far; further ones are logged at most once a minute)",
                    new Object[] {callback.id(), hookPoint.symbol(), failure.getClass().getName(), count.sum()});
        }
        if (LOG.isLoggable(Level.FINE)) {
            LOG.log(Level.FINE, "PAL1002: callback '" + callback.id() + "' failed at " + hookPoint.symbol(), failure);
        }
    }

    /** How many callback faults happened since start. */
    public long count() {
        return count.sum();
    }
}
