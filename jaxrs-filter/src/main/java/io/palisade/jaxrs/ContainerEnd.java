package io.palisade.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.function.Consumer;

/**
 * The container's own end of a request, on every path (an unmapped exception skips JAX-RS's response
 * filters, but not this). JAX-RS has no portable hook for it: a filter that knows its runtime
 * ({@link GrizzlyPeerFilter}) leaves a way to register a callback in a request property, and the
 * record's opener registers the record's end there. On servlet containers
 * {@link BlockedRequestServletFilter} ends the record instead.
 */
final class ContainerEnd {

    static final String PROPERTY = "io.palisade.container-end";

    private ContainerEnd() {
    }

    /** Runs {@code action} when the container has finished the request, if the runtime tells; never throws. */
    @SuppressWarnings("unchecked")
    static void onEnd(ContainerRequestContext request, Runnable action) {
        try {
            Object registrar = request.getProperty(PROPERTY);
            if (registrar instanceof Consumer) {
                ((Consumer<Runnable>) registrar).accept(action);
            }
        } catch (RuntimeException e) {
            // Fail open: the response filter still ends the record on the ordinary paths.
        }
    }
}
