package io.palisade.interceptor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.core.hook.Callback;
import io.palisade.core.hook.CallbackSet;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Installation;
import io.palisade.core.hook.JdbcHooks;
import io.palisade.api.PalisadeBlockedException;
import io.palisade.core.hook.Verdict;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbc.JdbcConnection;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbcDelegatesTest {

    private final JdbcHooks hooks = new JdbcHooks();
    private final HookTable table = HookTable.builder().jdbc(hooks).build();
    private final List<String> fired = new ArrayList<>();
    private final List<Object> sqlSeen = new ArrayList<>();
    private DataSource dataSource;
    private Connection keepAlive;

    @BeforeEach
    void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:delegates" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        keepAlive = h2.getConnection();
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(100))");
            statement.execute("INSERT INTO books VALUES (1, 'Dune'), (2, 'Emma')");
            statement.execute("CREATE ALIAS TWICE FOR 'java.lang.Math.abs(int)'");
        }
        dataSource = PalisadeDataSource.wrap(h2, hooks);
    }

    @AfterEach
    void close() throws SQLException {
        keepAlive.close();
    }

    private Installation recordAll() {
        Callback record = Callback.builder("record").prolog(inv -> {
            fired.add(inv.hookPoint().symbol());
            sqlSeen.add(inv.arguments().size() > 0 ? inv.arguments().get(0) : null);
            return Verdict.CONTINUE;
        }).build();
        return table.install(CallbackSet.builder().addAll(hooks.all(), record).build());
    }

    @Test
    void everySqlCarryingCallFiresItsOwnHookPoint() throws SQLException {
        recordAll();
        String select = "SELECT title FROM books";
        String update = "UPDATE books SET title = title";
        try (Connection connection = dataSource.getConnection()) {
            connection.prepareStatement(select).close();
            connection.prepareStatement(select, Statement.RETURN_GENERATED_KEYS).close();
            connection.prepareStatement(select, new int[] {1}).close();
            connection.prepareStatement(select, new String[] {"ID"}).close();
            connection.prepareStatement(select, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY).close();
            connection.prepareStatement(select, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                    ResultSet.CLOSE_CURSORS_AT_COMMIT).close();
            connection.prepareCall("CALL TWICE(-2)").close();
            connection.prepareCall("CALL TWICE(-2)", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY).close();
            connection.prepareCall("CALL TWICE(-2)", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY,
                    ResultSet.CLOSE_CURSORS_AT_COMMIT).close();
            connection.nativeSQL(select);
            try (Statement statement = connection.createStatement()) {
                statement.executeQuery(select).close();
                statement.execute(select);
                statement.execute(update, Statement.NO_GENERATED_KEYS);
                statement.execute(update, new int[] {1});
                statement.execute(update, new String[] {"ID"});
                statement.executeUpdate(update);
                statement.executeUpdate(update, Statement.NO_GENERATED_KEYS);
                statement.executeUpdate(update, new int[] {1});
                statement.executeUpdate(update, new String[] {"ID"});
                statement.executeLargeUpdate(update);
                statement.executeLargeUpdate(update, Statement.NO_GENERATED_KEYS);
                statement.executeLargeUpdate(update, new int[] {1});
                statement.executeLargeUpdate(update, new String[] {"ID"});
                statement.addBatch(update);
                statement.executeBatch();
                statement.addBatch(update);
                statement.executeLargeBatch();
            }
        }
        List<String> expected = new ArrayList<>(hooks.all().stream().map(HookPoint::symbol).toList());
        // addBatch runs twice above, once before each batch execution.
        expected.add(expected.indexOf(hooks.executeLargeBatch.symbol()), hooks.addBatch.symbol());
        assertThat(fired).containsExactlyElementsOf(expected);
        assertThat(sqlSeen.subList(0, 6)).containsOnly(select);
        assertThat(sqlSeen.get(10)).isEqualTo(select);
    }

    @Test
    void abortedCallsThrowASqlExceptionAndNeverReachTheDatabase() throws SQLException {
        table.attach(hooks.executeUpdate, Callback.builder("deny-delete").expects(String.class)
                .prolog(inv -> inv.arguments().get(0, String.class).startsWith("DELETE")
                        ? Verdict.abort("no deletes") : Verdict.CONTINUE)
                .build());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM books"))
                    .isInstanceOf(PalisadeBlockedException.class)
                    .isInstanceOf(SQLException.class)
                    .hasMessage("Blocked by Palisade")
                    .satisfies(e -> assertThat(((PalisadeBlockedException) e).invocation().verdict().reason())
                            .isEqualTo("no deletes"));
            assertThat(statement.executeUpdate("UPDATE books SET title = 'Persuasion' WHERE id = 2")).isEqualTo(1);
        }
        try (Statement statement = keepAlive.createStatement(); ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM books")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(2);
        }
    }

    @Test
    void abortedPrepareNeverReachesTheDriver() throws SQLException {
        table.attach(hooks.prepareStatement, Callback.builder("deny").prolog(inv -> Verdict.abort("test")).build());
        try (Connection connection = dataSource.getConnection()) {
            assertThatThrownBy(() -> connection.prepareStatement("SELECT * FROM no_such_table"))
                    .isInstanceOf(PalisadeBlockedException.class);
        }
    }

    @Test
    void epilogsSeeResultsAndDriverFailures() throws SQLException {
        List<Object> results = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        table.attach(hooks.executeUpdate, Callback.builder("after").epilog((inv, result, failure) -> {
            results.add(result);
            failures.add(failure);
        }).build());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThat(statement.executeUpdate("UPDATE books SET title = title")).isEqualTo(2);
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE nowhere SET x = 1")).isInstanceOf(SQLException.class);
        }
        assertThat(results).containsExactly(2, null);
        assertThat(failures.get(0)).isNull();
        assertThat(failures.get(1)).isInstanceOf(SQLException.class).isNotInstanceOf(PalisadeBlockedException.class);
    }

    @Test
    void detachedCallbacksNoLongerRun() throws SQLException {
        Installation installed = recordAll();
        installed.detach();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1").close();
        }
        assertThat(fired).isEmpty();
    }

    @Test
    void wrappersAnswerUnwrapAndLeadBackToTheWrappedConnection() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            assertThat(connection).isInstanceOf(PalisadeConnection.class);
            assertThat(connection.isWrapperFor(JdbcConnection.class)).isTrue();
            assertThat(connection.unwrap(JdbcConnection.class)).isInstanceOf(JdbcConnection.class);
            assertThat(connection.unwrap(Connection.class)).isSameAs(connection);
            assertThat(dataSource.unwrap(JdbcDataSource.class)).isInstanceOf(JdbcDataSource.class);
            assertThat(dataSource.isWrapperFor(JdbcDataSource.class)).isTrue();
            assertThat(PalisadeDataSource.wrap(dataSource, hooks)).isSameAs(dataSource);
            assertThat(PalisadeConnection.wrap(connection, hooks)).isSameAs(connection);

            try (Statement statement = connection.createStatement();
                    PreparedStatement prepared = connection.prepareStatement("SELECT title FROM books WHERE id = ?");
                    CallableStatement callable = connection.prepareCall("CALL TWICE(?)")) {
                assertThat(statement.getConnection()).isSameAs(connection);
                assertThat(prepared.getConnection()).isSameAs(connection);
                assertThat(callable.getConnection()).isSameAs(connection);
                assertThat(prepared).isInstanceOf(PalisadePreparedStatement.class);
                assertThat(callable).isInstanceOf(PalisadeCallableStatement.class);
                assertThat(prepared.unwrap(PreparedStatement.class)).isSameAs(prepared);
                assertThat(prepared.isWrapperFor(org.h2.jdbc.JdbcPreparedStatement.class)).isTrue();

                prepared.setInt(1, 1);
                try (ResultSet rows = prepared.executeQuery()) {
                    assertThat(rows.next()).isTrue();
                    assertThat(rows.getString(1)).isEqualTo("Dune");
                }
                callable.setInt(1, -21);
                try (ResultSet rows = callable.executeQuery()) {
                    rows.next();
                    assertThat(rows.getInt(1)).isEqualTo(21);
                }
            }
        }
    }

    @Test
    void callbacksLearnTheDatabasesDialectFromItsMetadata() throws SQLException {
        List<Object> targets = new ArrayList<>();
        table.attach(hooks.executeQuery, Callback.builder("dialect").prolog(inv -> {
            targets.add(((io.palisade.core.detect.sql.SqlSource) inv.target()).sqlDialect());
            return Verdict.CONTINUE;
        }).build());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT 1").close();
            assertThat(((io.palisade.core.detect.sql.SqlSource) connection).sqlDialect())
                    .isEqualTo(io.palisade.core.detect.sql.SqlDialect.H2);
        }
        assertThat(targets).containsExactly(io.palisade.core.detect.sql.SqlDialect.H2);
    }

    @Test
    void connectionBuilderConnectionsAreWrapped() throws SQLException {
        AtomicInteger calls = new AtomicInteger();
        table.attach(hooks.executeQuery, Callback.builder("count").prolog(inv -> {
            calls.incrementAndGet();
            return Verdict.CONTINUE;
        }).build());
        try {
            Connection built = dataSource.createConnectionBuilder().user("sa").password("").build();
            try (built; Statement statement = built.createStatement()) {
                statement.executeQuery("SELECT 1").close();
            }
            assertThat(calls).hasValue(1);
        } catch (java.sql.SQLFeatureNotSupportedException driverHasNoBuilder) {
            // H2 implements the builder; if a future version does not, the wrapper must still forward the refusal.
            assertThat((Throwable) driverHasNoBuilder).isNotInstanceOf(PalisadeBlockedException.class);
        }
    }
}
