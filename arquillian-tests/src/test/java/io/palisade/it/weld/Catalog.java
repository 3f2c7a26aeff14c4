package io.palisade.it.weld;

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

/** Reaches the database through a producer and a DataSource bean; {@code @Resource} resolves to null on Weld embedded. */
@ApplicationScoped
public class Catalog {

    @Inject
    @Named("produced")
    DataSource produced;

    @Inject
    @Named("bean")
    DataSource bean;

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource resource;

    public DataSource dataSource(String style) {
        return switch (style) {
            case "producer" -> produced;
            case "bean" -> bean;
            case "resource" -> resource;
            default -> throw new IllegalArgumentException(style);
        };
    }

    public List<String> namesLike(String style, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource(style).getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT name FROM items WHERE name LIKE '%" + query + "%' ORDER BY id")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    public String nameById(String style, int id) throws SQLException {
        try (Connection connection = dataSource(style).getConnection();
                PreparedStatement statement = connection.prepareStatement("SELECT name FROM items WHERE id = ?")) {
            statement.setInt(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    public int delete(String style, String where) throws SQLException {
        try (Connection connection = dataSource(style).getConnection(); Statement statement = connection.createStatement()) {
            return statement.executeUpdate("DELETE FROM items WHERE " + where);
        }
    }

    public int count(String style) throws SQLException {
        try (Connection connection = dataSource(style).unwrap(DataSource.class).getConnection();
                Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM items")) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
