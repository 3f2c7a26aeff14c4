package io.palisade.core.hook;

import io.palisade.core.log.CoreMessages;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts Palisade's own faults inside hooked calls and logs them at a bounded rate. A fault never
 * reaches the application: the call proceeds.
 *
 * <p>Log lines name the callback, the hook point and the exception type only: an exception's message
 * may quote request data or SQL, so it is logged at FINE, never above.
 */
public final class HookFaults {

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
            CoreMessages.CALLBACK_FAILED.log(callback.id(), hookPoint.symbol(), failure.getClass().getName(), count.sum());
        }
        CoreMessages.CALLBACK_FAILED_TRACE.log(failure, callback.id(), hookPoint.symbol());
    }

    /** How many callback faults happened since start. */
    public long count() {
        return count.sum();
    }
}
