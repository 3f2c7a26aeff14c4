package io.palisade.jaxrs;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The socket peer's address, which JAX-RS has no portable way to give. A filter that knows its
 * runtime's request object ({@link ServletPeerFilter}, {@link GrizzlyPeerFilter}) runs just before
 * the request record is opened and leaves the address in a request property.
 */
final class PeerAddress {

    static final String PROPERTY = "io.palisade.peer";
    /** Runs before {@link RequestRecordFilter}. */
    static final int PRIORITY = Integer.MIN_VALUE / 2 - 1;

    private PeerAddress() {
    }

    static String of(ContainerRequestContext request) {
        Object peer = request.getProperty(PROPERTY);
        return peer instanceof String ? (String) peer : null;
    }

    /** Whether {@code className} can be loaded where Palisade runs. */
    static boolean available(String className) {
        try {
            Class.forName(className, false, PeerAddress.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
