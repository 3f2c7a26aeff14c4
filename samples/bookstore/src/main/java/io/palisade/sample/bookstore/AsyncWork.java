package io.palisade.sample.bookstore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ContextServiceDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Where the sample's asynchronous endpoints run their work: a managed executor the application
 * defines (Jakarta Concurrency 3, {@code java:app/concurrent/BookstoreExecutor}, whose context service
 * propagates every context type, the default of {@code ContextServiceDefinition}), else the server's
 * default one ({@code java:comp/DefaultManagedExecutorService}), otherwise
 * (the embedded runtime) an executor of the sample's own that propagates thread context through the
 * MicroProfile Context Propagation SPI. Both carry
 * the request's context to the worker thread, as real applications rely on.
 */
@ContextServiceDefinition(name = AsyncWork.CONTEXT)
@ManagedExecutorDefinition(name = AsyncWork.EXECUTOR, context = AsyncWork.CONTEXT, maxAsync = 4)
@ApplicationScoped
public class AsyncWork {

    static final String CONTEXT = "java:app/concurrent/BookstoreContext";
    static final String EXECUTOR = "java:app/concurrent/BookstoreExecutor";

    private static final Logger LOG = Logger.getLogger(AsyncWork.class.getName());

    private ExecutorService executor;
    private boolean own;

    private synchronized ExecutorService executor() {
        if (executor == null) {
            try {
                executor = lookup(EXECUTOR, "java:comp/DefaultManagedExecutorService");
            } catch (NamingException | RuntimeException | LinkageError e) {
                LOG.log(Level.FINE, "no managed executor service; using a context-propagating executor of the sample's own", e);
                own = true;
                try {
                    executor = EmbeddedExecutor.create();
                } catch (LinkageError noContextPropagationApi) {
                    executor = java.util.concurrent.Executors.newFixedThreadPool(2);
                }
            }
        }
        return executor;
    }

    private static ExecutorService lookup(String... names) throws NamingException {
        NamingException last = null;
        for (String name : names) {
            try {
                return (ExecutorService) new InitialContext().lookup(name);
            } catch (NamingException e) {
                last = e;
            }
        }
        throw last;
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
