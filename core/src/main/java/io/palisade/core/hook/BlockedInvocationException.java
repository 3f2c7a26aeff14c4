package io.palisade.core.hook;

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

    /** The aborted call, or {@code null} after deserialization. */
    public Invocation invocation() {
        return invocation;
    }
}
