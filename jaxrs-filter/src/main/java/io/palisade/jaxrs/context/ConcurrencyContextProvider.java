package io.palisade.jaxrs.context;

import jakarta.enterprise.concurrent.spi.ThreadContextProvider;
import jakarta.enterprise.concurrent.spi.ThreadContextRestorer;
import jakarta.enterprise.concurrent.spi.ThreadContextSnapshot;
import java.util.Map;

/**
 * Jakarta Concurrency 3 (EE 10) thread context: a managed executor, context service or
 * {@code @Asynchronous} method carries the request record of the thread that handed the work over, so
 * that SQL run on the executor's thread is checked against the request's inputs. Found by the server
 * through {@code META-INF/services/jakarta.enterprise.concurrent.spi.ThreadContextProvider} in the agent
 * jar; whether a server's default executor propagates third-party context depends on the server
 * (docs/reference/request-record.md).
 */
public final class ConcurrencyContextProvider implements ThreadContextProvider {

    /** The context type's name, for {@code @ContextServiceDefinition(propagated = ...)}. */
    public static final String TYPE = "Palisade";

    @Override
    public ThreadContextSnapshot currentContext(Map<String, String> properties) {
        return snapshot(RecordSnapshot.capture());
    }

    @Override
    public ThreadContextSnapshot clearedContext(Map<String, String> properties) {
        return snapshot(RecordSnapshot.NONE);
    }

    @Override
    public String getThreadContextType() {
        return TYPE;
    }

    private static ThreadContextSnapshot snapshot(RecordSnapshot captured) {
        return () -> {
            Runnable restore = captured.begin();
            return (ThreadContextRestorer) restore::run;
        };
    }
}
