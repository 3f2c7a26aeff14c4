package io.palisade.jaxrs;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;

/**
 * On servlet containers (WildFly, Payara, Open Liberty): the peer from the servlet request, and the
 * servlet request itself for {@link FormFields}. Where the servlet API is on the class path but the
 * request did not come through a servlet container (Jersey on Grizzly with the servlet API around),
 * the Grizzly filter, when there is one, finds the peer instead.
 */
@PreMatching
@Priority(PeerAddress.PRIORITY)
final class ServletPeerFilter implements ContainerRequestFilter {

    /** A proxy to the current request, injected by the JAX-RS runtime. */
    @Context
    private HttpServletRequest servletRequest;

    private final ContainerRequestFilter fallback;

    /** @param fallback the filter that reads the peer when no servlet request is there, or {@code null} */
    ServletPeerFilter(ContainerRequestFilter fallback) {
        this.fallback = fallback;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String peer = null;
        try {
            peer = servletRequest != null ? servletRequest.getRemoteAddr() : null;
            if (peer != null) {
                request.setProperty(PeerAddress.PROPERTY, peer);
            }
            if (servletRequest != null && FormFields.isForm(request.getMediaType())) {
                request.setProperty(FormFields.SERVLET_PROPERTY, servletRequest);
            }
        } catch (RuntimeException notAServletRequest) {
            // Fail open: without the peer the client address is unknown, nothing else changes.
        }
        if (peer == null && fallback != null) {
            try {
                fallback.filter(request);
            } catch (java.io.IOException | RuntimeException | LinkageError e) {
                // as above
            }
        }
    }
}
