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
 * Data access for the bookstore. The {@code unsafe...} methods are deliberately vulnerable: they
 * concatenate request input into SQL run through {@link Statement}, as the code Palisade protects
 * does. Each has a correct, parameterised twin.
 */
@ApplicationScoped
public class Books {

    private static final String COLUMNS = "SELECT id, title, author, published FROM books";

    // Field injection: a normal-scoped bean needs a no-argument constructor for its client proxy on
    // servers whose Weld does not relax that rule (WildFly).
    @Inject
    DataSource dataSource;

    /** Logins and sessions go through the application's own DataSource bean class. */
    @Inject
    @Accounts
    DataSource accounts;

    /** {@code WHERE title LIKE '%<term>%'}. */
    public List<Book> unsafeSearch(String term) throws SQLException {
        return query(COLUMNS + " WHERE title LIKE '%" + term + "%' ORDER BY id");
    }

    /** {@code WHERE author = '<author>'}. */
    public List<Book> unsafeByAuthor(String author) throws SQLException {
        return query(COLUMNS + " WHERE author = '" + author + "' ORDER BY id");
    }

    /** {@code WHERE LOWER(author) = '<author>'}: the caller lower-cases the input first. */
    public List<Book> unsafeByAuthorLowerCase(String lowerCaseAuthor) throws SQLException {
        return query(COLUMNS + " WHERE LOWER(author) = '" + lowerCaseAuthor + "' ORDER BY id");
    }

    /** {@code WHERE title = '<title>'}: the caller trims or decodes the input first. */
    public List<Book> unsafeByTitle(String title) throws SQLException {
        return query(COLUMNS + " WHERE title = '" + title + "' ORDER BY id");
    }

    /** {@code WHERE title NOT LIKE '%<exclude>%' ORDER BY <sort>}: two inputs in one statement. */
    public List<Book> unsafeFiltered(String exclude, String sort) throws SQLException {
        return query(COLUMNS + " WHERE title NOT LIKE '%" + exclude + "%' ORDER BY " + sort);
    }

    /** {@code WHERE id = <id>}: the id taken as a string. */
    public List<Book> unsafeById(String id) throws SQLException {
        return query(COLUMNS + " WHERE id = " + id);
    }

    /** {@code ORDER BY <sort>}. */
    public List<Book> unsafeSorted(String sort) throws SQLException {
        return query(COLUMNS + " ORDER BY " + sort);
    }

    /** {@code WHERE id IN (<ids>)}. */
    public List<Book> unsafeBatch(String ids) throws SQLException {
        return query(COLUMNS + " WHERE id IN (" + ids + ") ORDER BY id");
    }

    /** {@code WHERE publisher = '<publisher>'}. */
    public List<Book> unsafeByPublisher(String publisher) throws SQLException {
        return query(COLUMNS + " WHERE publisher = '" + publisher + "' ORDER BY id");
    }

    /** {@code SELECT id, <column> FROM books}: one column of every book, as strings. */
    public List<String> unsafeColumn(String column) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id, " + column + " FROM books ORDER BY id")) {
            while (rows.next()) {
                values.add(rows.getString(2));
            }
        }
        return values;
    }

    /** {@code WHERE username = '<username>' AND password_hash = '<hash>'}: the user's id, or null. */
    public Integer unsafeLogin(String username, String passwordHash) throws SQLException {
        try (Connection connection = accounts.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM users WHERE username = '" + username
                        + "' AND password_hash = '" + passwordHash + "'")) {
            return rows.next() ? rows.getInt(1) : null;
        }
    }

    /** {@code WHERE token = '<session>'}: the user name, or null. */
    public String unsafeUserForSession(String session) throws SQLException {
        try (Connection connection = accounts.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT u.username FROM sessions s JOIN users u ON u.id = s.user_id"
                        + " WHERE s.token = '" + session + "'")) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** {@code INSERT ... VALUES (<id>, '<author>', '<text>')}. */
    public int unsafeAddReview(int bookId, String author, String text) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate("INSERT INTO reviews (book_id, author, body) VALUES (" + bookId + ", '"
                    + author + "', '" + text + "')");
        }
    }

    /** The database product behind the sample, e.g. {@code H2} or {@code PostgreSQL}. */
    public String databaseProduct() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName();
        }
    }

    /** The review texts of a book, oldest first (parameterised). */
    public List<String> reviews(int bookId) throws SQLException {
        List<String> texts = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT body FROM reviews WHERE book_id = ? ORDER BY id")) {
            statement.setInt(1, bookId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
        }
        return texts;
    }

    public int count(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    // ---- the correct twins ----

    public List<Book> search(String term) throws SQLException {
        return query(COLUMNS + " WHERE title LIKE ? ORDER BY id", "%" + term + "%");
    }

    public List<Book> byAuthor(String author) throws SQLException {
        return query(COLUMNS + " WHERE author = ? ORDER BY id", author);
    }

    public Integer login(String username, String passwordHash) throws SQLException {
        try (Connection connection = accounts.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id FROM users WHERE username = ? AND password_hash = ?")) {
            statement.setString(1, username);
            statement.setString(2, passwordHash);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getInt(1) : null;
            }
        }
    }

    public int addReview(int bookId, String author, String text) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "INSERT INTO reviews (book_id, author, body) VALUES (?, ?, ?)")) {
            statement.setInt(1, bookId);
            statement.setString(2, author);
            statement.setString(3, text);
            return statement.executeUpdate();
        }
    }

    private List<Book> query(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = parameters.length == 0
                ? null : connection.prepareStatement(sql)) {
            if (statement == null) {
                try (Statement plain = connection.createStatement(); ResultSet rows = plain.executeQuery(sql)) {
                    return read(rows);
                }
            }
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
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
