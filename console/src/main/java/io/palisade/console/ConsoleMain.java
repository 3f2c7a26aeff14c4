package io.palisade.console;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * Starts the console ({@code mvn -Pconsole}) and runs until Ctrl-C. Settings come from the
 * environment: {@code docs/reference/console.md}.
 */
public final class ConsoleMain {

    private static final Logger LOG = Logger.getLogger(ConsoleMain.class.getName());

    private ConsoleMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConsoleConfig config;
        try {
            config = ConsoleConfig.from(System.getenv());
        } catch (IllegalArgumentException e) {
            LOG.severe("the console cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        ConsoleServer server = ConsoleServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "console-shutdown"));
        // The generated password goes to the terminal once, never to the logger: a log is kept and shipped,
        // and no secret may be in it.
        server.console().generatedAdminPassword().ifPresent(password -> System.out.println(
                "The console's admin password, generated at this first start (shown once; set CONSOLE_ADMIN_PASSWORD to choose"
                        + " one): " + password));
        LOG.info("Palisade console on " + server.uri() + " (log in as admin). Stop with Ctrl-C.");
        stopped.await();
    }
}
