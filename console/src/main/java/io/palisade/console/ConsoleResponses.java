package io.palisade.console;

import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.io.StringWriter;
import java.util.function.Consumer;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * Headers every answer of the console carries, and the small builders the resources share. The pages
 * run no script at all, so the content security policy forbids every script: a payload an agent
 * reported can never run in the console, even if some escaping were missed.
 */
public final class ConsoleResponses implements ContainerResponseFilter {

    static final JsonProviderImpl JSON = new JsonProviderImpl();
    static final String CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none';"
            + " base-uri 'none'";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Content-Security-Policy", CSP);
        headers.putSingle("X-Content-Type-Options", "nosniff");
        headers.putSingle("X-Frame-Options", "DENY");
        headers.putSingle("Referrer-Policy", "no-referrer");
        if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", "no-store");
        }
    }

    static Response.ResponseBuilder secured(Response.ResponseBuilder builder) {
        return builder.header("Cache-Control", "no-store");
    }

    static Response json(int status, String body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).entity(body).build();
    }

    static Response error(int status, String message) {
        return json(status, write(json -> json.writeStartObject().write("error", message).writeEnd()));
    }

    /** JSON text written by {@code body} (strings escaped by the generator). */
    static String write(Consumer<JsonGenerator> body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            body.accept(json);
        }
        return out.toString();
    }
}
