package io.palisade.sample.bookstore;

import static io.palisade.sample.bookstore.Attacks.get;
import static io.palisade.sample.bookstore.Attacks.q;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Every test of {@link EvasionTest} on a real PostgreSQL server, and the escaping mode read from the
 * server: with {@code standard_conforming_strings=off} a backslash escapes a quote, so an input that
 * is an injection in the standard mode is data, and the other way round.
 */
class EvasionOnPostgresTest extends EvasionTest {

    @Override
    String database() {
        return "postgres";
    }

    @Test
    void theSessionsEscapingModeIsReadFromTheServer() throws Exception {
        String escaped = "O\\'Brien";
        try (BookstoreServer server = start()) {
            // Standard strings: the backslash is a character, the quote ends the application's literal.
            assertThat(get(server.uri(), "api/books/by-author?author=" + q(escaped)).statusCode()).isEqualTo(403);
            assertThat(get(server.uri(), "api/books/by-author?author=" + q("x\\")).statusCode()).isEqualTo(200);
            DataSource raw = server.container().select(Database.class).get().created();
            // (the pool's connections; new ones take a database-wide setting)
            try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("ALTER DATABASE postgres SET standard_conforming_strings = off");
            }
            Database database = server.container().select(Database.class).get();
            database.renewConnections();
            try {
                // New connections take the setting: the same input is one literal, an ordinary (empty) search.
                assertThat(get(server.uri(), "api/books/by-author?author=" + q(escaped)).statusCode()).isEqualTo(200);
                assertThat(get(server.uri(), "api/books/by-author?author=" + q("x' OR '1'='1")).statusCode())
                        .isEqualTo(403);
                // And an input that is harmless in the standard mode now escapes the closing quote.
                assertThat(get(server.uri(), "api/books/by-author?author=" + q("x\\")).statusCode()).isEqualTo(403);
            } finally {
                try (Connection connection = raw.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("ALTER DATABASE postgres RESET standard_conforming_strings");
                }
                database.renewConnections();
            }
        }
    }
}
