package io.palisade.core.request;

/**
 * Makes the current request's record reachable from code that runs on the request thread, such as
 * a JDBC hook. One instance per deployment, so nothing is shared between applications.
 */
public final class RequestContext {

    private final ThreadLocal<RequestRecord> current = new ThreadLocal<>();

    /** Makes {@code record} current on this thread, replacing any stale one. */
    public void begin(RequestRecord record) {
        current.set(record);
    }

    /** The current request's record, or {@code null} outside a request or after it ended. */
    public RequestRecord current() {
        RequestRecord record = current.get();
        return record == null || record.closed() ? null : record;
    }

    /** Ends {@code record} and forgets it on this thread. */
    public void end(RequestRecord record) {
        record.close();
        if (current.get() == record) {
            current.remove();
        }
    }
}
