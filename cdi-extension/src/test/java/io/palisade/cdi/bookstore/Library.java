package io.palisade.cdi.bookstore;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reaches the database through each of the three ways an application gets a DataSource through CDI. */
@ApplicationScoped
public class Library {

    @Inject
    @Named("produced")
    DataSource produced;

    @Inject
    @Named("bean")
    DataSource bean;

    @Resource(lookup = "java:comp/env/jdbc/books")
    DataSource resource;

    public DataSource dataSource(String style) {
        switch (style) {
            case "producer":
                return produced;
            case "bean":
                return bean;
            case "resource":
                return resource;
            default:
                throw new IllegalArgumentException(style);
        }
    }

    /** Deliberately concatenated, as vulnerable applications do. */
    public List<String> titlesLike(String style, String query) throws SQLException {
        List<String> titles = new ArrayList<>();
        try (Connection connection = dataSource(style).getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT title FROM books WHERE title LIKE '%" + query + "%' ORDER BY id")) {
            while (rows.next()) {
                titles.add(rows.getString(1));
            }
        }
        return titles;
    }

    public String titleById(String style, int id) throws SQLException {
        try (Connection connection = dataSource(style).getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT title FROM books WHERE id = ?")) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    public int delete(String style, String where) throws SQLException {
        try (Connection connection = dataSource(style).getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate("DELETE FROM books WHERE " + where);
        }
    }

    /** The rows of {@code books} behind {@code style}. */
    public int count(String style) throws SQLException {
        return BookDatabases.count(dataSource(style));
    }
}
