package io.palisade.jaxrs.context;

import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestRecord;

/**
 * The request record captured where work was handed to an executor, to be made current on the
 * thread that runs it and put back afterwards. Immutable; {@link #NONE} when nothing was current.
 */
final class RecordSnapshot {

    static final RecordSnapshot NONE = new RecordSnapshot(null, null);

    private final RequestContext context;
    private final RequestRecord record;

    private RecordSnapshot(RequestContext context, RequestRecord record) {
        this.context = context;
        this.record = record;
    }

    /** What is current on this thread now. */
    static RecordSnapshot capture() {
        RequestContext context = RequestContext.capturing();
        RequestRecord record = context == null ? null : context.current();
        return record == null ? NONE : new RecordSnapshot(context, record);
    }

    /** Makes the record current on this thread; the returned action puts back what was there. */
    Runnable begin() {
        if (context == null) {
            return () -> { };
        }
        RequestRecord previous = context.attach(record);
        return () -> context.restore(previous);
    }
}
