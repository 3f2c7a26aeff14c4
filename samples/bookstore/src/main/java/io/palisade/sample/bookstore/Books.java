package io.palisade.sample.bookstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Data access for books. {@link #searchUnsafe} is deliberately vulnerable: it concatenates the
 * search term into the SQL, as the code Palisade is meant to protect does. {@link #search} is the
 * correct, parameterised twin.
 */
@ApplicationScoped
public class Books {

    private final DataSource dataSource;

    @Inject
    public Books(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Vulnerable: {@code ... WHERE title LIKE '%<term>%'}. */
    public List<Book> searchUnsafe(String term) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT id, title, author, published FROM books WHERE title LIKE '%" + term + "%' ORDER BY id")) {
            return read(rows);
        }
    }

    public List<Book> search(String term) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(
                "SELECT id, title, author, published FROM books WHERE title LIKE ? ORDER BY id")) {
            statement.setString(1, "%" + term + "%");
            try (ResultSet rows = statement.executeQuery()) {
                return read(rows);
            }
        }
    }

    private static List<Book> read(ResultSet rows) throws SQLException {
        List<Book> books = new ArrayList<>();
        while (rows.next()) {
            books.add(new Book(rows.getInt(1), rows.getString(2), rows.getString(3), rows.getInt(4)));
        }
        return books;
    }
}
