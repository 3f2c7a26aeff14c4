package io.palisade.interceptor.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * A {@link Connection} that hands every call to {@link #delegate()}: the forwarding written once, so
 * that {@link PalisadeConnection} declares only the calls it hooks or wraps. Parameter names are the
 * JDBC API's.
 */
@SuppressWarnings("deprecation")
public interface ForwardingConnection extends Connection {

    /** The driver's (or the pool's) object every call not overridden goes to. */
    Connection delegate();

    @Override
    default void abort(Executor executor) throws SQLException {
        delegate().abort(executor);
    }

    @Override
    default void beginRequest() throws SQLException {
        delegate().beginRequest();
    }

    @Override
    default void clearWarnings() throws SQLException {
        delegate().clearWarnings();
    }

    @Override
    default void close() throws SQLException {
        delegate().close();
    }

    @Override
    default void commit() throws SQLException {
        delegate().commit();
    }

    @Override
    default Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        return delegate().createArrayOf(typeName, elements);
    }

    @Override
    default Blob createBlob() throws SQLException {
        return delegate().createBlob();
    }

    @Override
    default Clob createClob() throws SQLException {
        return delegate().createClob();
    }

    @Override
    default NClob createNClob() throws SQLException {
        return delegate().createNClob();
    }

    @Override
    default SQLXML createSQLXML() throws SQLException {
        return delegate().createSQLXML();
    }

    @Override
    default Statement createStatement() throws SQLException {
        return delegate().createStatement();
    }

    @Override
    default Statement createStatement(int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return delegate().createStatement(resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    default Statement createStatement(int resultSetType, int resultSetConcurrency) throws SQLException {
        return delegate().createStatement(resultSetType, resultSetConcurrency);
    }

    @Override
    default Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        return delegate().createStruct(typeName, attributes);
    }

    @Override
    default void endRequest() throws SQLException {
        delegate().endRequest();
    }

    @Override
    default boolean getAutoCommit() throws SQLException {
        return delegate().getAutoCommit();
    }

    @Override
    default String getCatalog() throws SQLException {
        return delegate().getCatalog();
    }

    @Override
    default Properties getClientInfo() throws SQLException {
        return delegate().getClientInfo();
    }

    @Override
    default String getClientInfo(String name) throws SQLException {
        return delegate().getClientInfo(name);
    }

    @Override
    default int getHoldability() throws SQLException {
        return delegate().getHoldability();
    }

    @Override
    default DatabaseMetaData getMetaData() throws SQLException {
        return delegate().getMetaData();
    }

    @Override
    default int getNetworkTimeout() throws SQLException {
        return delegate().getNetworkTimeout();
    }

    @Override
    default String getSchema() throws SQLException {
        return delegate().getSchema();
    }

    @Override
    default int getTransactionIsolation() throws SQLException {
        return delegate().getTransactionIsolation();
    }

    @Override
    default Map<String, Class<?>> getTypeMap() throws SQLException {
        return delegate().getTypeMap();
    }

    @Override
    default SQLWarning getWarnings() throws SQLException {
        return delegate().getWarnings();
    }

    @Override
    default boolean isClosed() throws SQLException {
        return delegate().isClosed();
    }

    @Override
    default boolean isReadOnly() throws SQLException {
        return delegate().isReadOnly();
    }

    @Override
    default boolean isValid(int timeout) throws SQLException {
        return delegate().isValid(timeout);
    }

    @Override
    default boolean isWrapperFor(Class<?> iface) throws SQLException {
        return delegate().isWrapperFor(iface);
    }

    @Override
    default String nativeSQL(String sql) throws SQLException {
        return delegate().nativeSQL(sql);
    }

    @Override
    default CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return delegate().prepareCall(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    default CallableStatement prepareCall(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return delegate().prepareCall(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    default CallableStatement prepareCall(String sql) throws SQLException {
        return delegate().prepareCall(sql);
    }

    @Override
    default PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return delegate().prepareStatement(sql, columnIndexes);
    }

    @Override
    default PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return delegate().prepareStatement(sql, columnNames);
    }

    @Override
    default PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency, int resultSetHoldability) throws SQLException {
        return delegate().prepareStatement(sql, resultSetType, resultSetConcurrency, resultSetHoldability);
    }

    @Override
    default PreparedStatement prepareStatement(String sql, int resultSetType, int resultSetConcurrency) throws SQLException {
        return delegate().prepareStatement(sql, resultSetType, resultSetConcurrency);
    }

    @Override
    default PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return delegate().prepareStatement(sql, autoGeneratedKeys);
    }

    @Override
    default PreparedStatement prepareStatement(String sql) throws SQLException {
        return delegate().prepareStatement(sql);
    }

    @Override
    default void releaseSavepoint(Savepoint savepoint) throws SQLException {
        delegate().releaseSavepoint(savepoint);
    }

    @Override
    default void rollback() throws SQLException {
        delegate().rollback();
    }

    @Override
    default void rollback(Savepoint savepoint) throws SQLException {
        delegate().rollback(savepoint);
    }

    @Override
    default void setAutoCommit(boolean autoCommit) throws SQLException {
        delegate().setAutoCommit(autoCommit);
    }

    @Override
    default void setCatalog(String catalog) throws SQLException {
        delegate().setCatalog(catalog);
    }

    @Override
    default void setClientInfo(String name, String value) throws SQLClientInfoException {
        delegate().setClientInfo(name, value);
    }

    @Override
    default void setClientInfo(Properties properties) throws SQLClientInfoException {
        delegate().setClientInfo(properties);
    }

    @Override
    default void setHoldability(int holdability) throws SQLException {
        delegate().setHoldability(holdability);
    }

    @Override
    default void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        delegate().setNetworkTimeout(executor, milliseconds);
    }

    @Override
    default void setReadOnly(boolean readOnly) throws SQLException {
        delegate().setReadOnly(readOnly);
    }

    @Override
    default Savepoint setSavepoint() throws SQLException {
        return delegate().setSavepoint();
    }

    @Override
    default Savepoint setSavepoint(String name) throws SQLException {
        return delegate().setSavepoint(name);
    }

    @Override
    default void setSchema(String schema) throws SQLException {
        delegate().setSchema(schema);
    }

    @Override
    default void setShardingKey(ShardingKey shardingKey, ShardingKey superShardingKey) throws SQLException {
        delegate().setShardingKey(shardingKey, superShardingKey);
    }

    @Override
    default void setShardingKey(ShardingKey shardingKey) throws SQLException {
        delegate().setShardingKey(shardingKey);
    }

    @Override
    default boolean setShardingKeyIfValid(ShardingKey shardingKey, int timeout) throws SQLException {
        return delegate().setShardingKeyIfValid(shardingKey, timeout);
    }

    @Override
    default boolean setShardingKeyIfValid(ShardingKey shardingKey, ShardingKey superShardingKey, int timeout) throws SQLException {
        return delegate().setShardingKeyIfValid(shardingKey, superShardingKey, timeout);
    }

    @Override
    default void setTransactionIsolation(int level) throws SQLException {
        delegate().setTransactionIsolation(level);
    }

    @Override
    default void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        delegate().setTypeMap(map);
    }

    @Override
    default <T> T unwrap(Class<T> iface) throws SQLException {
        return delegate().unwrap(iface);
    }
}
