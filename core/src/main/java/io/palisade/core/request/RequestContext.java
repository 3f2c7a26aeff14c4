package io.palisade.core.request;

/**
 * Makes the current request's record reachable from code that serves the request but has no request
 * object at hand, such as a JDBC hook or an exception mapper. (The JAX-RS and servlet layers also keep
 * the record on the request itself, which follows it across threads; both are set in one place there,
 * {@code io.palisade.jaxrs.Records}.) A thread-local on the request thread, carried to the other threads
 * that serve the same request (asynchronous resources, container-managed executors) by
 * {@link #attach}/{@link #restore}. One instance per deployment, so nothing is shared between
 * applications.
 */
public final class RequestContext {

    /**
     * The contexts of the deployments running in this class loader, for the thread-context providers
     * that containers instantiate through {@code ServiceLoader} and so cannot be handed one. A
     * deployment's context is here between {@link #activate()} and {@link #deactivate()}; each
     * application has its own copy of the agent's classes, so applications never see each other's.
     */
    private static final java.util.Set<RequestContext> ACTIVE = new java.util.concurrent.CopyOnWriteArraySet<>();

    private final ThreadLocal<RequestRecord> current = new ThreadLocal<>();

    /** Makes this deployment's context reachable to thread-context propagation (when the application starts). */
    public void activate() {
        ACTIVE.add(this);
    }

    /** The opposite of {@link #activate()}, when the application stops. */
    public void deactivate() {
        ACTIVE.remove(this);
    }

    /** The context with a current record on this thread, or {@code null}: what propagation captures. */
    public static RequestContext capturing() {
        for (RequestContext context : ACTIVE) {
            if (context.current() != null) {
                return context;
            }
        }
        return null;
    }

    /** Makes {@code record} current on this thread, replacing any stale one. */
    public void begin(RequestRecord record) {
        current.set(record);
    }

    /** The current request's record, or {@code null} outside a request or after it ended. */
    public RequestRecord current() {
        RequestRecord record = current.get();
        return record == null || record.closed() ? null : record;
    }

    /**
     * Makes {@code record} current on this thread for a piece of work done on the request's behalf
     * elsewhere (an executor's thread), and returns what was current before, for {@link #restore}.
     */
    public RequestRecord attach(RequestRecord record) {
        RequestRecord previous = current.get();
        if (record == null || record.closed()) {
            current.remove();
        } else {
            current.set(record);
        }
        return previous;
    }

    /** Puts back what {@link #attach} replaced. */
    public void restore(RequestRecord previous) {
        if (previous == null) {
            current.remove();
        } else {
            current.set(previous);
        }
    }

    /**
     * Ends {@code record} and forgets it on this thread.
     *
     * @return whether this call ended it (only the first does)
     */
    public boolean end(RequestRecord record) {
        boolean ended = record.close();
        if (current.get() == record) {
            current.remove();
        }
        return ended;
    }

    /** Forgets {@code record} on this thread if it is current here, without ending it (it goes on elsewhere). */
    public void forget(RequestRecord record) {
        if (current.get() == record) {
            current.remove();
        }
    }
}
