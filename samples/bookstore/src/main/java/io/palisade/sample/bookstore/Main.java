package io.palisade.sample.bookstore;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * Starts the bookstore protected by Palisade on 127.0.0.1 ({@code PORT}, default 8080) and runs
 * until Ctrl-C. Palisade reads its {@code palisade.*} keys from the environment as well, e.g.
 * {@code PALISADE_ENABLED=false} runs the bookstore unprotected.
 */
public final class Main {

    private static final Logger LOG = Logger.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        Integer port = port(System.getenv("PORT"));
        if (port == null) {
            LOG.severe("PORT must be a number from 0 to 65535, not '" + System.getenv("PORT") + "'");
            System.exit(2);
        }
        BookstoreServer server = BookstoreServer.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        // The demo's own clean stop on Ctrl-C; the agent itself never registers shutdown hooks.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "bookstore-shutdown"));
        String mode = "false".equalsIgnoreCase(System.getenv("PALISADE_ENABLED")) ? "UNPROTECTED (PALISADE_ENABLED=false)"
                : "protected by Palisade";
        LOG.info("Bookstore " + mode + ", listening on " + server.uri() + System.lineSeparator()
                + "  try: curl '" + server.uri() + "api/books/search?q=Emma'" + System.lineSeparator()
                + "Stop with Ctrl-C.");
        stopped.await();
    }

    /** The port to listen on, or {@code null} when {@code value} is not one. */
    private static Integer port(String value) {
        if (value == null || value.isBlank()) {
            return 8080;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        return null;
    }
}
