package io.palisade.benchmarks;

import io.palisade.core.config.SettingsReader;
import io.palisade.core.counters.Counters;
import io.palisade.core.event.SecurityEvent;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.reporter.LogExporter;
import io.palisade.reporter.PalisadeReporter;
import io.palisade.reporter.Scrubber;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The request thread's side of reporting: {@code offer} of a finished record to the reporter (target
 * ≤ 50 ns, no lock, no allocation), when the queue has room and when it is full (a counted drop).
 * The reporter is not started, so nothing drains: each invocation gets a fresh one and offers
 * {@value #OFFERS} records into it.
 *
 * Run: {@code java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar ReporterHandOffBenchmark}
 * (add {@code -prof gc} to see the allocation rate per offer).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 20, batchSize = 1)
@Measurement(iterations = 40, batchSize = 1)
@Fork(value = 2, jvmArgsAppend = "-Djmh.ignoreLock=true")
public class ReporterHandOffBenchmark {

    static final int OFFERS = 100_000;

    private final SecurityEvent record = SecurityEvent.of(new RequestRecord("r-1", "GET", "/api/books/search", null,
            RequestLimits.DEFAULT));
    private final Scrubber scrubber = new Scrubber(SettingsReader.DEFAULT_SCRUB_KEY_PATTERN,
            SettingsReader.DEFAULT_SCRUB_VALUE_PATTERN);
    private PalisadeReporter withRoom;
    private PalisadeReporter full;

    @Setup(Level.Invocation)
    public void freshReporters() {
        withRoom = PalisadeReporter.builder(new Counters(), new LogExporter(), scrubber).queueCapacity(OFFERS).build();
        full = PalisadeReporter.builder(new Counters(), new LogExporter(), scrubber).queueCapacity(2).build();
        full.offer(record);
        full.offer(record);
    }

    @Benchmark
    @OperationsPerInvocation(OFFERS)
    public int offerWithRoom() {
        int accepted = 0;
        for (int i = 0; i < OFFERS; i++) {
            accepted += withRoom.offer(record) ? 1 : 0;
        }
        return accepted;
    }

    @Benchmark
    @OperationsPerInvocation(OFFERS)
    public int offerWhenFull() {
        int accepted = 0;
        for (int i = 0; i < OFFERS; i++) {
            accepted += full.offer(record) ? 1 : 0;
        }
        return accepted;
    }
}
