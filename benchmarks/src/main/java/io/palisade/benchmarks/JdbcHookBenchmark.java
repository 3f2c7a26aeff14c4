package io.palisade.benchmarks;

import io.palisade.core.hook.Callback;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.JdbcHooks;
import io.palisade.core.hook.Verdict;
import io.palisade.interceptor.jdbc.PalisadeConnection;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the JDBC delegates add to {@code Statement.executeQuery(String)}.
 *
 * <ul>
 *   <li>{@code constant*}: around a statement that returns at once, so the difference is the
 *       delegate's own cost (target: within 5 ns with nothing attached).</li>
 *   <li>{@code h2*}: around a real H2 in-memory query, for scale.</li>
 *   <li>{@code *WithPassingCallback}: one attached prolog that lets the call through, the price
 *       of the slow path before any detector runs.</li>
 * </ul>
 *
 * Run: {@code java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar JdbcHookBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = "-Djmh.ignoreLock=true")
public class JdbcHookBenchmark {

    private static final String SQL = "SELECT id FROM t WHERE id = 1";

    private Statement constantRaw;
    private Statement constantWrapped;
    private Statement constantWithCallback;
    private Connection h2;
    private Statement h2Raw;
    private Statement h2Wrapped;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        JdbcHooks idle = new JdbcHooks();
        HookTable.builder().jdbc(idle).build();
        JdbcHooks busy = new JdbcHooks();
        HookTable busyTable = HookTable.builder().jdbc(busy).build();
        busyTable.attach(busy.executeQuery, Callback.builder("pass").expects(String.class)
                .prolog(invocation -> Verdict.CONTINUE).build());

        constantRaw = new ConstantStatement();
        constantWrapped = PalisadeConnection.wrap(new ConstantConnection(new ConstantStatement()), idle).createStatement();
        constantWithCallback = PalisadeConnection.wrap(new ConstantConnection(new ConstantStatement()), busy).createStatement();

        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
        h2 = dataSource.getConnection();
        try (Statement statement = h2.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS t (id INT PRIMARY KEY)");
            statement.execute("MERGE INTO t VALUES (1)");
        }
        h2Raw = h2.createStatement();
        h2Wrapped = PalisadeConnection.wrap(h2, idle).createStatement();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        h2.close();
    }

    @Benchmark
    public ResultSet constantRaw() throws SQLException {
        return constantRaw.executeQuery(SQL);
    }

    @Benchmark
    public ResultSet constantWrapped() throws SQLException {
        return constantWrapped.executeQuery(SQL);
    }

    @Benchmark
    public ResultSet constantWithPassingCallback() throws SQLException {
        return constantWithCallback.executeQuery(SQL);
    }

    @Benchmark
    public boolean h2Raw() throws SQLException {
        try (ResultSet rows = h2Raw.executeQuery(SQL)) {
            return rows.next();
        }
    }

    @Benchmark
    public boolean h2Wrapped() throws SQLException {
        try (ResultSet rows = h2Wrapped.executeQuery(SQL)) {
            return rows.next();
        }
    }
}
