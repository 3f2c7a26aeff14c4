package io.palisade.benchmarks;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.config.Settings;
import io.palisade.core.event.EventSink;
import io.palisade.jaxrs.FilterHarness;
import io.palisade.jaxrs.testing.TestRequest;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.util.Map;
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
 * Everything Palisade does for one request that passes, with the built-in rule pack: the
 * pre-matching filter (record, client address, inputs from query, headers and cookies, a JSON
 * body), the per-resource filter (path parameters, every request rule over every input) and the
 * response filter (record closed, counters). The filters are the real ones; the JAX-RS runtime
 * around them is the jaxrs-filter test jar's {@link TestRequest}, reached through its
 * {@link FilterHarness} (test-support API).
 *
 * <ul>
 *   <li>{@code cleanGet}: a browser's GET with 2 query parameters, 9 headers and a cookie (target
 *       ≤ 25 µs p50, ≤ 150 µs p99).</li>
 *   <li>{@code json4k}: a POST with a 4 KB JSON body of about 90 leaves.</li>
 * </ul>
 *
 * Sample mode, so JMH prints percentiles. Run:
 * {@code java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar RequestFilterBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 2, jvmArgsAppend = "-Djmh.ignoreLock=true")
public class RequestFilterBenchmark {

    private FilterHarness search;
    private FilterHarness orders;

    /** Stand-ins for the matched resource methods: what they receive is what is bound. */
    public static final class Resources {
        public Object search(@jakarta.ws.rs.QueryParam("q") String q, @jakarta.ws.rs.QueryParam("page") String page) {
            return q + page;
        }

        public Object order(String body) {
            return body;
        }
    }
    private TestRequest cleanGet;
    private TestRequest json4k;
    private TestRequest padded;

    @Setup
    public void setUp() {
        PalisadeRuntime runtime = FilterHarness.runtime(Settings.defaults(), EventSink.DISCARD);
        try {
            search = new FilterHarness(runtime, "jaxrs:io.palisade.sample.bookstore.BookResource#search(java.lang.String)",
                    Resources.class, Resources.class.getMethod("search", String.class, String.class));
            orders = new FilterHarness(runtime, "jaxrs:com.example.Orders#order(java.lang.String)", Resources.class,
                    Resources.class.getMethod("order", String.class));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }

        MultivaluedMap<String, String> browser = TestRequest.map(
                "Host", "127.0.0.1:8080",
                "User-Agent", "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
                "Accept-Language", "en-GB,en;q=0.5",
                "Accept-Encoding", "gzip, deflate, br",
                "Referer", "http://127.0.0.1:8080/books?page=1",
                "Connection", "keep-alive",
                "Cookie", "session=s-alice-7f3a9c21d0",
                "Upgrade-Insecure-Requests", "1");
        Map<String, Cookie> cookies = Map.of("session", new Cookie("session", "s-alice-7f3a9c21d0"));
        cleanGet = new TestRequest("GET", "api/books/search", TestRequest.map("q", "Pride and Prejudice", "page", "2"),
                TestRequest.map(), browser, cookies, null, null);

        StringBuilder json = new StringBuilder("{\"order\":{\"id\":\"A-1029\",\"customer\":{\"name\":\"Anne O'Neil\","
                + "\"email\":\"anne.oneil@example.com\"},\"lines\":[");
        for (int i = 0; json.length() < 4000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"isbn\":\"978-0-14-143951-").append(i % 10)
                    .append("\",\"title\":\"Pride and Prejudice, vol. ").append(i).append("\",\"qty\":").append(i % 3 + 1)
                    .append(",\"note\":\"gift wrap; no price tag\"}");
        }
        json.append("]}}");
        MultivaluedMap<String, String> api = TestRequest.map("Host", "127.0.0.1:8080", "User-Agent", "okhttp/4.12.0",
                "Accept", "application/json", "Content-Type", "application/json", "Content-Length",
                String.valueOf(json.length()));
        json4k = new TestRequest("POST", "api/orders", TestRequest.map(), TestRequest.map(), api, Map.of(),
                MediaType.APPLICATION_JSON_TYPE, json.toString().getBytes(StandardCharsets.UTF_8));
        // 256 query parameters of 4 KiB each (1 MiB of input), the worst a request can make the rules read.
        String[] many = new String[512];
        for (int i = 0; i < 256; i++) {
            many[2 * i] = "p" + i;
            many[2 * i + 1] = ("Pride and Prejudice, chapter " + i + " and more ").repeat(110).substring(0, 4096);
        }
        padded = new TestRequest("GET", "api/books/search", TestRequest.map(many), TestRequest.map(), browser, cookies,
                null, null);
        if (run(cleanGet.fresh()) != null || run(json4k.fresh(), orders) != null || run(padded.fresh()) != null) {
            throw new IllegalStateException("a benign benchmark request was blocked");
        }
    }

    private Object run(TestRequest request) {
        return run(request, search);
    }

    private static Object run(TestRequest request, FilterHarness filters) {
        return filters.serve(request);
    }

    @Benchmark
    public Object cleanGet() {
        return run(cleanGet.fresh());
    }

    @Benchmark
    public Object json4k() {
        return run(json4k.fresh(), orders);
    }

    @Benchmark
    public Object twoHundredFiftySixInputsOf4KiB() {
        return run(padded.fresh());
    }
}
