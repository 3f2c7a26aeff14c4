package io.palisade.console;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sample bookstore, protected by the real agent jar, in a JVM of its own (the class path its build
 * wrote; the sample is built before this module), reporting to a console.
 */
final class SampleProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+/)");

    final Process process;
    final URI uri;
    /** What the sample wrote, line by line, as it goes. */
    final List<String> log;

    private SampleProcess(Process process, URI uri, List<String> log) {
        this.process = process;
        this.uri = uri;
        this.log = log;
    }

    static Path root() {
        return Path.of(System.getProperty("palisade.root", ".."));
    }

    /** Starts the sample reporting to {@code console} with {@code token}, and waits until it listens. */
    static SampleProcess start(URI console, String token, Map<String, String> env) throws Exception {
        Path classes = root().resolve("samples/bookstore/target/classes");
        Path dependencies = root().resolve("samples/bookstore/target/runtime.classpath");
        if (!Files.isRegularFile(dependencies)) {
            throw new IllegalStateException("the sample is built before the console (mvn verify from the root does): "
                    + dependencies + " is missing");
        }
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classes + File.pathSeparator + Files.readString(dependencies).strip(), "io.palisade.sample.bookstore.Main")
                .redirectErrorStream(true);
        builder.environment().put("PORT", "0");
        builder.environment().put("PALISADE_BACKEND_URL", console.toString());
        builder.environment().put("PALISADE_BACKEND_TOKEN", token);
        builder.environment().put("PALISADE_REPORTER_INTERVAL", "200ms");
        builder.environment().put("PALISADE_RULES_REFRESH", "1s");
        builder.environment().putAll(env);
        Process process = builder.start();
        List<String> log = new CopyOnWriteArrayList<>();
        CompletableFuture<URI> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    log.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        listening.complete(URI.create(m.group(1)));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("the sample ended: " + String.join("\n", log)));
        }, "sample-log");
        reader.setDaemon(true);
        reader.start();
        try {
            return new SampleProcess(process, listening.get(90, TimeUnit.SECONDS), log);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
