package io.palisade.core.event;

import io.palisade.core.request.RequestRecord;

/**
 * Where a finished request's record goes when it holds something to report. Implemented by the
 * reporter; called on request threads.
 *
 * <p>Contract: {@link #offer} never blocks, never throws and never does I/O. When the sink is full
 * the record is dropped and the drop is counted by the sink.
 */
@FunctionalInterface
public interface EventSink {

    /** A sink that keeps nothing: for deployments without a reporter. */
    EventSink DISCARD = record -> false;

    /** @return whether the record was accepted; {@code false} means it was dropped (and counted) */
    boolean offer(RequestRecord record);
}
