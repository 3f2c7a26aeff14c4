package io.palisade.sample.bookstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** Produces the bookstore's DataSource: an in-memory H2 database, created and seeded on first use. */
@ApplicationScoped
public class Database {

    @Produces
    @ApplicationScoped
    DataSource dataSource() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:bookstore-" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(200) NOT NULL,"
                    + " author VARCHAR(200) NOT NULL, published INT NOT NULL)");
            statement.execute("INSERT INTO books VALUES"
                    + " (1, 'Pride and Prejudice', 'Jane Austen', 1813),"
                    + " (2, 'Emma', 'Jane Austen', 1815),"
                    + " (3, 'Moby-Dick', 'Herman Melville', 1851),"
                    + " (4, 'Middlemarch', 'George Eliot', 1871),"
                    + " (5, 'Dracula', 'Bram Stoker', 1897),"
                    + " (6, 'Ulysses', 'James Joyce', 1922),"
                    + " (7, 'Mrs Dalloway', 'Virginia Woolf', 1925),"
                    + " (8, 'The Hobbit', 'J. R. R. Tolkien', 1937)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the sample database", e);
        }
        return h2;
    }
}
