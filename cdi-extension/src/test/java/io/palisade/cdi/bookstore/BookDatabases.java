package io.palisade.cdi.bookstore;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * The bookstore fixture's databases: in-memory H2 with a {@code books} table of three rows. Shared,
 * with the rest of this package, by the extension's tests and the Weld embedded integration tests
 * (through this module's test jar); it needs nothing but H2.
 */
public final class BookDatabases {

    private BookDatabases() {
    }

    /** An in-memory H2 database with a {@code books} table of three rows, kept until the JVM exits. */
    public static JdbcDataSource database(String name) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS books");
            statement.execute("CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(100))");
            statement.execute("INSERT INTO books VALUES (1, 'Dune'), (2, 'Emma'), (3, 'Ulysses')");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return h2;
    }

    /** The rows of {@code books} in {@code dataSource}. */
    public static int count(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM books")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
