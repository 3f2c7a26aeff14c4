package io.palisade.interceptor.jdbc;

import io.palisade.core.hook.JdbcHooks;
import java.sql.PreparedStatement;

/**
 * A prepared statement. Its SQL fired a {@code jdbc} prepare hook point when it was prepared; its own
 * {@code execute} methods carry only bound parameters, which never change the statement's structure.
 */
public class PalisadePreparedStatement extends PalisadeStatement implements ForwardingPreparedStatement {

    private final PreparedStatement prepared;

    PalisadePreparedStatement(PalisadeConnection connection, PreparedStatement prepared, JdbcHooks hooks) {
        super(connection, prepared, hooks);
        this.prepared = prepared;
    }

    @Override
    public PreparedStatement delegate() {
        return prepared;
    }

    // Nothing else: the calls of a plain statement are hooked by PalisadeStatement, the parameter
    // setters and the parameterless executes are forwarded by ForwardingPreparedStatement.
}
