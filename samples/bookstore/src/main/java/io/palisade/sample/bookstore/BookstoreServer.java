package io.palisade.sample.bookstore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.concurrent.ExecutorService;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The embedded runtime: Weld SE (which loads Palisade's extension from the agent jar, exactly as a
 * server would) and Jersey on Grizzly, bound to 127.0.0.1 only.
 */
public final class BookstoreServer implements AutoCloseable {

    private final WeldContainer weld;
    private final HttpServer http;
    private final URI uri;

    private BookstoreServer(WeldContainer weld, HttpServer http, URI uri) {
        this.weld = weld;
        this.http = http;
        this.uri = uri;
    }

    /** Starts on {@code port} (0 for any free port). */
    public static BookstoreServer start(int port) {
        WeldContainer weld = new Weld("bookstore-" + System.nanoTime()).initialize();
        HttpServer http = null;
        try {
            // Create and seed the database now, so that a bad SAMPLE_DB or a database that cannot
            // start fails the start, not the first request.
            weld.select(Books.class).get().count("books");
            http = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:" + port + "/"),
                    ResourceConfig.forApplicationClass(BookstoreApplication.class), false);
            int workers = Integer.getInteger("sample.workers", 0);
            if (workers > 0) {
                // Tests that need to know which thread serves a request run with one worker.
                http.getListener("grizzly").getTransport().setWorkerThreadPoolConfig(
                        ThreadPoolConfig.defaultConfig().setCorePoolSize(workers).setMaxPoolSize(workers));
            }
            http.start();
            int bound = http.getListener("grizzly").getPort();
            return new BookstoreServer(weld, http, URI.create("http://127.0.0.1:" + bound + "/"));
        } catch (IOException | SQLException | RuntimeException e) {
            if (http != null) {
                http.shutdownNow();
            }
            weld.shutdown();
            if (e instanceof IOException) {
                throw new UncheckedIOException("could not listen on 127.0.0.1:" + port, (IOException) e);
            }
            if (e instanceof SQLException) {
                throw new IllegalStateException("the sample database is not usable", e);
            }
            throw (RuntimeException) e;
        }
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8080/}. */
    public URI uri() {
        return uri;
    }

    public WeldContainer container() {
        return weld;
    }

    /** The threads that serve requests, to run work where requests ran (tests of what a request leaves behind). */
    public ExecutorService workers() {
        return http.getListener("grizzly").getTransport().getWorkerThreadPool();
    }

    @Override
    public void close() {
        http.shutdownNow();
        if (weld.isRunning()) {
            weld.shutdown();
        }
    }
}
