package io.palisade.interceptor.jdbc;

import io.palisade.interceptor.log.InterceptorMessages;
import io.palisade.core.detect.sql.SqlDialect;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The SQL dialect of one DataSource, read from {@code DatabaseMetaData} on first need and kept, and,
 * for databases whose sessions choose whether a backslash escapes a quote (PostgreSQL's
 * {@code standard_conforming_strings}, MySQL's {@code NO_BACKSLASH_ESCAPES}), the mode of each
 * physical connection, read once per connection with one query on first need. Shared by every
 * connection the DataSource hands out; a pool's connections are told apart by the driver's connection
 * behind the pool's proxy ({@code unwrap(Connection.class)}). Thread-safe.
 */
final class DialectHolder {


    private volatile SqlDialect dialect;
    private final Map<Connection, SqlDialect> modes = Collections.synchronizedMap(new WeakHashMap<>());

    /** The product's dialect, in its default mode. */
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

    /** The dialect in the mode {@code connection}'s session is in. */
    SqlDialect resolveWithMode(Connection connection) {
        SqlDialect product = resolve(connection);
        if (!product.hasEscapeModes()) {
            return product;
        }
        Connection physical = physical(connection);
        SqlDialect known = modes.get(physical);
        if (known == null) {
            known = readMode(connection, product);
            if (known != null) {
                modes.put(physical, known);
            }
        }
        return known == null ? product : known;
    }

    private static Connection physical(Connection connection) {
        try {
            Connection inner = connection.unwrap(Connection.class);
            return inner == null ? connection : inner;
        } catch (SQLException | RuntimeException e) {
            return connection;
        }
    }

    /** Asks the session; {@code null} when it cannot answer now (an aborted transaction), so it is asked again. */
    private static SqlDialect readMode(Connection connection, SqlDialect product) {
        try (Statement statement = connection.createStatement(); ResultSet row = statement.executeQuery(product.modeQuery())) {
            return row.next() ? product.withMode(row.getString(1)) : product;
        } catch (SQLException | RuntimeException e) {
            InterceptorMessages.ESCAPING_MODE_UNKNOWN.log(e);
            return null;
        }
    }
}
