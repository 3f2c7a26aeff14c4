package io.palisade.interceptor.jdbc;

import io.palisade.core.hook.JdbcHooks;
import java.sql.CallableStatement;

/**
 * A callable statement; like {@link PalisadePreparedStatement}, its SQL was checked when prepared.
 */
public final class PalisadeCallableStatement extends PalisadePreparedStatement implements ForwardingCallableStatement {

    private final CallableStatement callable;

    PalisadeCallableStatement(PalisadeConnection connection, CallableStatement callable, JdbcHooks hooks) {
        super(connection, callable, hooks);
        this.callable = callable;
    }

    @Override
    public CallableStatement delegate() {
        return callable;
    }
}
