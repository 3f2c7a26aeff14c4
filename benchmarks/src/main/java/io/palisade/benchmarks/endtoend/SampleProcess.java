package io.palisade.benchmarks.endtoend;

import com.sun.tools.attach.VirtualMachine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The sample, started in a JVM of its own ({@code io.palisade.sample.bookstore.Main}), optionally
 * pinned to a CPU set with {@code taskset}; its CPU time read from {@code /proc/<pid>/stat}, and the
 * bytes its threads allocated read through the JVM's own management interface (attached locally,
 * no port).
 */
final class SampleProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;
    private final JMXConnector jmx;
    private final com.sun.management.ThreadMXBean threads;
    private final java.lang.management.CompilationMXBean compilation;

    private SampleProcess(String name, Process process, int port, JMXConnector jmx, com.sun.management.ThreadMXBean threads,
            java.lang.management.CompilationMXBean compilation) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.jmx = jmx;
        this.threads = threads;
        this.compilation = compilation;
    }

    /**
     * @param cpus a {@code taskset} CPU list, or {@code null} not to pin
     * @param protectedByPalisade {@code false} starts it with {@code PALISADE_ENABLED=false}
     */
    static SampleProcess start(String name, String classpath, String database, boolean protectedByPalisade, String cpus,
            Path logs) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        if (cpus != null) {
            command.add("taskset");
            command.add("-c");
            command.add(cpus);
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms512m");
        command.add("-Xmx512m");
        command.add("-Dsample.db=" + database);
        // e2e.jvm: more options for both servers, "{name}" standing for the server's name (e.g. a JFR file).
        String extra = System.getProperty("e2e.jvm", "").strip();
        if (!extra.isEmpty()) {
            for (String option : extra.split("\\s+")) {
                command.add(option.replace("{name}", name));
            }
        }
        command.add("-cp");
        command.add(classpath);
        command.add("io.palisade.sample.bookstore.Main");
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("PALISADE_ENABLED", String.valueOf(protectedByPalisade));
        Process process = builder.start();
        waitUntilServing(process, port, logs.resolve(name + ".log"));
        VirtualMachine vm = VirtualMachine.attach(String.valueOf(process.pid()));
        String address = vm.startLocalManagementAgent();
        vm.detach();
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        MBeanServerConnection server = connector.getMBeanServerConnection();
        com.sun.management.ThreadMXBean threads = ManagementFactory.newPlatformMXBeanProxy(server,
                ManagementFactory.THREAD_MXBEAN_NAME, com.sun.management.ThreadMXBean.class);
        java.lang.management.CompilationMXBean compilation = ManagementFactory.newPlatformMXBeanProxy(server,
                ManagementFactory.COMPILATION_MXBEAN_NAME, java.lang.management.CompilationMXBean.class);
        return new SampleProcess(name, process, port, connector, threads, compilation);
    }

    private static void waitUntilServing(Process process, int port, Path log) throws Exception {
        byte[] stats = RawHttpClient.request("GET", "/api/books/stats", null, null);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the sample ended at start; see " + log);
            }
            try (RawHttpClient client = new RawHttpClient(port)) {
                if (client.send(stats, null) == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the sample did not answer within 2 minutes; see " + log);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    int port() {
        return port;
    }

    /** CPU time the whole JVM has used so far, in nanoseconds (user and system, 10 ms resolution). */
    long cpuNanos() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    /** Milliseconds the JIT compilers have spent so far: while it grows, the server is not warm. */
    long compilationMillis() {
        return compilation.getTotalCompilationTime();
    }

    /** Bytes allocated so far by the JVM's live threads. */
    long allocatedBytes() {
        long[] ids = threads.getAllThreadIds();
        long total = 0;
        for (long allocated : threads.getThreadAllocatedBytes(ids)) {
            total += Math.max(0, allocated);
        }
        return total;
    }

    /** One request's status and body, for checks. */
    Response call(byte[] request) throws IOException {
        try (RawHttpClient client = new RawHttpClient(port)) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int status = client.send(request, body);
            return new Response(status, body.toString(StandardCharsets.UTF_8));
        }
    }

    record Response(int status, String body) {
    }

    @Override
    public void close() {
        try {
            jmx.close();
        } catch (IOException ignored) {
            // the process goes anyway
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
