package io.palisade.jaxrs;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.config.Settings;
import io.palisade.core.counters.Counters;
import io.palisade.core.event.EventSink;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.JdbcHooks;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.rules.RuleEngine;
import io.palisade.jaxrs.testing.TestRequest;
import io.palisade.jaxrs.testing.TestResponse;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;

/**
 * Palisade's JAX-RS filters around one resource method, run in the order a JAX-RS runtime runs them
 * for a request that reaches that method: the pre-matching record filter, the per-resource filter,
 * then the response side of the record filter. The filters and the rules engine are the real ones;
 * the runtime around them is a {@link TestRequest}. Test-support API of the module's test jar: the
 * module's unit tests and the benchmarks reach the (package-private) filters through it.
 */
public final class FilterHarness {

    /** The client address the tests' requests come from, unless they say otherwise. */
    public static final String PEER = "192.0.2.10";

    private final PalisadeRuntime runtime;
    private final RequestRecordFilter recordFilter;
    private final ResourceMatchFilter matchFilter;

    /**
     * @param resource the hook point symbol of the method, as the hook table lists it
     * @param type the resource class
     * @param method the resource method requests are matched to
     */
    public FilterHarness(PalisadeRuntime runtime, String resource, Class<?> type, Method method) {
        this.runtime = runtime;
        this.recordFilter = new RequestRecordFilter(runtime, RequestLimits.DEFAULT);
        this.matchFilter = new ResourceMatchFilter(resource, BoundParameters.of(type, method), runtime.rules(),
                new BlockResponse(runtime.settings()));
    }

    /** A runtime on the built-in rules with {@code settings}, events offered to {@code sink}, no JDBC hooked. */
    public static PalisadeRuntime runtime(Settings settings, EventSink sink) {
        Counters counters = new Counters();
        RequestContext requests = new RequestContext();
        HookTable table = HookTable.builder().jdbc(new JdbcHooks()).build();
        RuleEngine rules = new RuleEngine(settings, table, requests, counters);
        return new PalisadeRuntime(settings, table, requests, counters, sink, rules);
    }

    public PalisadeRuntime runtime() {
        return runtime;
    }

    /**
     * The request side from the client {@code peer}: the record filter and, unless it aborted the
     * request, the per-resource filter.
     *
     * @return the response a filter aborted the request with, or {@code null} when it reaches the method
     */
    public Response request(TestRequest request, String peer) {
        // What the container's peer filter puts there on a real runtime.
        request.setProperty(PeerAddress.PROPERTY, peer);
        recordFilter.filter(request);
        if (request.aborted() == null) {
            matchFilter.filter(request);
        }
        return request.aborted();
    }

    /** The response side: the record filter looks at what the method (or an abort) answered, and ends the record. */
    public void respond(TestRequest request, TestResponse response) {
        recordFilter.filter(request, response);
    }

    /** The whole request as a passing one is served; the abort response, or {@code null}. */
    public Response serve(TestRequest request) {
        Response aborted = request(request, PEER);
        respond(request, new TestResponse());
        return aborted;
    }

    /** Palisade's servlet filter, as the servlet initializer registers it on a servlet container. */
    public static jakarta.servlet.Filter servletFilter() {
        return new BlockedRequestServletFilter();
    }

    /** The record the filters keep for {@code request}, or {@code null}. */
    public static RequestRecord record(ContainerRequestContext request) {
        return Records.of(request);
    }
}
