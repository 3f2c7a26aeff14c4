package io.palisade.console;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The little JDBC the console needs: statements with bound parameters only (nothing is ever spliced
 * into SQL), rows mapped by a function, and transactions.
 */
final class Sql {

    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    Sql(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return run(connection -> list(connection, sql, row, parameters));
    }

    <T> Optional<T> one(String sql, Row<T> row, Object... parameters) {
        List<T> rows = list(sql, row, parameters);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    int update(String sql, Object... parameters) {
        return run(connection -> update(connection, sql, parameters));
    }

    static <T> List<T> list(Connection connection, String sql, Row<T> row, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.map(rows));
            }
            return result;
        }
    }

    static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    /** Runs {@code work} on one connection, in autocommit. */
    <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Runs {@code work} in one transaction: all of it is stored, or none. */
    <T> T transaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                Object value = parameters[i];
                statement.setObject(i + 1, value instanceof Instant ? Timestamp.from((Instant) value) : value);
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** The database failed: the caller answers 503, the details go to the log only. */
    static final class StorageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        StorageException(SQLException cause) {
            super("database error (SQLState " + cause.getSQLState() + ")", cause);
        }
    }
}
