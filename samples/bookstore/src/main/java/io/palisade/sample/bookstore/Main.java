package io.palisade.sample.bookstore;

import java.util.concurrent.CountDownLatch;

/**
 * Starts the bookstore protected by Palisade on 127.0.0.1 ({@code PORT}, default 8080) and runs
 * until Ctrl-C. Palisade reads its {@code palisade.*} keys from the environment as well, e.g.
 * {@code PALISADE_ENABLED=false} runs the bookstore unprotected.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = port(System.getenv("PORT"));
        BookstoreServer server = BookstoreServer.start(port);
        CountDownLatch stopped = new CountDownLatch(1);
        // The demo's own clean stop on Ctrl-C; the agent itself never registers shutdown hooks.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "bookstore-shutdown"));
        String mode = "false".equalsIgnoreCase(System.getenv("PALISADE_ENABLED")) ? "UNPROTECTED (PALISADE_ENABLED=false)"
                : "protected by Palisade";
        System.out.println("Bookstore " + mode + ", listening on " + server.uri());
        System.out.println("  try: curl '" + server.uri() + "api/books/search?q=Emma'");
        System.out.println("Stop with Ctrl-C.");
        stopped.await();
    }

    private static int port(String value) {
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
        System.err.println("PORT must be a number from 0 to 65535, not '" + value + "'");
        System.exit(2);
        return -1;
    }
}
