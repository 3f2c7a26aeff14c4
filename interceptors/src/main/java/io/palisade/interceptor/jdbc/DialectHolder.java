package io.palisade.interceptor.jdbc;

import io.palisade.core.detect.sql.SqlDialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The SQL dialect of one DataSource, read from {@code DatabaseMetaData} on first need and kept.
 * Shared by every connection the DataSource hands out. Thread-safe: a race reads it twice, harmlessly.
 */
final class DialectHolder {

    private volatile SqlDialect dialect;

    SqlDialect resolve(Connection connection) {
        SqlDialect known = dialect;
        if (known == null) {
            try {
                known = SqlDialect.fromProductName(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException | RuntimeException e) {
                known = SqlDialect.GENERIC;
            }
            dialect = known;
        }
        return known;
    }
}
