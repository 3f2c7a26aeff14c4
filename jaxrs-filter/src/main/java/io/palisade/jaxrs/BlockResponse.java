package io.palisade.jaxrs;

import io.palisade.core.config.Settings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.List;

/**
 * The answer to a blocked request: {@code palisade.block.status} (403) with a small JSON or HTML body
 * chosen from {@code Accept} (JSON when absent), or a 303 to {@code palisade.block.redirect}. It
 * carries the request id, so a user can quote it, and nothing about the rule that fired.
 */
final class BlockResponse {

    private static final Annotation[] NO_ANNOTATIONS = {};

    private final int status;
    private final URI redirect;

    BlockResponse(Settings settings) {
        this.status = settings.blockStatus();
        this.redirect = settings.blockRedirect().map(URI::create).orElse(null);
    }

    Response build(String requestId, List<MediaType> accepted) {
        if (redirect != null) {
            return Response.seeOther(redirect).header("Cache-Control", "no-store").build();
        }
        boolean html = prefersHtml(accepted);
        return Response.status(status).type(html ? MediaType.TEXT_HTML_TYPE : MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store").entity(html ? html(requestId) : json(requestId)).build();
    }

    /** Replaces whatever the application answered with the block response. */
    void apply(String requestId, ContainerRequestContext request, ContainerResponseContext response) {
        Response block = build(requestId, request.getAcceptableMediaTypes());
        response.getHeaders().clear();
        response.setStatus(block.getStatus());
        block.getHeaders().forEach((name, values) -> response.getHeaders().put(name, values));
        Object entity = block.getEntity();
        if (entity == null) {
            response.setEntity(null);
        } else {
            response.setEntity(entity, NO_ANNOTATIONS, block.getMediaType());
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, block.getMediaType());
        }
    }

    /** The status a blocked request answers with: {@code palisade.block.status}, or 303 with a redirect. */
    int status() {
        return redirect != null ? 303 : status;
    }

    /** Where a blocked request is sent, or {@code null}. */
    URI redirect() {
        return redirect;
    }

    /** The body for {@code requestId}, HTML when {@code html}; {@code null} with a redirect. */
    String body(String requestId, boolean html) {
        if (redirect != null) {
            return null;
        }
        return html ? html(requestId) : json(requestId);
    }

    /**
     * Whether a raw {@code Accept} header (outside JAX-RS, in the servlet filter) prefers HTML, read the
     * way JAX-RS reads it for {@link #build}: media ranges by q-value, then the more specific first,
     * then as written; ranges with {@code q=0} are refused ones. JSON when absent. One negotiation for
     * both paths, so a blocked request gets the same kind of answer whichever writes it.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        record Range(String type, String subtype, double q, int specificity, int position) {
        }
        List<Range> ranges = new java.util.ArrayList<>();
        String[] parts = accept.split(",", 64);
        for (int i = 0; i < parts.length; i++) {
            String[] pieces = parts[i].split(";");
            String range = pieces[0].strip().toLowerCase(java.util.Locale.ROOT);
            int slash = range.indexOf('/');
            if (slash <= 0 || slash == range.length() - 1) {
                continue;
            }
            double q = 1.0;
            for (int p = 1; p < pieces.length; p++) {
                String parameter = pieces[p].strip();
                if (parameter.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(parameter.substring(2).strip());
                    } catch (NumberFormatException e) {
                        q = 1.0;
                    }
                }
            }
            String type = range.substring(0, slash);
            String subtype = range.substring(slash + 1);
            if (q > 0) {
                ranges.add(new Range(type, subtype, q, type.equals("*") ? 0 : subtype.equals("*") ? 1 : 2, i));
            }
        }
        ranges.sort(java.util.Comparator.comparingDouble(Range::q).reversed()
                .thenComparing(java.util.Comparator.comparingInt(Range::specificity).reversed())
                .thenComparingInt(Range::position));
        List<String[]> ordered = new java.util.ArrayList<>(ranges.size());
        ranges.forEach(range -> ordered.add(new String[] {range.type(), range.subtype()}));
        return prefersHtmlInOrder(ordered);
    }

    /** The JAX-RS runtime's acceptable media types, already in order of preference. */
    static boolean prefersHtml(List<MediaType> accepted) {
        List<String[]> ordered = new java.util.ArrayList<>(accepted.size());
        for (MediaType type : accepted) {
            ordered.add(new String[] {type.getType().toLowerCase(java.util.Locale.ROOT),
                type.getSubtype().toLowerCase(java.util.Locale.ROOT)});
        }
        return prefersHtmlInOrder(ordered);
    }

    /**
     * The first range that names JSON ({@code application/json}, {@code application/*}) or HTML
     * ({@code text/html}, {@code text/*}) decides; {@code *}{@code /*} decides nothing; JSON when none does.
     */
    private static boolean prefersHtmlInOrder(List<String[]> ordered) {
        for (String[] range : ordered) {
            String type = range[0];
            String subtype = range[1];
            if (type.equals("application") && (subtype.equals("json") || subtype.equals("*"))) {
                return false;
            }
            if (type.equals("text") && (subtype.equals("html") || subtype.equals("*"))) {
                return true;
            }
        }
        return false;
    }

    private static String json(String requestId) {
        return "{\"error\":\"request blocked\",\"request_id\":\"" + requestId + "\"}";
    }

    private static String html(String requestId) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Request blocked</title></head><body>"
                + "<h1>Request blocked</h1><p>This request was blocked for security reasons.</p>"
                + "<p>Request id: <code>" + requestId + "</code></p></body></html>";
    }
}
