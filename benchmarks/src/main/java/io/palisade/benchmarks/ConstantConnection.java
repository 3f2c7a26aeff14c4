package io.palisade.benchmarks;

import io.palisade.interceptor.jdbc.ForwardingConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** A connection that hands out one given statement; every other call refuses. */
final class ConstantConnection implements ForwardingConnection {

    private static final Connection REFUSING = Refusing.of(Connection.class);

    private final Statement statement;

    ConstantConnection(Statement statement) {
        this.statement = statement;
    }

    @Override
    public Connection delegate() {
        return REFUSING;
    }

    @Override
    public Statement createStatement() {
        return statement;
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency) {
        return statement;
    }

    @Override
    public Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) {
        return statement;
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
    }
}
