package io.palisade.jaxrs;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.glassfish.grizzly.http.server.Request;

/**
 * On Jersey's Grizzly container (the embedded demo): the peer from Grizzly's request, which Jersey
 * binds per request and so gives to a singleton only through a provider, and the end of the request
 * as Grizzly sees it (after the response, on every path), for {@link ContainerEnd}.
 */
@PreMatching
@Priority(PeerAddress.PRIORITY)
final class GrizzlyPeerFilter implements ContainerRequestFilter {

    @Inject
    private Provider<Request> grizzlyRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        try {
            Request current = grizzlyRequest != null ? grizzlyRequest.get() : null;
            String peer = current != null ? current.getRemoteAddr() : null;
            if (peer != null) {
                request.setProperty(PeerAddress.PROPERTY, peer);
            }
            if (current != null) {
                request.setProperty(ContainerEnd.PROPERTY, (java.util.function.Consumer<Runnable>) action ->
                        current.addAfterServiceListener(finished -> action.run()));
            }
        } catch (RuntimeException | LinkageError unavailable) {
            // Fail open: without the peer the client address is unknown, nothing else changes.
        }
    }
}
