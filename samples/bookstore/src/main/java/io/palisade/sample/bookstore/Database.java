package io.palisade.sample.bookstore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Produces the bookstore's DataSource, created and seeded on first use: H2 in memory by default, or
 * a real PostgreSQL server (embedded, bound to 127.0.0.1) when {@code SAMPLE_DB=postgres} (or the
 * system property {@code sample.db}).
 */
@ApplicationScoped
public class Database {

    /** The embedded PostgreSQL server, when there is one; typed loosely so that servers without it can load this class. */
    private AutoCloseable postgres;

    private DataSource created;

    /** The connection pool, when HikariCP is there (the embedded runtime). */
    private ConnectionPool pool;

    /** The books' DataSource (the first of the ways a DataSource reaches an application: a producer). */
    @Produces
    @ApplicationScoped
    DataSource dataSource() {
        return created();
    }

    /** The database itself, created and seeded on first use, as the application made it (not as produced). */
    synchronized DataSource created() {
        if (created == null) {
            created = create();
        }
        return created;
    }

    private DataSource create() {
        String kind = System.getProperty("sample.db", System.getenv().getOrDefault("SAMPLE_DB", "h2"))
                .toLowerCase(Locale.ROOT);
        DataSource dataSource;
        switch (kind) {
            case "h2":
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:bookstore-" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
                dataSource = h2;
                break;
            case "postgres":
            case "postgresql":
                EmbeddedPostgresDatabase embedded = EmbeddedPostgresDatabase.start();
                postgres = embedded;
                dataSource = embedded.dataSource();
                break;
            default:
                throw new IllegalArgumentException("SAMPLE_DB must be h2 or postgres, not '" + kind + "'");
        }
        seed(dataSource);
        // A pool in front, as real deployments have (the servers bring their own; the WAR has no HikariCP).
        pool = ConnectionPool.wrap(dataSource, "bookstore-" + kind);
        return pool != null ? pool.dataSource() : dataSource;
    }

    /** Makes the pool open new connections (a test that changes a database-wide setting needs them). */
    public synchronized void renewConnections() {
        if (pool != null) {
            pool.renew();
        }
    }

    @PreDestroy
    void stop() {
        if (pool != null) {
            pool.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (Exception e) {
                throw new IllegalStateException("could not stop the embedded PostgreSQL", e);
            }
        }
    }

    /**
     * The tables and rows, one statement per line so that JPA providers can run the same files as
     * their schema and load scripts (the persistence units of the WAR on the servers).
     */
    static final List<String> SCRIPTS = List.of("META-INF/sql/schema.sql", "META-INF/sql/data.sql");

    static List<String> statements(String resource) {
        try (InputStream in = Database.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing from the class path");
            }
            List<String> statements = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String sql = line.strip();
                if (!sql.isEmpty()) {
                    statements.add(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
                }
            }
            return statements;
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + resource, e);
        }
    }

    private static void seed(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String script : SCRIPTS) {
                for (String sql : statements(script)) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the sample database", e);
        }
    }
}
