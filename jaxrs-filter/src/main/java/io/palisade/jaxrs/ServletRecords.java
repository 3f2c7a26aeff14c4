package io.palisade.jaxrs;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.net.ClientIp;
import io.palisade.core.net.IpRanges;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.text.Decoding;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records for requests served outside JAX-RS (a servlet, JSF, a WebSocket handshake): the servlet
 * filter opens one, with the query, headers and cookies as inputs, runs the request rules on it
 * before the servlet runs, and makes it the thread's current record, so the SQL the servlet runs is
 * checked against the request. The parameters the servlet reads ({@code getParameter...}) are
 * recorded as bound inputs as it reads them. Requests for the JAX-RS servlet are left to the JAX-RS
 * filters, which know the matched resource.
 */
final class ServletRecords {

    /** Servlet classes of the JAX-RS runtimes (Jersey, RESTEasy, Open Liberty's, CXF). */
    private static final List<String> JAX_RS_SERVLETS = List.of("org.glassfish.jersey.servlet.", "org.jboss.resteasy.",
            "resteasy", "com.ibm.websphere.jaxrs.", "io.openliberty.restfulws", "org.apache.cxf.jaxrs.",
            "org.apache.cxf.transport.servlet.");

    private final PalisadeRuntime runtime;
    private final ClientIp clientIp;
    private final Map<String, Boolean> jaxRsServlets = new ConcurrentHashMap<>();

    ServletRecords(PalisadeRuntime runtime) {
        this.runtime = runtime;
        this.clientIp = new ClientIp(new IpRanges(runtime.settings().trustedProxies()), runtime.settings().clientIpHeader());
    }

    /** Whether the container maps {@code request} to a JAX-RS servlet (asked once per servlet name). */
    boolean servedByJaxRs(HttpServletRequest request) {
        HttpServletMapping mapping = request.getHttpServletMapping();
        String name = mapping == null ? null : mapping.getServletName();
        if (name == null) {
            return false;
        }
        return jaxRsServlets.computeIfAbsent(name, servlet -> {
            ServletContext context = request.getServletContext();
            ServletRegistration registration = context == null ? null : context.getServletRegistration(servlet);
            String className = registration == null ? null : registration.getClassName();
            if (className == null) {
                return false;
            }
            for (String prefix : JAX_RS_SERVLETS) {
                if (className.startsWith(prefix) || className.contains(prefix)) {
                    return true;
                }
            }
            return false;
        });
    }

    /**
     * Opens the record of a request served outside JAX-RS: screened, its inputs collected and inspected,
     * set as the request's attribute and the thread's current record.
     *
     * @return the record; {@link RequestRecord#blocked()} says whether it must be answered with the block response
     */
    RequestRecord open(HttpServletRequest request) {
        // The path below the application, decoded by the container ('+' stays a '+' in a path).
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        ClientIp.Resolution client = client(request);
        RequestRecord record = new RequestRecord(RequestIds.next(), request.getMethod(),
                RequestRecordFilter.applicationPath(path), client.client(), RequestLimits.DEFAULT);
        if (!client.parsed().isEmpty()) {
            record.parsedAddresses(client.parsed());
        }
        bind(request, record);
        long start = System.nanoTime();
        try {
            if (runtime.rules().screen(record) != null) {
                return record;
            }
            collect(request, record);
        } catch (RuntimeException e) {
            // Fail open: what was collected is inspected.
        } finally {
            record.addProtectionNanos(System.nanoTime() - start);
        }
        runtime.rules().inspectBeforeMatching(record);
        return record;
    }

    private ClientIp.Resolution client(HttpServletRequest request) {
        try {
            String header = clientIp.header();
            List<String> values = header == null ? List.of() : Collections.list(request.getHeaders(header));
            return clientIp.resolve(request.getRemoteAddr(), values);
        } catch (RuntimeException e) {
            return new ClientIp.Resolution(null, List.of());
        }
    }

    /** The servlet side of {@link Records#bind}: the record as a request attribute, and current on this thread. */
    private void bind(HttpServletRequest request, RequestRecord record) {
        request.setAttribute(Records.PROPERTY, record);
        runtime.requests().begin(record);
    }

    /** The servlet side of {@link Records#of}: the record of {@code request}, or {@code null}. */
    static RequestRecord of(jakarta.servlet.ServletRequest request) {
        return Records.cast(request.getAttribute(Records.PROPERTY));
    }

    /** The query, headers and cookies. */
    private static void collect(HttpServletRequest request, RequestRecord record) {
        for (String[] parameter : query(request.getQueryString())) {
            record.addInput(InputSource.QUERY, parameter[0], parameter[1]);
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                record.addInput(InputSource.COOKIE, cookie.getName(), cookie.getValue());
            }
        }
        Enumeration<String> names = request.getHeaderNames();
        while (names != null && names.hasMoreElements()) {
            String name = names.nextElement();
            if (name.equalsIgnoreCase("Cookie")) {
                continue;
            }
            Enumeration<String> values = request.getHeaders(name);
            while (values.hasMoreElements()) {
                record.addInput(InputSource.HEADER, name, values.nextElement());
            }
        }
    }

    /**
     * The query string's parameters as (name, value) pairs, decoded (a malformed escape is kept as
     * sent): parsed here, since asking the container would read a form body ahead of the application.
     */
    static List<String[]> query(String query) {
        if (query == null || query.isEmpty()) {
            return List.of();
        }
        List<String[]> parameters = new java.util.ArrayList<>();
        for (String pair : query.split("&")) {
            if (!pair.isEmpty()) {
                int equals = pair.indexOf('=');
                parameters.add(new String[] {Decoding.percentDecode(equals < 0 ? pair : pair.substring(0, equals)),
                    equals < 0 ? "" : Decoding.percentDecode(pair.substring(equals + 1))});
            }
        }
        return parameters;
    }

    /**
     * The request as the servlet sees it: the parameters it reads are recorded, once, as bound inputs
     * (from the query when the query names them, from the form body otherwise), so the SQL check sees
     * them whole.
     */
    static final class RecordingRequest extends HttpServletRequestWrapper {

        private final RequestRecord record;
        private volatile boolean recorded;

        RecordingRequest(HttpServletRequest request, RequestRecord record) {
            super(request);
            this.record = record;
        }

        @Override
        public String getParameter(String name) {
            recordParameters();
            return super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            recordParameters();
            return super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            recordParameters();
            return super.getParameterMap();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            recordParameters();
            return super.getParameterNames();
        }

        private void recordParameters() {
            if (recorded) {
                return;
            }
            recorded = true;
            try {
                Set<String> inQuery = queryNames(getQueryString());
                for (Map.Entry<String, String[]> parameter : super.getParameterMap().entrySet()) {
                    InputSource source = inQuery.contains(parameter.getKey()) ? InputSource.QUERY : InputSource.FORM;
                    record.bind(source, parameter.getKey(), List.of(parameter.getValue()));
                }
            } catch (RuntimeException e) {
                // Fail open: the servlet gets its parameters; the record has what it had.
            }
        }

        private static Set<String> queryNames(String query) {
            Set<String> names = new java.util.HashSet<>();
            query(query).forEach(parameter -> names.add(parameter[0]));
            return names;
        }
    }
}
