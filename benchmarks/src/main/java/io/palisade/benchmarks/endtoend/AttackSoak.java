package io.palisade.benchmarks.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Palisade keeps and allocates under attack: the protected sample alone, driven for a while by a
 * mix of blocked attacks and clean requests, then the heap held by Palisade's own classes (a class
 * histogram after a full collection, {@code jcmd <pid> GC.class_histogram}) and the bytes allocated
 * per request. Run: {@code mvn -Pe2e -De2e.soak=10} (minutes; docs/internals/benchmarks.md).
 */
final class AttackSoak {

    private static final String[] BROWSER = {"User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Accept", "application/json", "Connection", "keep-alive"};

    private AttackSoak() {
    }

    static void run(String classpath, String database, String cpus, Path logs, double minutes, int clients) throws Exception {
        List<byte[]> attacks = List.of(
                RawHttpClient.request("GET", "/api/books/search?q=x%27%20OR%201%3D1%20OR%20%27a%27%3D%27", null, null, BROWSER),
                RawHttpClient.request("GET", "/api/books/1%20OR%201%3D1", null, null, BROWSER),
                RawHttpClient.request("GET", "/api/books/search?q=%3Cscript%3Ealert(1)%3C/script%3E", null, null, BROWSER),
                RawHttpClient.request("GET", "/api/books/search?q=..%2F..%2Fetc%2Fpasswd", null, null, BROWSER),
                RawHttpClient.request("POST", "/api/login", "{\"username\":\"alice' --\",\"password\":\"x\"}",
                        "application/json", BROWSER),
                RawHttpClient.request("GET", "/api/books/search?q=Emma", null, null, "User-Agent", "sqlmap/1.8",
                        "Connection", "keep-alive"));
        List<byte[]> clean = List.of(
                RawHttpClient.request("GET", "/api/books/search?q=story", null, null, BROWSER),
                RawHttpClient.request("GET", "/api/books/1", null, null, BROWSER),
                RawHttpClient.request("GET", "/api/safe/books/search?q=O%27Brien", null, null, BROWSER));
        try (SampleProcess server = SampleProcess.start("soak-" + database, classpath, database, true, cpus, logs)) {
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong blocked = new AtomicLong();
            AtomicLong passed = new AtomicLong();
            AtomicLong unexpected = new AtomicLong();
            long allocatedBefore = server.allocatedBytes();
            Thread[] threads = new Thread[clients];
            for (int c = 0; c < clients; c++) {
                int offset = c;
                threads[c] = new Thread(() -> {
                    try (RawHttpClient http = new RawHttpClient(server.port())) {
                        for (long i = offset; running.get(); i++) {
                            // Every other request an attack, the rest clean.
                            boolean attack = i % 2 == 0;
                            byte[] request = attack ? attacks.get((int) (i / 2 % attacks.size()))
                                    : clean.get((int) (i / 2 % clean.size()));
                            int status = http.send(request, null);
                            if (attack && status == 403) {
                                blocked.incrementAndGet();
                            } else if (!attack && status == 200) {
                                passed.incrementAndGet();
                            } else {
                                unexpected.incrementAndGet();
                            }
                        }
                    } catch (IOException e) {
                        unexpected.incrementAndGet();
                    }
                }, "soak-" + c);
                threads[c].start();
            }
            Thread.sleep(Duration.ofSeconds(Math.round(minutes * 60)).toMillis());
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            long allocated = server.allocatedBytes() - allocatedBefore;
            String histogram = jcmd(server.pid(), "GC.class_histogram");
            long palisadeBytes = 0;
            long palisadeInstances = 0;
            StringBuilder top = new StringBuilder();
            int shown = 0;
            for (String line : histogram.split("\n")) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length >= 4 && parts[3].startsWith("io.palisade.") && !parts[3].startsWith("io.palisade.sample.")) {
                    long instances = Long.parseLong(parts[1]);
                    long bytes = Long.parseLong(parts[2]);
                    palisadeInstances += instances;
                    palisadeBytes += bytes;
                    if (shown++ < 10) {
                        top.append(String.format(Locale.ROOT, "    %,12d B %,9d  %s%n", bytes, instances, parts[3]));
                    }
                }
            }
            long requests = blocked.get() + passed.get() + unexpected.get();
            String report = String.format(Locale.ROOT, "Attack soak, %s, %s, %.1f min, %d clients%n"
                    + "  requests: %,d (attacks blocked %,d, clean answered %,d, other %,d)%n"
                    + "  allocated per request (all, server JVM): %,.0f B%n"
                    + "  heap held by io.palisade classes after a full GC: %,d B in %,d objects (the shaded libraries"
                    + " included)%n  largest:%n%s", LocalDateTime.now().withNano(0), database, minutes, clients, requests,
                    blocked.get(), passed.get(), unexpected.get(), (double) allocated / requests, palisadeBytes,
                    palisadeInstances, top);
            Progress.say(report.toString());
            Files.writeString(logs.resolve("soak-" + database + ".txt"), report);
        }
    }

    /** Output of {@code jcmd <pid> <command>}; a class histogram forces a full collection first. */
    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        process.waitFor();
        return output;
    }
}
