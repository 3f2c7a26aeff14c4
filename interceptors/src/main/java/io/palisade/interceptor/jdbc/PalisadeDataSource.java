package io.palisade.interceptor.jdbc;

import io.palisade.core.hook.JdbcHooks;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ConnectionBuilder;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.ShardingKey;
import java.sql.ShardingKeyBuilder;
import java.util.Objects;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@code DataSource} whose connections are {@link PalisadeConnection}s. Used for DataSources the
 * extension cannot intercept as beans: producer products and {@code @Resource} fields.
 */
public final class PalisadeDataSource implements DataSource {

    private final DataSource delegate;
    private final JdbcHooks hooks;
    private final DialectHolder dialect = new DialectHolder();

    private PalisadeDataSource(DataSource delegate, JdbcHooks hooks) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
    }

    /** Wraps {@code dataSource}, unless it is {@code null} or already wrapped: wrapping is idempotent. */
    public static DataSource wrap(DataSource dataSource, JdbcHooks hooks) {
        if (dataSource == null || dataSource instanceof PalisadeDataSource) {
            return dataSource;
        }
        return new PalisadeDataSource(dataSource, hooks);
    }

    /** The application's own DataSource behind {@code dataSource}, or {@code dataSource} itself. */
    public static Object unwrapped(Object dataSource) {
        return dataSource instanceof PalisadeDataSource ? ((PalisadeDataSource) dataSource).delegate : dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return PalisadeConnection.wrap(delegate.getConnection(), hooks, dialect);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return PalisadeConnection.wrap(delegate.getConnection(username, password), hooks, dialect);
    }

    @Override
    public ConnectionBuilder createConnectionBuilder() throws SQLException {
        return new WrappingConnectionBuilder(delegate.createConnectionBuilder());
    }

    @Override
    public ShardingKeyBuilder createShardingKeyBuilder() throws SQLException {
        return delegate.createShardingKeyBuilder();
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return delegate.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        delegate.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        delegate.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return delegate.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return delegate.getParentLogger();
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) throws SQLException {
        return JdbcCalls.isWrapperFor(this, delegate, iface);
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        return JdbcCalls.unwrap(this, delegate, iface);
    }

    @Override
    public String toString() {
        return "PalisadeDataSource[" + delegate + "]";
    }

    /** Connections built through {@link #createConnectionBuilder()} are wrapped too. */
    private final class WrappingConnectionBuilder implements ConnectionBuilder {
        private final ConnectionBuilder builder;

        WrappingConnectionBuilder(ConnectionBuilder builder) {
            this.builder = builder;
        }

        @Override
        public ConnectionBuilder user(String username) {
            builder.user(username);
            return this;
        }

        @Override
        public ConnectionBuilder password(String password) {
            builder.password(password);
            return this;
        }

        @Override
        public ConnectionBuilder shardingKey(ShardingKey shardingKey) {
            builder.shardingKey(shardingKey);
            return this;
        }

        @Override
        public ConnectionBuilder superShardingKey(ShardingKey superShardingKey) {
            builder.superShardingKey(superShardingKey);
            return this;
        }

        @Override
        public Connection build() throws SQLException {
            return PalisadeConnection.wrap(builder.build(), hooks, dialect);
        }
    }
}
