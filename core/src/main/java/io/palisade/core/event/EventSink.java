package io.palisade.core.event;

/**
 * Where the event of a finished request that holds detections goes. Implemented by the reporter;
 * called on request threads.
 *
 * <p>Contract: {@link #offer} never blocks, never throws and never does I/O. When the sink is full
 * the event is dropped and the drop is counted by the sink.
 */
@FunctionalInterface
public interface EventSink {

    /** A sink that keeps nothing: for deployments without a reporter. */
    EventSink DISCARD = event -> false;

    /** @return whether the event was accepted; {@code false} means it was dropped (and counted) */
    boolean offer(SecurityEvent event);
}
