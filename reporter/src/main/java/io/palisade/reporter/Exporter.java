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

    /**
     * A rule pack from the destination, when it has a newer one than the last this method returned;
     * {@code null} otherwise. Called on the exporter thread.
     *
     * @throws IOException when the destination cannot be asked
     */
    default String fetchRules() throws IOException {
        return null;
    }

    /** Unblocks an {@link #export} that overran the reporter's timeout. Called from another thread. */
    default void abort() {
    }

    /** Aborts what is in progress and refuses further calls; for shutdown. Called from another thread. */
    default void close() {
        abort();
    }
}
