package io.palisade.jaxrs;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;

/**
 * On servlet containers (WildFly, Payara, Open Liberty): the peer from the servlet request, and the
 * servlet request itself for {@link FormFields}.
 */
@PreMatching
@Priority(PeerAddress.PRIORITY)
final class ServletPeerFilter implements ContainerRequestFilter {

    /** A proxy to the current request, injected by the JAX-RS runtime. */
    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            String peer = servletRequest != null ? servletRequest.getRemoteAddr() : null;
            if (peer != null) {
                request.setProperty(PeerAddress.PROPERTY, peer);
            }
            if (servletRequest != null && FormFields.isForm(request.getMediaType())) {
                request.setProperty(FormFields.SERVLET_PROPERTY, servletRequest);
            }
        } catch (RuntimeException notAServletRequest) {
            // Fail open: without the peer the client address is unknown, nothing else changes.
        }
    }
}
