package io.palisade.sample.bookstore;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;

/** A PostgreSQL server started from Maven-provided binaries, for {@code SAMPLE_DB=postgres}. */
final class EmbeddedPostgresDatabase implements AutoCloseable {

    private final EmbeddedPostgres server;

    private EmbeddedPostgresDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    static EmbeddedPostgresDatabase start() {
        try {
            return new EmbeddedPostgresDatabase(EmbeddedPostgres.builder().setPort(0).setServerConfig("listen_addresses", "127.0.0.1").start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
        }
    }

    DataSource dataSource() {
        return server.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
