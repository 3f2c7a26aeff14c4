package io.palisade.api;

import io.palisade.core.hook.Invocation;

/**
 * Thrown by a non-JDBC hooked call (a JAX-RS resource method) that Palisade aborted. The JAX-RS
 * layer maps it to the block response. The message is generic for the same reason as
 * {@link PalisadeBlockedException}'s.
 */
public final class BlockedInvocationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Invocation invocation;

    public BlockedInvocationException(Invocation invocation) {
        super("Blocked by Palisade", null, false, false);
        this.invocation = invocation;
    }

    /** A request-phase rule blocked the request just before the resource method ran. */
    public BlockedInvocationException() {
        super("Blocked by Palisade", null, false, false);
        this.invocation = null;
    }

    /** The aborted call; {@code null} when a request rule blocked, or after deserialization. */
    public Invocation invocation() {
        return invocation;
    }
}
