package io.palisade.reporter;

import java.io.IOException;

/**
 * Delivers batches somewhere. Called on the reporter's exporter thread, one call at a time; a call may
 * block, within the exporter's own timeouts.
 */
public interface Exporter {

    /**
     * Delivers {@code batch}; returns normally only when it was accepted.
     *
     * @throws IOException when it was not: the batch is kept and sent again after a backoff
     */
    void export(Batch batch) throws IOException;

    /** Unblocks an {@link #export} that overran the reporter's timeout. Called from another thread. */
    default void abort() {
    }
}
