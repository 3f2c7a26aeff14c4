package io.palisade.sample.bookstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The embedded runtime's connection pool (HikariCP) in front of the sample's database. Servers bring
 * their own pools and the WAR carries no HikariCP: there {@link #wrap} answers {@code null}. HikariCP's
 * types appear only in the nested class, so that this one loads and verifies without them.
 */
final class ConnectionPool implements AutoCloseable {

    private final DataSource pool;

    private ConnectionPool(DataSource pool) {
        this.pool = pool;
    }

    /** A pool over {@code raw}, or {@code null} when HikariCP is not on the class path. */
    static ConnectionPool wrap(DataSource raw, String name) {
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, ConnectionPool.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
        return new ConnectionPool(Hikari.create(raw, name));
    }

    DataSource dataSource() {
        return pool;
    }

    void renew() {
        Hikari.renew(pool);
    }

    @Override
    public void close() {
        Hikari.close(pool);
    }

    private static final class Hikari {
        static DataSource create(DataSource raw, String name) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(raw);
            config.setPoolName(name);
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(2);
            return new HikariDataSource(config);
        }

        static void renew(DataSource pool) {
            ((HikariDataSource) pool).getHikariPoolMXBean().softEvictConnections();
        }

        static void close(DataSource pool) {
            ((HikariDataSource) pool).close();
        }
    }
}
