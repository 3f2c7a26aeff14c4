package io.palisade.jaxrs.context;

import java.util.Map;
import org.eclipse.microprofile.context.spi.ThreadContextController;
import org.eclipse.microprofile.context.spi.ThreadContextProvider;
import org.eclipse.microprofile.context.spi.ThreadContextSnapshot;

/**
 * MicroProfile Context Propagation thread context: a {@code ManagedExecutor} or {@code ThreadContext}
 * carries the request record of the thread that handed the work over. Found through
 * {@code META-INF/services/org.eclipse.microprofile.context.spi.ThreadContextProvider} in the agent jar.
 */
public final class MicroProfileContextProvider implements ThreadContextProvider {

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
        return ConcurrencyContextProvider.TYPE;
    }

    private static ThreadContextSnapshot snapshot(RecordSnapshot captured) {
        return () -> {
            Runnable restore = captured.begin();
            return (ThreadContextController) restore::run;
        };
    }
}
