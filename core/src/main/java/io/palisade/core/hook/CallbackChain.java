package io.palisade.core.hook;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The immutable, priority-ordered callbacks of one hook point. A chain is never changed after it is
 * published: attaching or detaching builds a new chain and swaps it in, so a call that has read a
 * chain runs it whole.
 *
 * <p>Callbacks fail open: an exception from a prolog or epilog is counted in {@link HookFaults} and
 * the call proceeds as if that callback had answered continue.
 */
public final class CallbackChain {

    private static final Comparator<Callback> ORDER = Comparator.comparingInt(Callback::priority);

    private final Callback[] callbacks;
    private final Callback[] prologs;
    private final Callback[] epilogs;
    private final HookFaults faults;

    private CallbackChain(Callback[] callbacks, HookFaults faults) {
        this.callbacks = callbacks;
        this.prologs = Arrays.stream(callbacks).filter(c -> c.prolog() != null).toArray(Callback[]::new);
        this.epilogs = Arrays.stream(callbacks).filter(c -> c.epilog() != null).toArray(Callback[]::new);
        this.faults = faults;
    }

    /** A chain with {@code added} joined to {@code current} (which may be {@code null}), stably ordered by priority. */
    static CallbackChain plus(CallbackChain current, List<Callback> added, HookFaults faults) {
        List<Callback> all = new ArrayList<>(current == null ? List.of() : Arrays.asList(current.callbacks));
        all.addAll(added);
        all.sort(ORDER);
        return new CallbackChain(all.toArray(Callback[]::new), faults);
    }

    /** {@code current} without the callbacks in {@code removed} (by identity); {@code null} when none remain. */
    static CallbackChain minus(CallbackChain current, List<Callback> removed, HookFaults faults) {
        if (current == null) {
            return null;
        }
        List<Callback> kept = new ArrayList<>(current.callbacks.length);
        for (Callback callback : current.callbacks) {
            if (removed.stream().noneMatch(r -> r == callback)) {
                kept.add(callback);
            }
        }
        if (kept.size() == current.callbacks.length) {
            return current;
        }
        return kept.isEmpty() ? null : new CallbackChain(kept.toArray(Callback[]::new), faults);
    }

    /** The callbacks, in the order they run. */
    public List<Callback> callbacks() {
        return List.of(callbacks);
    }

    public boolean hasEpilogs() {
        return epilogs.length > 0;
    }

    /**
     * Starts a call: runs the prologs in order until one aborts. The returned invocation tells
     * whether the call was aborted and by which callback.
     */
    public Invocation enter(HookPoint hookPoint, Arguments arguments) {
        return enter(hookPoint, arguments, null);
    }

    /** As {@link #enter(HookPoint, Arguments)}, telling callbacks the object the method was called on. */
    public Invocation enter(HookPoint hookPoint, Arguments arguments, Object target) {
        Invocation invocation = new Invocation(hookPoint, arguments, this, target);
        for (Callback callback : prologs) {
            Verdict verdict;
            try {
                verdict = callback.prolog().before(invocation);
            } catch (Throwable t) {
                rethrowIfFatal(t);
                faults.callbackFailed(callback, hookPoint, t);
                continue;
            }
            if (verdict != null && verdict.abort()) {
                invocation.abort(verdict, callback);
                return invocation;
            }
        }
        return invocation;
    }

    /** Ends a call: runs the epilogs with the call's result or failure; nothing when there are none. */
    public void exit(Invocation invocation, Object result, Throwable failure) {
        for (Callback callback : epilogs) {
            try {
                callback.epilog().after(invocation, result, failure);
            } catch (Throwable t) {
                rethrowIfFatal(t);
                faults.callbackFailed(callback, invocation.hookPoint(), t);
            }
        }
    }

    private static void rethrowIfFatal(Throwable t) {
        if (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) {
            throw (VirtualMachineError) t;
        }
    }

    @Override
    public String toString() {
        return Arrays.toString(callbacks);
    }
}
