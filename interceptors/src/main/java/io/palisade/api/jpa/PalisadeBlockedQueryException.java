package io.palisade.api.jpa;

import io.palisade.core.hook.Invocation;

import io.palisade.core.hook.Invocation;
import jakarta.persistence.PersistenceException;

/**
 * Thrown by an {@code EntityManager.createQuery} or {@code createNativeQuery} call that Palisade
 * aborted. It is a {@link PersistenceException}, so application code that handles persistence
 * errors handles it too, and the request is answered with the block response whatever the
 * application does with it. The transaction, when one is active, is marked for rollback first.
 *
 * <p>The message is generic for the same reason as the JDBC one's: applications echo exception
 * messages, and the block must reveal nothing about the rule.
 */
public final class PalisadeBlockedQueryException extends PersistenceException {

    private static final long serialVersionUID = 1L;

    private final transient Invocation invocation;

    public PalisadeBlockedQueryException(Invocation invocation) {
        super("Blocked by Palisade");
        this.invocation = invocation;
    }

    /** The aborted call, or {@code null} after deserialization. */
    public Invocation invocation() {
        return invocation;
    }
}
