package io.palisade.core.hook;

/**
 * One call of a hooked method, as callbacks see it: the hook point and a read-only view of the
 * arguments. Created only when a callback is attached; confined to the calling thread.
 */
public final class Invocation {

    private final HookPoint hookPoint;
    private final Arguments arguments;
    private final CallbackChain chain;
    private final Object target;
    private Verdict verdict = Verdict.CONTINUE;
    private Callback abortedBy;

    Invocation(HookPoint hookPoint, Arguments arguments, CallbackChain chain, Object target) {
        this.hookPoint = hookPoint;
        this.arguments = arguments;
        this.chain = chain;
        this.target = target;
    }

    /**
     * The object the hooked method was called on, as the hook site chose to expose it (for JDBC the
     * Palisade delegate, which tells the SQL dialect), or {@code null}.
     */
    public Object target() {
        return target;
    }

    public HookPoint hookPoint() {
        return hookPoint;
    }

    public Arguments arguments() {
        return arguments;
    }

    /** {@link Verdict#CONTINUE} unless a prolog aborted the call. */
    public Verdict verdict() {
        return verdict;
    }

    public boolean aborted() {
        return verdict.abort();
    }

    /** The callback whose prolog aborted the call, or {@code null}. */
    public Callback abortedBy() {
        return abortedBy;
    }

    void abort(Verdict verdict, Callback callback) {
        this.verdict = verdict;
        this.abortedBy = callback;
    }

    /** The chain this call runs, read once when the call began: a swap during the call does not change it. */
    public CallbackChain chain() {
        return chain;
    }
}
