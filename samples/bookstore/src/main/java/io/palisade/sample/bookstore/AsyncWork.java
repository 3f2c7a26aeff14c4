package io.palisade.sample.bookstore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the sample's asynchronous endpoints run their work: the server's default managed executor
 * ({@code java:comp/DefaultManagedExecutorService}, Jakarta Concurrency) when there is one, otherwise
 * (the embedded runtime) an executor of the sample's own that propagates thread context through the
 * MicroProfile Context Propagation SPI. Both carry
 * the request's context to the worker thread, as real applications rely on.
 */
@ApplicationScoped
public class AsyncWork {

    private static final Logger LOG = Logger.getLogger(AsyncWork.class.getName());

    private ExecutorService executor;
    private boolean own;

    private synchronized ExecutorService executor() {
        if (executor == null) {
            try {
                executor = (ExecutorService) new InitialContext().lookup("java:comp/DefaultManagedExecutorService");
            } catch (NamingException | RuntimeException | LinkageError e) {
                LOG.log(Level.FINE, "no managed executor service; using a context-propagating executor of the sample's own", e);
                executor = EmbeddedExecutor.create();
                own = true;
            }
        }
        return executor;
    }

    /** Runs {@code work} on another thread; a refusal resumes {@code response} with the error. */
    public void run(Runnable work, AsyncResponse response) {
        try {
            executor().submit(work);
        } catch (RejectedExecutionException e) {
            response.resume(e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (own && executor != null) {
            executor.shutdownNow();
        }
    }
}
