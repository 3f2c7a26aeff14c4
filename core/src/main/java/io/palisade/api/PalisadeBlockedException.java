package io.palisade.api;

import io.palisade.core.hook.Invocation;

import java.sql.SQLException;

/**
 * Thrown by a JDBC call that Palisade aborted. It is a {@link SQLException}, so application code
 * that handles database errors handles it too; the request is answered with the block response
 * whatever the application does with it.
 *
 * <p>The message is deliberately generic: applications often echo exception messages to clients,
 * and the block must reveal nothing about the rule. The verdict is kept for Palisade's records.
 */
public final class PalisadeBlockedException extends SQLException {

    private static final long serialVersionUID = 1L;

    /** SQLSTATE class 42 ("syntax error or access rule violation"), subclass reserved for implementations. */
    public static final String SQL_STATE = "42P99";

    private final transient Invocation invocation;

    public PalisadeBlockedException(Invocation invocation) {
        super("Blocked by Palisade", SQL_STATE);
        this.invocation = invocation;
    }

    /** The aborted call, or {@code null} after deserialization. */
    public Invocation invocation() {
        return invocation;
    }
}
