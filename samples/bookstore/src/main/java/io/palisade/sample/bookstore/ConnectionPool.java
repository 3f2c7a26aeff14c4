package io.palisade.sample.bookstore;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;

/**
 * The embedded runtime's connection pool (HikariCP) in front of the sample's database. Servers bring
 * their own pools and the WAR carries no HikariCP: there {@link #wrap} answers {@code null}.
 */
final class ConnectionPool implements AutoCloseable {

    private final HikariDataSource pool;

    private ConnectionPool(HikariDataSource pool) {
        this.pool = pool;
    }

    /** A pool over {@code raw}, or {@code null} when HikariCP is not on the class path. */
    static ConnectionPool wrap(DataSource raw, String name) {
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, ConnectionPool.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
        return Hikari.create(raw, name);
    }

    DataSource dataSource() {
        return pool;
    }

    void renew() {
        pool.getHikariPoolMXBean().softEvictConnections();
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Kept apart so that the class above loads where HikariCP is missing. */
    private static final class Hikari {
        static ConnectionPool create(DataSource raw, String name) {
            HikariConfig config = new HikariConfig();
            config.setDataSource(raw);
            config.setPoolName(name);
            config.setMaximumPoolSize(8);
            config.setMinimumIdle(2);
            return new ConnectionPool(new HikariDataSource(config));
        }
    }
}
