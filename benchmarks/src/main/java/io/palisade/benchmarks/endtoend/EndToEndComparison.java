package io.palisade.benchmarks.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a protected request costs end to end: the sample twice, in separate JVMs, one protected by
 * Palisade and one with {@code PALISADE_ENABLED=false}, pinned to the same CPU when {@code taskset}
 * is there, driven in turn by the same load from this JVM. For each endpoint it measures, in
 * interleaved pairs, each server JVM's CPU per request (from {@code /proc}), throughput, latency and
 * bytes allocated per request, and reports the protected ÷ unprotected ratio of every pair and their
 * median. Before and after, it checks that the protected server blocks an injection and the other
 * does not, so that a protection that silently failed open cannot look free.
 *
 * <p>Run from the repository root: {@code mvn -Pe2e} (docs/internals/benchmarks.md). System
 * properties: {@code e2e.db} ({@code h2,postgres}), {@code e2e.pairs} (8), {@code e2e.seconds} per
 * measurement (4), {@code e2e.warmup} seconds per server and endpoint (15), {@code e2e.clients} (4),
 * {@code e2e.soak} (minutes: instead of the comparison, {@link AttackSoak} for that long),
 * {@code e2e.endpoints} (names or parts of names, comma-separated; all by default), {@code e2e.root} (the repository), {@code e2e.jvm} (more options for both servers; {@code {name}} stands
 * for the server's name, e.g. {@code -XX:StartFlightRecording=filename=/tmp/{name}.jfr,settings=profile}).
 */
public final class EndToEndComparison {

    private static final String[] BROWSER = {
        "User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Accept", "application/json, text/plain, */*",
        "Accept-Language", "en-GB,en;q=0.5",
        "Accept-Encoding", "gzip, deflate, br",
        "Referer", "http://127.0.0.1:8080/books",
        "Connection", "keep-alive",
    };

    record Endpoint(String name, byte[] request) {
    }

    record Sample(long requests, long cpuNanos, long allocated, long[] latencies, int latencyCount, double seconds) {
        double cpuMicrosPerRequest() {
            return cpuNanos / 1000.0 / requests;
        }

        double allocatedPerRequest() {
            return (double) allocated / requests;
        }

        double throughput() {
            return requests / seconds;
        }

        double percentileMicros(double p) {
            long[] sorted = Arrays.copyOf(latencies, latencyCount);
            Arrays.sort(sorted);
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1000.0;
        }
    }

    private EndToEndComparison() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("e2e.root", ".")).toAbsolutePath().normalize();
        List<String> databases = List.of(System.getProperty("e2e.db", "h2,postgres").split(","));
        int pairs = Integer.getInteger("e2e.pairs", 8);
        int seconds = Integer.getInteger("e2e.seconds", 4);
        int warmup = Integer.getInteger("e2e.warmup", 15);
        int clients = Integer.getInteger("e2e.clients", 4);
        String classpath = classpath(root);
        int processors = Runtime.getRuntime().availableProcessors();
        String cpus = pinning();
        if (cpus != null) {
            // The load (every thread of this JVM) on the other CPUs.
            new ProcessBuilder("taskset", "-a", "-p", "-c", "0-" + (Runtime.getRuntime().availableProcessors() - 2),
                    String.valueOf(ProcessHandle.current().pid())).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        }
        Path logs = root.resolve("benchmarks/target/e2e");
        String soak = System.getProperty("e2e.soak", "").strip();
        if (!soak.isEmpty() && !soak.equals("0")) {
            for (String database : databases) {
                AttackSoak.run(classpath, database, cpus, logs, Double.parseDouble(soak), clients);
            }
            return;
        }
        StringBuilder report = new StringBuilder();
        report.append("End-to-end comparison, ").append(LocalDateTime.now().withNano(0)).append('\n')
                .append("machine: ").append(processors).append(" CPUs, Java ")
                .append(System.getProperty("java.version")).append('\n')
                .append(cpus == null ? "servers NOT pinned (no taskset, or one CPU only)"
                        : "both servers pinned to CPU " + cpus + " with taskset; the load generator to the other CPUs")
                .append('\n').append(String.format(Locale.ROOT, "%d pairs of %d s per endpoint, %d s warm-up, %d clients"
                        + " (closed loop, keep-alive)%n%n", pairs, seconds, warmup, clients));
        Progress.say(report.toString());
        for (String database : databases) {
            try (SampleProcess on = SampleProcess.start("protected-" + database, classpath, database, true, cpus, logs);
                    SampleProcess off = SampleProcess.start("unprotected-" + database, classpath, database, false, cpus, logs)) {
                checkProtection(on, off);
                for (Endpoint endpoint : selected()) {
                    warm(on, endpoint, warmup, clients);
                    warm(off, endpoint, warmup, clients);
                    List<Sample[]> measured = new ArrayList<>();
                    for (int pair = 0; pair < pairs; pair++) {
                        // Alternate which server goes first, so that drift does not favour one.
                        Sample first = measure(pair % 2 == 0 ? on : off, endpoint, seconds, clients);
                        Sample second = measure(pair % 2 == 0 ? off : on, endpoint, seconds, clients);
                        measured.add(pair % 2 == 0 ? new Sample[] {first, second} : new Sample[] {second, first});
                    }
                    String line = summarize(database, endpoint, measured);
                    Progress.say(line);
                    report.append(line);
                }
                checkProtection(on, off);
            }
        }
        Files.createDirectories(logs);
        Files.writeString(logs.resolve("report.txt"), report);
        Progress.say("report: " + logs.resolve("report.txt"));
    }

    /** The endpoints whose names contain one of {@code e2e.endpoints} (comma-separated), or all. */
    static List<Endpoint> selected() {
        String filter = System.getProperty("e2e.endpoints", "").strip();
        if (filter.isEmpty()) {
            return endpoints();
        }
        List<Endpoint> chosen = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (String part : filter.split(",")) {
                if (!part.isBlank() && endpoint.name().contains(part.strip())) {
                    chosen.add(endpoint);
                    break;
                }
            }
        }
        return chosen;
    }

    static List<Endpoint> endpoints() {
        StringBuilder profile = new StringBuilder("{\"username\":\"alice\",\"password\":\"not-the-password\",\"profile\":{");
        for (int i = 0; profile.length() < 4000; i++) {
            profile.append(i == 0 ? "" : ",").append("\"field").append(i).append("\":\"a value of some length, number ")
                    .append(i).append('"');
        }
        String login = profile.append("}}").toString();
        return List.of(
                new Endpoint("search (input in SQL)", RawHttpClient.request("GET", "/api/books/search?q=story", null, null, BROWSER)),
                new Endpoint("safe search (bound)", RawHttpClient.request("GET", "/api/safe/books/search?q=story", null, null,
                        BROWSER)),
                new Endpoint("book by id", RawHttpClient.request("GET", "/api/books/1", null, null, BROWSER)),
                new Endpoint("POST 4 KB JSON", RawHttpClient.request("POST", "/api/login", login, "application/json", BROWSER)));
    }

    private static void checkProtection(SampleProcess on, SampleProcess off) throws IOException {
        byte[] injection = RawHttpClient.request("GET", "/api/books/search?q=x%27%20OR%201%3D1%20OR%20%27a%27%3D%27", null,
                null, BROWSER);
        SampleProcess.Response blocked = on.call(injection);
        SampleProcess.Response leaked = off.call(injection);
        if (blocked.status() != 403 || leaked.status() != 200 || !leaked.body().contains("Dracula")) {
            throw new IllegalStateException("the comparison is meaningless: protected answered " + blocked.status()
                    + ", unprotected " + leaked.status());
        }
    }

    /**
     * Load for at least {@code seconds}, then in 5-second rounds until the JIT settles (its compilation
     * time grows by less than 50 ms a round), for two minutes at most: on one CPU the compilers take a
     * while, and while they work they cost the server more than any request does.
     */
    private static void warm(SampleProcess server, Endpoint endpoint, int seconds, int clients) throws Exception {
        measure(server, endpoint, seconds, clients);
        long deadline = System.nanoTime() + 120_000_000_000L;
        long compiled = server.compilationMillis();
        while (System.nanoTime() < deadline) {
            measure(server, endpoint, 5, clients);
            long now = server.compilationMillis();
            if (now - compiled < 50) {
                return;
            }
            compiled = now;
        }
        Progress.say("  (" + server.name() + ": the JIT was still compiling after the longest warm-up)");
    }

    private static Sample measure(SampleProcess server, Endpoint endpoint, int seconds, int clients) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        CountDownLatch done = new CountDownLatch(clients);
        long[][] latencies = new long[clients][500_000];
        int[] counts = new int[clients];
        long[] requests = new long[clients];
        Exception[] failure = new Exception[1];
        long cpuBefore = server.cpuNanos();
        long allocatedBefore = server.allocatedBytes();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                try (RawHttpClient http = new RawHttpClient(server.port())) {
                    while (running.get()) {
                        long sent = System.nanoTime();
                        int status = http.send(endpoint.request(), null);
                        long took = System.nanoTime() - sent;
                        if (status >= 500) {
                            throw new IOException(endpoint.name() + " answered " + status);
                        }
                        if (counts[client] < latencies[client].length) {
                            latencies[client][counts[client]++] = took;
                        }
                        requests[client]++;
                    }
                } catch (Exception e) {
                    failure[0] = e;
                } finally {
                    done.countDown();
                }
            }, "load-" + c);
            thread.start();
        }
        Thread.sleep(seconds * 1000L);
        running.set(false);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        long cpu = server.cpuNanos() - cpuBefore;
        long allocated = server.allocatedBytes() - allocatedBefore;
        if (failure[0] != null) {
            throw failure[0];
        }
        long total = Arrays.stream(requests).sum();
        int count = Arrays.stream(counts).sum();
        long[] all = new long[count];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        return new Sample(total, cpu, allocated, all, count, elapsed);
    }

    private static String summarize(String database, Endpoint endpoint, List<Sample[]> pairs) {
        double[] ratios = new double[pairs.size()];
        double[] added = new double[pairs.size()];
        double[] onCpu = new double[pairs.size()];
        double[] offCpu = new double[pairs.size()];
        double[] onAlloc = new double[pairs.size()];
        double[] offAlloc = new double[pairs.size()];
        double[] onRate = new double[pairs.size()];
        double[] offRate = new double[pairs.size()];
        double[] onP50 = new double[pairs.size()];
        double[] offP50 = new double[pairs.size()];
        double[] onP99 = new double[pairs.size()];
        double[] offP99 = new double[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            Sample on = pairs.get(i)[0];
            Sample off = pairs.get(i)[1];
            onCpu[i] = on.cpuMicrosPerRequest();
            offCpu[i] = off.cpuMicrosPerRequest();
            ratios[i] = onCpu[i] / offCpu[i];
            added[i] = onCpu[i] - offCpu[i];
            onAlloc[i] = on.allocatedPerRequest();
            offAlloc[i] = off.allocatedPerRequest();
            onRate[i] = on.throughput();
            offRate[i] = off.throughput();
            onP50[i] = on.percentileMicros(0.50);
            offP50[i] = off.percentileMicros(0.50);
            onP99[i] = on.percentileMicros(0.99);
            offP99[i] = off.percentileMicros(0.99);
        }
        StringBuilder line = new StringBuilder();
        line.append(String.format(Locale.ROOT, "%s, %s%n", database, endpoint.name()));
        line.append(String.format(Locale.ROOT, "  CPU per request: protected %.1f us, unprotected %.1f us; added %.1f us (median)%n",
                median(onCpu), median(offCpu), median(added)));
        line.append(String.format(Locale.ROOT, "  ratio protected/unprotected per pair: %s%n", format(ratios)));
        line.append(String.format(Locale.ROOT, "  ratio median %.3f (min %.3f, max %.3f)%n", median(ratios),
                Arrays.stream(ratios).min().orElse(0), Arrays.stream(ratios).max().orElse(0)));
        line.append(String.format(Locale.ROOT, "  throughput: protected %.0f/s, unprotected %.0f/s (medians)%n", median(onRate),
                median(offRate)));
        line.append(String.format(Locale.ROOT, "  latency p50/p99: protected %.0f/%.0f us, unprotected %.0f/%.0f us (medians)%n",
                median(onP50), median(onP99), median(offP50), median(offP99)));
        line.append(String.format(Locale.ROOT, "  allocated per request: protected %.0f B, unprotected %.0f B, added %.0f B%n%n",
                median(onAlloc), median(offAlloc), median(onAlloc) - median(offAlloc)));
        return line.toString();
    }

    private static String format(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(text.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", value));
        }
        return text.toString();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The sample's class path, written by its build (target/runtime.classpath) after its classes. */
    private static String classpath(Path root) throws IOException {
        Path classes = root.resolve("samples/bookstore/target/classes");
        Path dependencies = root.resolve("samples/bookstore/target/runtime.classpath");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(dependencies)) {
            throw new IllegalStateException("build the sample first (mvn -Pe2e does): " + dependencies + " is missing");
        }
        return classes + java.io.File.pathSeparator + Files.readString(dependencies).strip();
    }

    /** The last CPU, when taskset exists and there are at least two: the servers share it, the load gets the rest. */
    private static String pinning() {
        int cpus = Runtime.getRuntime().availableProcessors();
        if (cpus < 2) {
            return null;
        }
        try {
            Process probe = new ProcessBuilder("taskset", "-c", String.valueOf(cpus - 1), "true").redirectErrorStream(true).start();
            return probe.waitFor() == 0 ? String.valueOf(cpus - 1) : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }
}
