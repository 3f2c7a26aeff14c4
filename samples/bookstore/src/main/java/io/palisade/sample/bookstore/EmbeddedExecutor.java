package io.palisade.sample.bookstore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.context.spi.ThreadContextController;
import org.eclipse.microprofile.context.spi.ThreadContextProvider;
import org.eclipse.microprofile.context.spi.ThreadContextSnapshot;

/**
 * The embedded runtime's executor: four threads that carry every thread context a
 * {@link ThreadContextProvider} on the class path offers (MicroProfile Context Propagation's SPI, the
 * way a ManagedExecutor implementation uses it), as a server's managed executor does.
 */
final class EmbeddedExecutor extends AbstractExecutorService {

    private final ExecutorService threads = Executors.newFixedThreadPool(4, work -> {
        Thread thread = new Thread(work, "bookstore-async");
        thread.setDaemon(true);
        return thread;
    });
    private final List<ThreadContextProvider> providers = new ArrayList<>();

    private EmbeddedExecutor() {
        ServiceLoader.load(ThreadContextProvider.class, EmbeddedExecutor.class.getClassLoader()).forEach(providers::add);
    }

    static ExecutorService create() {
        return new EmbeddedExecutor();
    }

    @Override
    public void execute(Runnable command) {
        List<ThreadContextSnapshot> captured = new ArrayList<>(providers.size());
        for (ThreadContextProvider provider : providers) {
            captured.add(provider.currentContext(Map.of()));
        }
        threads.execute(() -> {
            List<ThreadContextController> begun = new ArrayList<>(captured.size());
            try {
                for (ThreadContextSnapshot snapshot : captured) {
                    begun.add(snapshot.begin());
                }
                command.run();
            } finally {
                for (int i = begun.size() - 1; i >= 0; i--) {
                    begun.get(i).endContext();
                }
            }
        });
    }

    @Override
    public void shutdown() {
        threads.shutdown();
    }

    @Override
    public List<Runnable> shutdownNow() {
        return threads.shutdownNow();
    }

    @Override
    public boolean isShutdown() {
        return threads.isShutdown();
    }

    @Override
    public boolean isTerminated() {
        return threads.isTerminated();
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        return threads.awaitTermination(timeout, unit);
    }
}
