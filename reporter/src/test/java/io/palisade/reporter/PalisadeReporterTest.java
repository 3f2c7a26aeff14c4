package io.palisade.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.palisade.core.config.SettingsReader;
import io.palisade.core.event.AgentDescription;
import io.palisade.core.counters.Counters;
import io.palisade.core.event.SecurityEvent;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reporter against a real HTTP backend on 127.0.0.1, with time scaled down to milliseconds. */
class PalisadeReporterTest {

    private static final String THREAD = "palisade-reporter[test]";
    private static final AgentDescription AGENT = new AgentDescription("test", "1.0", "Test JVM 17",
            List.of(Records.HOOK, "jaxrs:io.palisade.sample.bookstore.BookResource#search(java.lang.String)"));

    private TestBackend backend;
    private Counters counters;
    private PalisadeReporter reporter;

    @BeforeEach
    void startBackend() throws Exception {
        backend = new TestBackend();
        counters = new Counters();
    }

    @AfterEach
    void stop() {
        if (reporter != null) {
            reporter.close();
        }
        backend.close();
    }

    private PalisadeReporter.Builder reporterFor(TestBackend target) {
        HttpBackendExporter exporter = new HttpBackendExporter(target.url(), Optional.of("s3cr3t-backend-token"), AGENT,
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        return PalisadeReporter.builder(counters, exporter, new Scrubber(SettingsReader.DEFAULT_SCRUB_KEY_PATTERN,
                SettingsReader.DEFAULT_SCRUB_VALUE_PATTERN)).threadName(THREAD);
    }

    @Test
    void anAttackReachesTheBackendAsOneEventWithinOneInterval() {
        reporter = reporterFor(backend).interval(Duration.ofMillis(200)).build();
        reporter.start();
        counters.requestSeen();
        counters.attack("sqli-structure", true);
        assertThat(reporter.offer(Records.sqlInjection("r-1", "x' UNION SELECT username FROM users --"))).isTrue();

        await().atMost(Duration.ofSeconds(5)).until(() -> backend.events().size() == 1);
        JsonObject event = backend.events().get(0);
        assertThat(event.getString("type")).isEqualTo("attack");
        assertThat(event.getString("request_id")).isEqualTo("r-1");
        assertThat(event.getString("rule_id")).isEqualTo("sqli-structure");
        assertThat(event.getString("attack_type")).isEqualTo("sql_injection");
        assertThat(event.getString("hook_point")).isEqualTo(Records.HOOK);
        assertThat(event.getBoolean("blocked")).isTrue();
        assertThat(event.getString("client_ip")).isEqualTo("203.0.113.9");
        assertThat(event.getString("method")).isEqualTo("GET");
        assertThat(event.getString("path")).isEqualTo("/api/books/search");
        assertThat(event.getString("time")).isNotBlank();
        assertThat(event.getJsonObject("input").getString("source")).isEqualTo("query");
        assertThat(event.getJsonObject("input").getString("name")).isEqualTo("q");
        assertThat(event.getJsonObject("input").getString("value")).isEqualTo("x' UNION SELECT username FROM users --");
        assertThat(event.getString("statement")).contains("LIKE '%x' UNION SELECT username");

        // Logged in once with the hook table, then the batch; every call with the bearer token.
        assertThat(backend.logins).hasSize(1);
        JsonObject login = TestBackend.parse(backend.logins.get(0));
        assertThat(login.getString("application")).isEqualTo("test");
        assertThat(login.getJsonArray("hook_points").getString(0)).isEqualTo(Records.HOOK);
        assertThat(backend.authorizations).allMatch("Bearer s3cr3t-backend-token"::equals);
        JsonObject batch = TestBackend.parse(backend.acceptedBatches.get(0));
        assertThat(batch.getString("agent_id")).isEqualTo("agent-7");
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.counterTotals().getOrDefault("requests", 0L) == 1L);
        assertThat(backend.counterTotals()).containsEntry("attacks.sqli-structure.block", 1L);
    }

    @Test
    void aBatchLeavesAsSoonAsItIsFull() {
        reporter = reporterFor(backend).interval(Duration.ofHours(1)).batchSize(5).build();
        reporter.start();
        for (int i = 0; i < 5; i++) {
            reporter.offer(Records.sqlInjection("r-" + i, "1 OR 1=1"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.events().size() == 5);
    }

    @Test
    void aBatchTheBackendCallsInvalidIsDroppedAndCountedAndDeliveryGoesOn() {
        backend.behave(TestBackend.Behaviour.REJECT_400);
        reporter = reporterFor(backend).interval(Duration.ofMillis(50)).backoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .build();
        reporter.start();
        for (int i = 0; i < 3; i++) {
            counters.requestSeen();
            reporter.offer(Records.sqlInjection("rejected-" + i, "' OR 'a'='a"));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> counters.snapshot().get("batches_rejected") >= 1
                && reporter.buffered() == 0 && reporter.queued() == 0);
        assertThat(counters.snapshot().get("events_rejected")).isEqualTo(3L);
        // Not retried forever: the backend is up, so the next batches go out as soon as it takes them.
        backend.behave(TestBackend.Behaviour.ACCEPT);
        counters.requestSeen();
        reporter.offer(Records.sqlInjection("accepted-1", "' OR 'a'='a"));
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.events().size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.counterTotals().getOrDefault("requests", 0L) == 4L);
        // The rejected batches' counters arrived with the accepted one; their events did not.
        Map<String, Long> delivered = backend.counterTotals();
        assertThat(delivered.get("requests")).isEqualTo(4L);
        assertThat(delivered.get("events_rejected")).isEqualTo(3L);
        assertThat(delivered.get("batches_rejected")).isPositive();
        assertThat(backend.events()).allSatisfy(event -> assertThat(event.toString()).doesNotContain("rejected-"));
    }

    @Test
    void aBatchWhoseAcknowledgementIsLostIsSentAgainAsItselfSoABackendCanStoreItOnce() {
        backend.behave(TestBackend.Behaviour.STORE_THEN_500);
        reporter = reporterFor(backend).interval(Duration.ofMillis(50)).backoff(Duration.ofMillis(200), Duration.ofMillis(400))
                .build();
        reporter.start();
        counters.requestSeen();
        reporter.offer(Records.sqlInjection("first", "' OR 'a'='a"));
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.acceptedBatches.size() >= 1);
        // Meanwhile more happens; it must not join the batch being retried.
        counters.requestSeen();
        reporter.offer(Records.sqlInjection("second", "' OR 'a'='a"));
        backend.behave(TestBackend.Behaviour.ACCEPT);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.events().stream()
                .anyMatch(event -> event.toString().contains("second")));
        List<JsonObject> batches = backend.acceptedBatches.stream().map(TestBackend::parse).toList();
        JsonObject first = batches.get(0);
        List<JsonObject> retries = batches.stream().filter(b -> b.getString("batch_id").equals(first.getString("batch_id")))
                .toList();
        assertThat(retries).hasSizeGreaterThanOrEqualTo(2);
        for (JsonObject retry : retries) {
            assertThat(retry.getJsonArray("events")).isEqualTo(first.getJsonArray("events"));
            assertThat(retry.getJsonObject("counters")).isEqualTo(first.getJsonObject("counters"));
            assertThat(retry.getJsonNumber("sequence").longValue()).isGreaterThanOrEqualTo(first.getJsonNumber("sequence").longValue());
        }
        // What a backend that stores each batch id once ends up with: every event and every count once.
        Map<String, JsonObject> once = new java.util.LinkedHashMap<>();
        batches.forEach(b -> once.putIfAbsent(b.getString("batch_id"), b));
        assertThat(once.values().stream().mapToInt(b -> b.getJsonArray("events").size()).sum()).isEqualTo(2);
        assertThat(once.values().stream().mapToLong(b -> b.getJsonObject("counters").getJsonNumber("requests") == null ? 0
                : b.getJsonObject("counters").getJsonNumber("requests").longValue()).sum()).isEqualTo(2);
    }

    @Test
    void theHandOffQueueIsBoundedInBytesAsWellAsInEvents() {
        // Not started: nothing drains the queue, so what it holds is what offer() let in.
        reporter = reporterFor(backend).queueCapacity(10_000).queueBytes(256 * 1024).build();
        String large = "' OR 'a'='a -- " + "x".repeat(4000); // about 8 KB a value, twice in the event
        long size = Records.sqlInjection("probe", large).estimatedBytes();
        assertThat(size).isGreaterThan(16_000);
        int accepted = 0;
        for (int i = 0; i < 200; i++) {
            accepted += reporter.offer(Records.sqlInjection("big-" + i, large)) ? 1 : 0;
        }
        assertThat(accepted).as("events of %d bytes in 256 KiB", size).isEqualTo((int) (256 * 1024 / size));
        assertThat(counters.queueDrops()).isEqualTo(200 - accepted);
        assertThat(reporter.queued()).isEqualTo(accepted);
        // Once drained, the room is there again.
        reporter.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> reporter.queued() == 0);
        assertThat(reporter.offer(Records.sqlInjection("after", large))).isTrue();
    }

    @Test
    void aLongOutageLosesNoCountsAndCountsEveryDroppedEventExactly() {
        backend.behave(TestBackend.Behaviour.FAIL_500);
        // A cap of 20 KiB holds only some of the events sent during the outage.
        reporter = reporterFor(backend).interval(Duration.ofMillis(50)).backoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .bufferBytes(20 * 1024).queueCapacity(64).build();
        reporter.start();
        int offered = 0;
        int accepted = 0;
        for (int round = 0; round < 40; round++) {
            for (int i = 0; i < 10; i++) {
                counters.requestSeen();
                offered++;
                accepted += reporter.offer(Records.sqlInjection("r-" + offered, "' OR 'a'='a")) ? 1 : 0;
            }
            final int failuresBefore = (int) counters.exportFailures();
            await().atMost(Duration.ofSeconds(5)).until(() -> counters.exportFailures() > failuresBefore);
        }
        assertThat(backend.acceptedBatches).isEmpty();
        assertThat(reporter.bufferedBytes()).isLessThanOrEqualTo(20 * 1024);

        backend.behave(TestBackend.Behaviour.ACCEPT);
        final int total = offered;
        await().atMost(Duration.ofSeconds(10)).until(() -> backend.counterTotals().getOrDefault("requests", 0L) == total
                && reporter.buffered() == 0 && reporter.queued() == 0);
        Map<String, Long> delivered = backend.counterTotals();
        assertThat(delivered.get("requests")).isEqualTo(offered);
        long bufferDrops = counters.bufferDrops();
        long queueDrops = counters.queueDrops();
        assertThat(bufferDrops).isPositive();
        assertThat(queueDrops).isEqualTo(offered - accepted);
        // Every event was delivered or counted as dropped, once.
        assertThat(backend.events().size() + bufferDrops).isEqualTo(accepted);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.counterTotals().getOrDefault("buffer_drops", 0L) == bufferDrops);
        assertThat(backend.counterTotals().get("export_failures")).isEqualTo(counters.exportFailures()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void aHangingBackendNeverBlocksCallersAndBacksOffExponentially() throws Exception {
        backend.behave(TestBackend.Behaviour.HANG);
        reporter = reporterFor(backend).interval(Duration.ofMillis(20)).exportTimeout(Duration.ofMillis(100))
                .backoff(Duration.ofMillis(50), Duration.ofMillis(800)).build();
        reporter.start();
        // While every export hangs, 8 threads keep offering: each offer returns at once.
        int threads = 8;
        CountDownLatch done = new CountDownLatch(threads);
        AtomicInteger offers = new AtomicInteger();
        for (int t = 0; t < threads; t++) {
            Thread producer = new Thread(() -> {
                for (int i = 0; i < 2_000; i++) {
                    reporter.offer(Records.sqlInjection("h-" + i, "1; DROP TABLE books"));
                    offers.incrementAndGet();
                }
                done.countDown();
            });
            producer.start();
        }
        assertThat(done.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(offers.get()).isEqualTo(16_000);

        await().atMost(Duration.ofSeconds(20)).until(() -> counters.exportFailures() >= 5);
        // The gaps between attempts grow: the backoff doubles up to its cap.
        List<Long> attempts = new ArrayList<>(backend.attemptNanos);
        long firstGap = attempts.get(2) - attempts.get(1);
        long laterGap = attempts.get(attempts.size() - 1) - attempts.get(attempts.size() - 2);
        assertThat(laterGap).isGreaterThan(firstGap);

        backend.behave(TestBackend.Behaviour.ACCEPT);
        await().atMost(Duration.ofSeconds(20)).until(() -> !backend.acceptedBatches.isEmpty());
    }

    @Test
    void garbageLoginAnswersAreFailuresAndTheReporterRecovers() {
        backend.behave(TestBackend.Behaviour.GARBAGE);
        reporter = reporterFor(backend).interval(Duration.ofMillis(30)).backoff(Duration.ofMillis(10), Duration.ofMillis(40)).build();
        reporter.start();
        reporter.offer(Records.sqlInjection("g-1", "admin'--"));
        await().atMost(Duration.ofSeconds(5)).until(() -> counters.exportFailures() >= 3);
        assertThat(backend.logins).isEmpty();
        backend.behave(TestBackend.Behaviour.ACCEPT);
        await().atMost(Duration.ofSeconds(5)).until(() -> backend.events().size() == 1);
        assertThat(backend.logins).hasSize(1);
    }

    @Test
    void aQueueFilledByEightThreadsNeverBlocksAndCountsEveryDrop() throws Exception {
        // Not started: nothing drains, so exactly the capacity is accepted.
        reporter = reporterFor(backend).queueCapacity(1_000).build();
        SecurityEvent record = Records.sqlInjection("q-1", "' OR 1=1 --");
        AtomicLong accepted = new AtomicLong();
        CountDownLatch done = new CountDownLatch(8);
        for (int t = 0; t < 8; t++) {
            new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    if (reporter.offer(record)) {
                        accepted.incrementAndGet();
                    }
                }
                done.countDown();
            }).start();
        }
        assertThat(done.await(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(accepted.get()).isEqualTo(1_000);
        assertThat(counters.queueDrops()).isEqualTo(79_000);
    }

    @Test
    void closeFlushesOnceAndLeavesNoThreadBehind() {
        reporter = reporterFor(backend).interval(Duration.ofHours(1)).build();
        reporter.start();
        reporter.offer(Records.sqlInjection("c-1", "1 UNION SELECT 1"));
        await().atMost(Duration.ofSeconds(5)).until(() -> reporterThreads() > 0);
        reporter.close();
        reporter.close();
        assertThat(backend.events()).hasSize(1);
        assertThat(reporterThreads()).isZero();
        assertThat(reporter.offer(Records.sqlInjection("c-2", "1 UNION SELECT 2"))).isFalse();
    }

    @Test
    void closeIsBoundedWhenTheBackendHangs() {
        backend.behave(TestBackend.Behaviour.HANG);
        reporter = reporterFor(backend).interval(Duration.ofHours(1)).closeTimeout(Duration.ofMillis(500)).build();
        reporter.start();
        reporter.offer(Records.sqlInjection("c-1", "1 UNION SELECT 1"));
        long start = System.nanoTime();
        reporter.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
        assertThat(reporterThreads()).isZero();
    }

    @Test
    void theShutdownTimeoutKeyBoundsTheFinalFlushOfTheReporterPalisadeCreates() {
        backend.behave(TestBackend.Behaviour.HANG);
        io.palisade.core.config.Settings settings = io.palisade.core.config.SettingsReader.read(Map.of(
                "palisade.backend.url", backend.url().toString(), "palisade.reporter.interval", "1h",
                "palisade.reporter.shutdown-timeout", "300ms")::get);
        io.palisade.core.counters.Counters palisadeCounters = new io.palisade.core.counters.Counters();
        io.palisade.core.event.Reporter created = new DefaultReporterFactory().create(settings, palisadeCounters,
                new io.palisade.core.event.AgentDescription("app", "test", "test", List.of()),
                new io.palisade.core.rules.RuleEngine(settings, null, new io.palisade.core.request.RequestContext(),
                        palisadeCounters));
        created.start();
        palisadeCounters.requestSeen(); // something to flush, to a backend that never answers
        long start = System.nanoTime();
        created.close();
        // The default (5 s) would hold the application's shutdown that long.
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2))
                .isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }

    private static long reporterThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(THREAD) && t.isAlive()).count();
    }
}
