package io.palisade.benchmarks;

import io.palisade.jaxrs.FilterHarness;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What Palisade's servlet filter ({@code BlockedRequestServletFilter}, reached through the jaxrs-filter
 * test jar's {@link FilterHarness}) adds to every request on a servlet container when
 * nothing goes wrong: wrapping the response, a try block and one request-attribute lookup (the
 * record, absent for a request Palisade did not open). The request is otherwise never read and the
 * response never touched on that path (stand-ins that would throw if they were); the chain only
 * keeps the response it is handed.
 *
 * Run: {@code java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar ServletFilterBenchmark -prof gc}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djmh.ignoreLock=true")
public class ServletFilterBenchmark {

    private final Filter filter = FilterHarness.servletFilter();
    /** The chain keeps what it was handed, as a real one does, so the wrapper cannot be optimised away. */
    private Object handedOn;
    private final FilterChain chain = (request, response) -> handedOn = response;
    private ServletRequest request;
    private HttpServletResponse response;

    @Setup
    public void setUp() {
        ClassLoader loader = getClass().getClassLoader();
        // The clean path asks the request for one attribute (the record, absent here); nothing else.
        request = (ServletRequest) Proxy.newProxyInstance(loader, new Class<?>[] {ServletRequest.class}, (p, m, a) -> {
            if (m.getName().equals("getAttribute")) {
                return null;
            }
            throw new AssertionError("the request is not read on the clean path: " + m.getName());
        });
        response = (HttpServletResponse) Proxy.newProxyInstance(loader, new Class<?>[] {HttpServletResponse.class},
                (p, m, a) -> {
                    throw new AssertionError("the response is not used on the clean path: " + m.getName());
                });
    }

    @Benchmark
    public void cleanRequest() throws Exception {
        filter.doFilter(request, response, chain);
    }

    @Benchmark
    public void chainOnly() throws Exception {
        chain.doFilter(request, response);
    }
}
