package io.palisade.benchmarks;

import io.palisade.core.counters.Counters;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The counter updates a request thread makes: every request counts itself and its protection time;
 * a request with a detection counts the rule too. One thread, and two contending for the same
 * counters (this machine has two cores).
 *
 * Run: {@code java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar CountersBenchmark -prof gc}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djmh.ignoreLock=true")
public class CountersBenchmark {

    private final Counters counters = new Counters();

    @Benchmark
    public void everyRequest() {
        counters.requestSeen();
        counters.protectionTime(12_000);
    }

    @Benchmark
    public void attackByRule() {
        counters.attack("xss-request", true);
    }

    @Benchmark
    @Threads(2)
    public void everyRequestTwoThreads() {
        counters.requestSeen();
        counters.protectionTime(12_000);
    }
}
