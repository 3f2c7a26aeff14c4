package io.palisade.console.demo;

import io.palisade.console.ConsoleConfig;
import io.palisade.console.ConsoleServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * {@code mvn -Pdemo}: the whole product on this machine. Starts the console ({@code CONSOLE_PORT}, 8081),
 * provisions an agent token for the sample, and starts the sample bookstore protected by the agent in a
 * JVM of its own ({@code PORT}, 8080), reporting to the console every second and asking it for rules
 * every five. Every other {@code PALISADE_*} and {@code SAMPLE_*} variable reaches the sample as given.
 * Ctrl-C stops both.
 */
public final class DemoMain {

    private static final Logger LOG = Logger.getLogger(DemoMain.class.getName());

    private DemoMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.putIfAbsent("CONSOLE_PORT", "8081");
        ConsoleConfig config;
        try {
            config = ConsoleConfig.from(env);
        } catch (IllegalArgumentException e) {
            LOG.severe("the console cannot start: " + e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("palisade.root", "."));
        Path classes = root.resolve("samples/bookstore/target/classes");
        Path dependencies = root.resolve("samples/bookstore/target/runtime.classpath");
        if (!Files.isRegularFile(dependencies)) {
            LOG.severe("the sample is not built: " + dependencies + " is missing (run mvn -Pdemo from the repository root)");
            System.exit(2);
            return;
        }
        ConsoleServer console = ConsoleServer.start(config);
        String token = console.console().provision("bookstore");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classes + File.pathSeparator + Files.readString(dependencies).strip(), "io.palisade.sample.bookstore.Main")
                .inheritIO();
        Map<String, String> sampleEnv = builder.environment();
        sampleEnv.putIfAbsent("PORT", "8080");
        sampleEnv.put("PALISADE_BACKEND_URL", console.uri().toString());
        sampleEnv.put("PALISADE_BACKEND_TOKEN", token);
        sampleEnv.putIfAbsent("PALISADE_REPORTER_INTERVAL", "1s");
        sampleEnv.putIfAbsent("PALISADE_RULES_REFRESH", "5s");
        // The console's own settings are not the sample's business.
        sampleEnv.keySet().removeIf(name -> name.startsWith("CONSOLE_"));
        Process sample;
        try {
            sample = builder.start();
        } catch (IOException e) {
            console.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sample.destroy();
            try {
                if (!sample.waitFor(20, TimeUnit.SECONDS)) {
                    sample.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            console.close();
        }, "demo-shutdown"));
        // The generated password goes to the terminal once, never to the logger: a log is kept and shipped,
        // and no secret may be in it.
        console.console().generatedAdminPassword().ifPresent(password -> System.out.println(
                "The console's admin password (generated; set CONSOLE_ADMIN_PASSWORD to choose one): " + password));
        LOG.info("Palisade console on " + console.uri() + " (log in as admin); the sample reports to it as application"
                + " 'bookstore'. Stop both with Ctrl-C.");
        int exit = sample.waitFor();
        LOG.info("the sample stopped (exit " + exit + ")");
        System.exit(exit);
    }
}
