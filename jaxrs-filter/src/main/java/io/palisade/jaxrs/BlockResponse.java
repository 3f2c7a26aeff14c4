package io.palisade.jaxrs;

import io.palisade.core.config.Settings;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.List;

/**
 * The answer to a blocked request, written in one place for every path that answers one (the JAX-RS
 * request filters, the exception mappers, the response filter, the reflected-markup interceptor and
 * the servlet filter): {@code palisade.block.status} (403) with {@code Cache-Control: no-store} and
 * a small JSON or HTML body chosen from {@code Accept} by one negotiation ({@link #prefersHtml}, JSON
 * when absent), or a 303 to {@code palisade.block.redirect}. It carries the request id, so a user can
 * quote it, and nothing about the rule that fired.
 *
 * <p>Each path supplies a {@link Target}, the few writes a response needs; this class decides what
 * they are.
 */
final class BlockResponse {

    /** A response the block answer is written onto: status, headers, then at most one body. */
    interface Target {

        void status(int status);

        void header(String name, String value);

        /** The body and its content type ({@code ...;charset=UTF-8}); not called with a redirect. */
        void body(String contentType, String body) throws IOException;
    }

    static final String JSON = "application/json;charset=UTF-8";
    static final String HTML = "text/html;charset=UTF-8";
    private static final Annotation[] NO_ANNOTATIONS = {};

    private final int status;
    private final URI redirect;

    BlockResponse(Settings settings) {
        this.status = settings.blockStatus();
        this.redirect = settings.blockRedirect().map(URI::create).orElse(null);
    }

    /**
     * Writes the block answer for {@code requestId} onto {@code target}.
     *
     * @param accept the request's {@code Accept} header as sent (several joined by commas), or {@code null}
     */
    void write(String requestId, String accept, Target target) throws IOException {
        target.status(redirect != null ? 303 : status);
        target.header("Cache-Control", "no-store");
        if (redirect != null) {
            target.header("Location", redirect.toString());
            return;
        }
        boolean html = prefersHtml(accept);
        target.body(html ? HTML : JSON, html ? html(requestId) : json(requestId));
    }

    /** The block answer as a JAX-RS response: for {@code abortWith} and the exception mappers. */
    Response build(String requestId, String accept) {
        Response.ResponseBuilder builder = Response.status(status);
        try {
            write(requestId, accept, new Target() {
                @Override
                public void status(int code) {
                    builder.status(code);
                }

                @Override
                public void header(String name, String value) {
                    builder.header(name, value);
                }

                @Override
                public void body(String contentType, String body) {
                    builder.type(contentType).entity(body);
                }
            });
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible); // a builder does no I/O
        }
        return builder.build();
    }

    /** Replaces whatever the application answered with the block answer (the JAX-RS response filter). */
    void replace(String requestId, ContainerRequestContext request, ContainerResponseContext response) {
        response.getHeaders().clear();
        response.setEntity(null);
        try {
            write(requestId, request.getHeaderString(HttpHeaders.ACCEPT), new Target() {
                @Override
                public void status(int code) {
                    response.setStatus(code);
                }

                @Override
                public void header(String name, String value) {
                    response.getHeaders().putSingle(name, value);
                }

                @Override
                public void body(String contentType, String body) {
                    MediaType type = MediaType.valueOf(contentType);
                    response.setEntity(body, NO_ANNOTATIONS, type);
                    response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type);
                }
            });
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible); // setting an entity does no I/O
        }
    }

    /**
     * Whether an {@code Accept} header prefers HTML to JSON: media ranges by q-value, then the more
     * specific first, then as written; ranges with {@code q=0} are refused ones. JSON when absent. The
     * one negotiation of every path, so a blocked request gets the same kind of answer whichever
     * writes it. At most 64 ranges are read.
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
