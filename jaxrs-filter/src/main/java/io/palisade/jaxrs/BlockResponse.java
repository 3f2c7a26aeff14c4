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
     * Whether a raw {@code Accept} header (outside JAX-RS) prefers HTML: it names {@code text/html}
     * and not {@code application/json} before it. JSON when absent.
     */
    static boolean prefersHtml(String accept) {
        if (accept == null) {
            return false;
        }
        int html = accept.indexOf("text/html");
        int json = accept.indexOf("application/json");
        return html >= 0 && (json < 0 || html < json);
    }

    private static boolean prefersHtml(List<MediaType> accepted) {
        for (MediaType type : accepted) {
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !type.isWildcardType()) {
                return false;
            }
            if (type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) {
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
