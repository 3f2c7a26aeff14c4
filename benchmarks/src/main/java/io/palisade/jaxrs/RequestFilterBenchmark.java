package io.palisade.jaxrs;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.config.Settings;
import io.palisade.core.counters.Counters;
import io.palisade.core.event.EventSink;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.JdbcHooks;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.rules.RuleEngine;
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
 * around them is {@link BenchRequest}.
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

    private RequestRecordFilter recordFilter;
    private ResourceMatchFilter matchFilter;
    private ResourceMatchFilter ordersFilter;

    /** Stand-ins for the matched resource methods: what they receive is what is bound. */
    public static final class Resources {
        public Object search(@jakarta.ws.rs.QueryParam("q") String q, @jakarta.ws.rs.QueryParam("page") String page) {
            return q + page;
        }

        public Object order(String body) {
            return body;
        }
    }
    private BenchRequest cleanGet;
    private BenchRequest json4k;
    private BenchRequest padded;

    @Setup
    public void setUp() {
        Settings settings = Settings.defaults();
        Counters counters = new Counters();
        RequestContext requests = new RequestContext();
        HookTable table = HookTable.builder().jdbc(new JdbcHooks()).build();
        RuleEngine rules = new RuleEngine(settings, table, requests, counters);
        PalisadeRuntime runtime = new PalisadeRuntime(settings, table, requests, counters, EventSink.DISCARD, rules);
        recordFilter = new RequestRecordFilter(runtime, RequestLimits.DEFAULT);
        try {
            matchFilter = new ResourceMatchFilter("jaxrs:io.palisade.sample.bookstore.BookResource#search(java.lang.String)",
                    BoundParameters.of(Resources.class, Resources.class.getMethod("search", String.class, String.class)),
                    rules, new BlockResponse(settings));
            ordersFilter = new ResourceMatchFilter("jaxrs:com.example.Orders#order(java.lang.String)",
                    BoundParameters.of(Resources.class, Resources.class.getMethod("order", String.class)), rules,
                    new BlockResponse(settings));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }

        MultivaluedMap<String, String> browser = BenchRequest.map(
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
        cleanGet = new BenchRequest("GET", "api/books/search", BenchRequest.map("q", "Pride and Prejudice", "page", "2"),
                BenchRequest.map(), browser, cookies, null, null);

        StringBuilder json = new StringBuilder("{\"order\":{\"id\":\"A-1029\",\"customer\":{\"name\":\"Anne O'Neil\","
                + "\"email\":\"anne.oneil@example.com\"},\"lines\":[");
        for (int i = 0; json.length() < 4000; i++) {
            json.append(i == 0 ? "" : ",").append("{\"isbn\":\"978-0-14-143951-").append(i % 10)
                    .append("\",\"title\":\"Pride and Prejudice, vol. ").append(i).append("\",\"qty\":").append(i % 3 + 1)
                    .append(",\"note\":\"gift wrap; no price tag\"}");
        }
        json.append("]}}");
        MultivaluedMap<String, String> api = BenchRequest.map("Host", "127.0.0.1:8080", "User-Agent", "okhttp/4.12.0",
                "Accept", "application/json", "Content-Type", "application/json", "Content-Length",
                String.valueOf(json.length()));
        json4k = new BenchRequest("POST", "api/orders", BenchRequest.map(), BenchRequest.map(), api, Map.of(),
                MediaType.APPLICATION_JSON_TYPE, json.toString().getBytes(StandardCharsets.UTF_8));
        // 256 query parameters of 4 KiB each (1 MiB of input), the worst a request can make the rules read.
        String[] many = new String[512];
        for (int i = 0; i < 256; i++) {
            many[2 * i] = "p" + i;
            many[2 * i + 1] = ("Pride and Prejudice, chapter " + i + " and more ").repeat(110).substring(0, 4096);
        }
        padded = new BenchRequest("GET", "api/books/search", BenchRequest.map(many), BenchRequest.map(), browser, cookies,
                null, null);
        if (run(cleanGet.fresh()) != null || run(json4k.fresh(), ordersFilter) != null || run(padded.fresh()) != null) {
            throw new IllegalStateException("a benign benchmark request was blocked");
        }
    }

    private Object run(BenchRequest request) {
        return run(request, matchFilter);
    }

    private Object run(BenchRequest request, ResourceMatchFilter matched) {
        // What the container's peer filter puts there on a real runtime.
        request.setProperty(PeerAddress.PROPERTY, "192.0.2.10");
        recordFilter.filter(request);
        if (request.aborted == null) {
            matched.filter(request);
        }
        recordFilter.filter(request, new BenchResponse());
        return request.aborted;
    }

    @Benchmark
    public Object cleanGet() {
        return run(cleanGet.fresh());
    }

    @Benchmark
    public Object json4k() {
        return run(json4k.fresh(), ordersFilter);
    }

    @Benchmark
    public Object twoHundredFiftySixInputsOf4KiB() {
        return run(padded.fresh());
    }
}
