package io.palisade.reporter;

import java.io.IOException;

/**
 * The backend said the batch itself is bad (400, 413 or 422): sending it again cannot succeed. The
 * reporter drops its events (counted as {@code batches_rejected} and {@code events_rejected}) instead of
 * retrying it forever, which would stop all delivery behind it; its counters go out with the next batch.
 */
public final class BatchRejectedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    public BatchRejectedException(int status) {
        super("the backend rejected the batch as invalid (" + status + ")");
        this.status = status;
    }

    public int status() {
        return status;
    }
}
