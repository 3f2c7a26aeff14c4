package io.palisade.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * A statement whose {@code executeQuery} returns at once, so that a benchmark of a delegate around
 * it measures the delegate and nothing of a database. Every other method refuses.
 */
@SuppressWarnings("deprecation")
final class ConstantStatement implements Statement {

    @Override
    public ResultSet executeQuery(String sql) {
        return null;
    }

@Override
    public void addBatch(String p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void cancel() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clearBatch() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void clearWarnings() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public String enquoteIdentifier(String p1, boolean p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public String enquoteLiteral(String p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public String enquoteNCharLiteral(String p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean execute(String p1, int[] p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean execute(String p1, String[] p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean execute(String p1, int p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean execute(String p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public long executeLargeUpdate(String p1, int[] p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public long executeLargeUpdate(String p1, String[] p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public long executeLargeUpdate(String p1, int p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public long executeLargeUpdate(String p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int executeUpdate(String p1, int[] p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int executeUpdate(String p1, String[] p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int executeUpdate(String p1, int p2) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int executeUpdate(String p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public Connection getConnection() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getFetchDirection() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getFetchSize() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getMaxRows() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean getMoreResults(int p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getResultSetConcurrency() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getResultSetType() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public int getUpdateCount() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isClosed() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean isSimpleIdentifier(String p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setCursorName(String p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setEscapeProcessing(boolean p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setFetchDirection(int p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setFetchSize(int p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setLargeMaxRows(long p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setMaxFieldSize(int p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setMaxRows(int p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setPoolable(boolean p1) throws SQLException {
        throw new UnsupportedOperationException();
    }

    @Override
    public void setQueryTimeout(int p1) throws SQLException {
        throw new UnsupportedOperationException();
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
