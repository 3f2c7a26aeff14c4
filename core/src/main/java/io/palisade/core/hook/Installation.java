package io.palisade.core.hook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A handle on callbacks attached to a {@link HookTable}: one callback at one hook point, or a whole
 * {@link CallbackSet}. Detaching is atomic per hook point and idempotent.
 */
public final class Installation {

    private final HookTable table;
    private final Map<HookPoint, List<Callback>> callbacks;
    private final AtomicBoolean detached = new AtomicBoolean();

    Installation(HookTable table, Map<HookPoint, List<Callback>> callbacks) {
        this.table = table;
        this.callbacks = callbacks;
    }

    /** What this installation attached, by hook point. */
    public Map<HookPoint, List<Callback>> callbacks() {
        return callbacks;
    }

    HookTable table() {
        return table;
    }

    public boolean isDetached() {
        return detached.get();
    }

    /** Removes this installation's callbacks from their hook points; later calls do not run them. */
    public void detach() {
        if (detached.compareAndSet(false, true)) {
            table.remove(callbacks);
        }
    }
}
