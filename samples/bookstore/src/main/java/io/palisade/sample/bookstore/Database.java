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
                    + " author VARCHAR(200) NOT NULL, published INT NOT NULL, publisher VARCHAR(100) NOT NULL)");
            statement.execute("INSERT INTO books VALUES"
                    + " (1, 'Pride and Prejudice', 'Jane Austen', 1813, 'Egerton'),"
                    + " (2, 'Emma', 'Jane Austen', 1815, 'Murray'),"
                    + " (3, 'Moby-Dick', 'Herman Melville', 1851, 'Harper'),"
                    + " (4, 'Middlemarch', 'George Eliot', 1871, 'Blackwood'),"
                    + " (5, 'Dracula', 'Bram Stoker', 1897, 'Constable'),"
                    + " (6, 'Ulysses', 'James Joyce', 1922, 'Shakespeare and Company'),"
                    + " (7, 'Mrs Dalloway', 'Virginia Woolf', 1925, 'Hogarth'),"
                    + " (8, 'The Hobbit', 'J. R. R. Tolkien', 1937, 'Allen & Unwin')");
            statement.execute("CREATE TABLE users (id INT PRIMARY KEY, username VARCHAR(50) NOT NULL UNIQUE,"
                    + " password_hash VARCHAR(100) NOT NULL)");
            statement.execute("INSERT INTO users VALUES (1, 'alice', 'sha256:2bd806c97f0e00af1a1fc3328fa763a9269723c8db8fac4f93af71db186d6e90'),"
                    + " (2, 'bob', 'sha256:81b637d8fcd2c6da6359e6963113a1170de795e4b725b84d1e0b4cfd9ec58ce9')");
            statement.execute("CREATE TABLE sessions (token VARCHAR(64) PRIMARY KEY, user_id INT NOT NULL)");
            statement.execute("INSERT INTO sessions VALUES ('s-alice-7f3a', 1), ('s-bob-91c2', 2)");
            statement.execute("CREATE TABLE reviews (id INT AUTO_INCREMENT PRIMARY KEY, book_id INT NOT NULL,"
                    + " author VARCHAR(100) NOT NULL, body VARCHAR(2000) NOT NULL)");
            statement.execute("INSERT INTO reviews (book_id, author, body) VALUES (2, 'carol', 'Witty and warm.')");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the sample database", e);
        }
        return h2;
    }
}
