package io.palisade.benchmarks;

import io.palisade.interceptor.jdbc.ForwardingStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A statement whose {@code executeQuery} returns at once, so that a benchmark of a delegate around
 * it measures the delegate and nothing of a database. Every other call refuses.
 */
final class ConstantStatement implements ForwardingStatement {

    private static final Statement REFUSING = Refusing.of(Statement.class);

    @Override
    public Statement delegate() {
        return REFUSING;
    }

    @Override
    public ResultSet executeQuery(String sql) {
        return null;
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
