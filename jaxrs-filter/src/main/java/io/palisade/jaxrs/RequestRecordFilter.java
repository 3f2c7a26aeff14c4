package io.palisade.jaxrs;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.net.ClientIp;
import io.palisade.core.net.IpRanges;
import io.palisade.core.rules.RuleEngine;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * Opens the request record first thing (pre-matching, earliest priority) and closes it last: as a
 * response filter with the same priority it runs after every other one, and where the container tells
 * when a request ends on every path (Grizzly, the servlet filter), it is closed there too. Collects the
 * request's query, matrix, header and cookie inputs as unbound extras within {@link RequestLimits} and
 * runs the request rules over them and the URI, so that every request is inspected, routed or not;
 * what the matched resource method receives, and a JSON body, are recorded and inspected after
 * matching ({@link ResourceMatchFilter}).
 *
 * <p>When a protection blocked something during the request, the response is replaced with the block
 * response here, whatever the application did with the exception. (When the exception escapes
 * JAX-RS unmapped, response filters do not run; on a servlet container
 * {@link BlockedRequestServletFilter} answers instead.)
 */
@PreMatching
@Priority(Integer.MIN_VALUE / 2)
final class RequestRecordFilter implements ContainerRequestFilter, ContainerResponseFilter {


    private final RequestContext requests;
    private final RequestLimits limits;
    private final BlockResponse block;
    private final PalisadeRuntime runtime;
    private final RuleEngine rules;
    private final ClientIp clientIp;

    RequestRecordFilter(PalisadeRuntime runtime, RequestLimits limits) {
        this.rules = runtime.rules();
        this.clientIp = new ClientIp(new IpRanges(runtime.settings().trustedProxies()), runtime.settings().clientIpHeader());
        this.requests = runtime.requests();
        this.runtime = runtime;
        this.limits = limits;
        this.block = new BlockResponse(runtime.settings());
    }

    @Override
    public void filter(ContainerRequestContext request) {
        long start = System.nanoTime();
        ClientIp.Resolution client = client(request);
        RequestRecord record = new RequestRecord(RequestIds.next(), request.getMethod(),
                applicationPath(request.getUriInfo().getPath(true)), client.client(), limits);
        if (!client.parsed().isEmpty()) {
            record.parsedAddresses(client.parsed());
        }
        Records.bind(request, requests, record);
        ContainerEnd.onEnd(request, () -> RequestEnd.finish(runtime, record));
        try {
            if (rules.screen(record) != null) {
                request.abortWith(block.build(record.id(), request.getHeaderString(HttpHeaders.ACCEPT)));
                return;
            }
            collect(request, record);
        } catch (RuntimeException e) {
            // Fail open: a request Palisade cannot read is passed through with what was collected.
            FilterMessages.INPUTS_UNREADABLE.log(e, record.id());
        } finally {
            record.addProtectionNanos(System.nanoTime() - start);
        }
        // Every request, routed or not: a probe at a path the application does not serve is seen too.
        if (rules.inspectBeforeMatching(record) != null) {
            request.abortWith(block.build(record.id(), request.getHeaderString(HttpHeaders.ACCEPT)));
        }
    }

    /** The client's address: the peer, or what trusted proxies say (never a header from anyone else). */
    private ClientIp.Resolution client(ContainerRequestContext request) {
        try {
            String header = clientIp.header();
            return clientIp.resolve(PeerAddress.of(request), header == null ? List.of() : request.getHeaders().get(header));
        } catch (RuntimeException e) {
            return new ClientIp.Resolution(null, List.of());
        }
    }

    /** The path below the application's root with one leading slash: Jersey gives none, RESTEasy one. */
    static String applicationPath(String path) {
        return path.startsWith("/") ? path : "/" + path;
    }

    private static void collect(ContainerRequestContext request, RequestRecord record) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            for (String value : parameter.getValue()) {
                record.addInput(InputSource.QUERY, parameter.getKey(), value);
            }
        }
        String rawPath = request.getUriInfo().getRequestUri().getRawPath();
        if (rawPath != null && rawPath.indexOf(';') >= 0) {
            // Matrix parameters: only when the path has any (splitting it into segments costs).
            for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
                for (Map.Entry<String, List<String>> parameter : segment.getMatrixParameters().entrySet()) {
                    for (String value : parameter.getValue()) {
                        record.addInput(InputSource.MATRIX, parameter.getKey(), value);
                    }
                }
            }
        }
        for (Map.Entry<String, Cookie> cookie : request.getCookies().entrySet()) {
            record.addInput(InputSource.COOKIE, cookie.getKey(), cookie.getValue().getValue());
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase("Cookie")) {
                continue;
            }
            for (String value : header.getValue()) {
                record.addInput(InputSource.HEADER, header.getKey(), value);
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        RequestRecord record = Records.of(request);
        if (record == null) {
            return;
        }
        long start = System.nanoTime();
        boolean checkedWhenWritten = false;
        try {
            if (!record.blocked() && ResponseMarkup.isHtml(response.getMediaType()) && ResponseMarkup.worthChecking(record)) {
                // Reflected XSS at the sink, for a page returned whole; any other entity is checked as it is
                // written (ReflectedMarkupInterceptor), which then ends the record.
                String page = ResponseMarkup.text(response.getEntity(), response.getMediaType());
                if (page != null) {
                    rules.inspectResponse(record, page);
                } else if (response.hasEntity()) {
                    checkedWhenWritten = true;
                    request.setProperty(ReflectedMarkupInterceptor.ENDS_RECORD, Boolean.TRUE);
                }
            }
            if (record.blocked()) {
                block.replace(record.id(), request, response);
            }
        } catch (RuntimeException e) {
            FilterMessages.RESPONSE_UNCHECKED.log(e, record.id());
        } finally {
            record.addProtectionNanos(System.nanoTime() - start);
            if (!checkedWhenWritten) {
                RequestEnd.finish(runtime, record);
            }
        }
    }
}
