package io.palisade.console;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The console's PostgreSQL: the one {@code CONSOLE_DB_URL} names, or an embedded one (binaries from
 * Maven, listening on 127.0.0.1 only) for the demo and the tests. A pool in front, and the schema
 * brought to the newest migration before anything else runs.
 */
final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final EmbeddedPostgres embedded;
    private final HikariDataSource pool;

    private Database(EmbeddedPostgres embedded, HikariDataSource pool) {
        this.embedded = embedded;
        this.pool = pool;
    }

    static Database open(ConsoleConfig config) {
        EmbeddedPostgres embedded = null;
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("palisade-console");
        hikari.setMaximumPoolSize(16);
        try {
            if (config.dbUrl().isPresent()) {
                hikari.setJdbcUrl(config.dbUrl().get());
                config.dbUser().ifPresent(hikari::setUsername);
                config.dbPassword().ifPresent(hikari::setPassword);
            } else {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(0)
                        .setServerConfig("listen_addresses", "127.0.0.1");
                if (config.dataDirectory().isPresent()) {
                    builder.setDataDirectory(config.dataDirectory().get()).setCleanDataDirectory(false);
                }
                embedded = builder.start();
                hikari.setDataSource(embedded.getPostgresDatabase());
                LOG.info("embedded PostgreSQL on 127.0.0.1:" + embedded.getPort()
                        + config.dataDirectory().map(d -> ", data in " + d).orElse(" (data discarded at exit; CONSOLE_DATA_DIR keeps it)"));
            }
            HikariDataSource pool = new HikariDataSource(hikari);
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            return new Database(embedded, pool);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        } catch (RuntimeException e) {
            if (embedded != null) {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the start already failed
                }
            }
            throw e;
        }
    }

    DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                LOG.warning("the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
