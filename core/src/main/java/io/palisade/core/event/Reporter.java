package io.palisade.core.event;

/**
 * The reporter of one deployment: an {@link EventSink} with a lifecycle. Created at deployment
 * (no thread yet), started when the application starts, closed when it stops.
 *
 * <p>{@link #close()} flushes what it holds within a bounded time, stops every thread it started and
 * is idempotent. Records offered after close are dropped and counted.
 */
public interface Reporter extends EventSink, AutoCloseable {

    /** Starts the reporter's threads. Idempotent; does nothing after {@link #close()}. */
    void start();

    @Override
    void close();
}
