package io.palisade.core.detect.sql.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.detect.sql.SqlDialect;
import io.palisade.core.detect.sql.SqlInjectionDetector;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Embeds every SQL-injection payload of the corpus folder in each SQL context, runs it on a real H2
 * database, and checks that the detector flags every payload that really works there. A payload
 * "works" when the database accepts the concatenated statement and it does something other than
 * the same value would do as data: other rows than the parameterised query (string contexts),
 * another effect than inserting that one value (INSERT), or anything beyond plain numbers and
 * names (numeric, IN, ORDER BY and column contexts, where numbers and names are what the
 * application splices in on purpose). Writes a report to target/sqli-corpus-h2.txt.
 */
class SqlCorpusEvaluationTest {

    /** One complete string literal, maybe named by an alias: a constant in a select list or ORDER BY. */
    private static final Pattern ONE_LITERAL = Pattern.compile("\\s*'[^']*+(?:''[^']*+)*+'\\s*([A-Za-z_][A-Za-z0-9_]*)?\\s*");

    enum Context {
        STRING("SELECT id FROM books WHERE title = '<>'"),
        LIKE("SELECT id FROM books WHERE title LIKE '%<>%'"),
        NUMERIC("SELECT id FROM books WHERE id = <>"),
        IN_LIST("SELECT id FROM books WHERE id IN (<>)"),
        ORDER_BY("SELECT id FROM books ORDER BY <>"),
        COLUMN("SELECT id, <> FROM books"),
        INSERT("INSERT INTO reviews (book_id, body) VALUES (1, '<>')");

        final String template;

        Context(String template) {
            this.template = template;
        }
    }

    private static Connection admin;
    /** The application's account: rights on its own tables only, as a real application has. */
    private static Connection db;
    private static SqlDialect dialect;
    private static ScheduledExecutorService watchdog;
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() {
        watchdog = Executors.newSingleThreadScheduledExecutor();
    }

    private static void useH2() throws SQLException {
        closeConnections();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:corpus;DB_CLOSE_DELAY=-1");
        admin = h2.getConnection("sa", "");
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE USER IF NOT EXISTS app PASSWORD 'app'");
        }
        schema();
        JdbcDataSource application = new JdbcDataSource();
        application.setURL("jdbc:h2:mem:corpus");
        db = application.getConnection("app", "app");
        dialect = SqlDialect.H2;
    }

    private static void usePostgres() throws IOException, SQLException {
        closeConnections();
        postgres = EmbeddedPostgres.builder().setPort(0).setServerConfig("listen_addresses", "127.0.0.1").start();
        admin = postgres.getPostgresDatabase().getConnection();
        try (Statement statement = admin.createStatement()) {
            statement.execute("CREATE ROLE app LOGIN");
            // The database cancels what runs too long, reliably: that is how time-based payloads show.
            statement.execute("ALTER ROLE app SET statement_timeout = '250ms'");
        }
        schema();
        db = DriverManager.getConnection(postgres.getJdbcUrl("app", "postgres"));
        dialect = SqlDialect.POSTGRESQL;
    }

    private static void closeConnections() throws SQLException {
        if (db != null) {
            db.close();
            admin.close();
            db = null;
        }
    }

    private static void schema() throws SQLException {
        try (Statement statement = admin.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS books, users, reviews");
            statement.execute("CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(200), author VARCHAR(200))");
            statement.execute("INSERT INTO books VALUES (1, 'Emma', 'Austen'), (2, 'Dracula', 'Stoker'), (3, 'admin', 'x')");
            statement.execute("CREATE TABLE users (id INT PRIMARY KEY, username VARCHAR(50), password VARCHAR(50))");
            statement.execute("INSERT INTO users VALUES (1, 'admin', 'secret')");
            statement.execute("CREATE TABLE reviews (book_id INT, body VARCHAR(4000))");
            statement.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON books, users, reviews TO app");
        }
    }

    @AfterAll
    static void close() throws SQLException, IOException {
        watchdog.shutdownNow();
        closeConnections();
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Cancels {@code statement} if it is still running after 250 ms: it was accepted and is doing heavy work. */
    private static ScheduledFuture<?> guard(Statement statement) {
        return watchdog.schedule(() -> {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // the statement finished meanwhile
            }
        }, 250, TimeUnit.MILLISECONDS);
    }

    @Test
    void everyWorkingInjectionIsDetectedOnH2() throws Exception {
        useH2();
        evaluate("h2");
    }

    @Test
    void everyWorkingInjectionIsDetectedOnPostgreSql() throws Exception {
        usePostgres();
        evaluate("postgresql");
    }

    private static void evaluate(String name) throws Exception {
        List<String> payloads = Corpus.sqlInjections();
        Map<Context, int[]> counts = new EnumMap<>(Context.class);
        List<String> missed = new ArrayList<>();
        long started = System.nanoTime();
        for (Context context : Context.values()) {
            int[] c = new int[3]; // accepted, working, detected
            for (String payload : payloads) {
                String sql = context.template.replace("<>", payload);
                boolean working = works(context, payload, sql);
                if (!working) {
                    continue;
                }
                c[1]++;
                if (SqlInjectionDetector.find(sql, dialect,
                        List.of(new RequestInput(InputSource.QUERY, "q", payload, false))) != null) {
                    c[2]++;
                } else if (missed.size() < 200) {
                    missed.add(context + "\t" + payload);
                }
            }
            counts.put(context, c);
        }
        StringBuilder report = new StringBuilder("SQL injection corpus on " + name + ": " + payloads.size()
                + " distinct payloads\n");
        report.append(String.format("%-10s %8s %9s %9s%n", "context", "working", "detected", "rate"));
        int working = 0;
        int detected = 0;
        for (Map.Entry<Context, int[]> entry : counts.entrySet()) {
            int[] c = entry.getValue();
            working += c[1];
            detected += c[2];
            report.append(String.format("%-10s %8d %9d %8.2f%%%n", entry.getKey(), c[1], c[2], c[1] == 0 ? 100.0 : 100.0 * c[2] / c[1]));
        }
        report.append(String.format("%-10s %8d %9d %8.2f%%%n", "all", working, detected, 100.0 * detected / working));
        report.append(String.format("(%d s)%n", (System.nanoTime() - started) / 1_000_000_000L));
        report.append("\nmissed (first 200):\n");
        missed.forEach(m -> report.append(m).append('\n'));
        write("sqli-corpus-" + name + ".txt", report.toString());
        assertThat(working).as("payloads that work on " + name).isGreaterThan(300);
        assertThat(missed).as(report.toString()).isEmpty();
    }

    @Test
    void correctlyEscapedOrBoundTextIsNeverFlagged() throws IOException {
        List<String> benign = new ArrayList<>(Corpus.falsePositives());
        benign.addAll(List.of("O'Brien", "D'Artagnan", "it's a 'quoted' word", "Rock 'n' Roll", "select the best",
                "drop me a line", "union of workers", "1 OR 2 books", "Tom & Jerry; the movie", "-- not a comment",
                "/* stars */", "100%", "50% off -- today", "C:\\path\\file", "a\\'b", "\"double\" quotes", "x = y + 1",
                "DELETE key", "O''Brien", "'", "''", "#hashtag", "email@example.com", "https://example.com/?a=1&b=2"));
        List<String> flagged = new ArrayList<>();
        for (String text : benign) {
            String escaped = text.replace("'", "''");
            for (String sql : List.of(
                    "SELECT id FROM books WHERE title = '" + escaped + "'",
                    "SELECT id FROM books WHERE title LIKE '%" + escaped + "%'",
                    "INSERT INTO reviews (book_id, body) VALUES (1, '" + escaped + "')",
                    "SELECT id FROM books WHERE title = ? AND author = ?")) {
                for (SqlDialect dialect : List.of(SqlDialect.H2, SqlDialect.POSTGRESQL, SqlDialect.GENERIC)) {
                    if (SqlInjectionDetector.find(sql, dialect, List.of(new RequestInput(InputSource.FORM, "text", text, false))) != null) {
                        flagged.add(dialect + "\t" + sql);
                    }
                }
            }
            if (Corpus.PLAIN_NUMBERS.matcher(text).matches()) {
                String sql = "SELECT id FROM books WHERE id = " + text.strip();
                if (SqlInjectionDetector.find(sql, dialect, List.of(new RequestInput(InputSource.QUERY, "id", text, false))) != null) {
                    flagged.add(sql);
                }
            }
        }
        write("sqli-false-positives.txt", benign.size() + " benign texts, " + flagged.size() + " flagged\n"
                + String.join("\n", flagged) + "\n");
        assertThat(flagged).isEmpty();
    }

    private static boolean works(Context context, String payload, String sql) throws SQLException {
        if (dialect == SqlDialect.H2 && sql.toLowerCase(java.util.Locale.ROOT).contains("information_schema")) {
            return plannedDifferently(context, payload, sql);
        }
        switch (context) {
            case STRING:
            case LIKE: {
                List<Integer> raw = query(sql);
                if (raw == null) {
                    return false;
                }
                String bound = context == Context.LIKE ? "%" + payload + "%" : payload;
                String parameterised = context == Context.LIKE ? "SELECT id FROM books WHERE title LIKE ?"
                        : "SELECT id FROM books WHERE title = ?";
                // The same value as data, as the database reads the literal: '' is one quote.
                String collapsed = bound.replace("''", "'");
                try (PreparedStatement statement = db.prepareStatement(parameterised)) {
                    statement.setString(1, bound);
                    boolean differs = !raw.equals(rows(statement.executeQuery()));
                    statement.setString(1, collapsed);
                    return differs && !raw.equals(rows(statement.executeQuery()));
                }
            }
            case INSERT:
                return insertWorks(payload, sql);
            case NUMERIC:
            case IN_LIST:
                return !Corpus.PLAIN_NUMBERS.matcher(payload).matches() && query(sql) != null;
            default:
                return !Corpus.PLAIN_NAMES.matcher(payload).matches() && !ONE_LITERAL.matcher(payload).matches()
                        && query(sql) != null;
        }
    }

    /** Rows of a statement the database ran but that had to be cancelled: it was accepted, and it ran long. */
    private static final String CANCELLED = "57014";
    private static final List<Integer> RAN_LONG = List.of(Integer.MIN_VALUE);

    /** The rows {@code sql} returns, {@link #RAN_LONG}, or {@code null} if the database refuses it. */
    private static List<Integer> query(String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.setQueryTimeout(2);
            statement.setMaxRows(1000);
            ScheduledFuture<?> guard = guard(statement);
            try {
                boolean hasRows = statement.execute(sql);
                return hasRows ? rows(statement.getResultSet()) : List.of(-1);
            } finally {
                guard.cancel(false);
            }
        } catch (SQLException refused) {
            return CANCELLED.equals(refused.getSQLState()) ? RAN_LONG : null;
        } finally {
            repairIfNeeded(sql);
        }
    }

    private static boolean insertWorks(String payload, String sql) throws SQLException {
        db.setAutoCommit(false);
        try (Statement statement = db.createStatement()) {
            statement.setQueryTimeout(2);
            ScheduledFuture<?> guard = guard(statement);
            try {
                statement.execute(sql);
            } finally {
                guard.cancel(false);
            }
            try (ResultSet rows = statement.executeQuery("SELECT body FROM reviews")) {
                List<String> bodies = new ArrayList<>();
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
                return !bodies.equals(List.of(payload)) && !bodies.equals(List.of(payload.replace("''", "'")))
                        || tablesChanged();
            }
        } catch (SQLException refused) {
            return CANCELLED.equals(refused.getSQLState());
        } finally {
            db.rollback();
            db.setAutoCommit(true);
            repairIfNeeded(sql);
        }
    }

    /**
     * H2 cannot cancel a query while it materialises INFORMATION_SCHEMA, so statements that read it
     * are judged by H2's plan instead of run: the payload works if H2 accepts the statement and
     * its plan, literals blanked out, differs from the plan of the same value as data.
     */
    private static boolean plannedDifferently(Context context, String payload, String sql) throws SQLException {
        String raw = plan(sql);
        if (raw == null) {
            return false;
        }
        switch (context) {
            case STRING:
            case LIKE:
            case INSERT:
                String data = plan(context.template.replace("<>", payload.replace("'", "''")));
                return !raw.equals(data);
            default:
                return true;
        }
    }

    private static String plan(String sql) {
        try (Statement statement = db.createStatement(); ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) {
                plan.append(rows.getString(1));
            }
            return blankLiterals(plan.toString());
        } catch (SQLException refused) {
            return null;
        }
    }

    /** {@code text} with every '...' literal replaced by {@code ?}. */
    private static String blankLiterals(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c != '\'') {
                out.append(c);
                i++;
                continue;
            }
            i++;
            while (i < text.length() && !(text.charAt(i) == '\'' && (i + 1 >= text.length() || text.charAt(i + 1) != '\''))) {
                i += text.charAt(i) == '\'' ? 2 : 1;
            }
            i++;
            out.append('?');
        }
        return out.toString();
    }

    private static boolean tablesChanged() throws SQLException {
        try (Statement statement = admin.createStatement();
                ResultSet rows = statement.executeQuery("SELECT (SELECT COUNT(*) FROM books) * 10 + (SELECT COUNT(*) FROM users)")) {
            rows.next();
            return rows.getInt(1) != 31;
        } catch (SQLException tableGone) {
            return true;
        }
    }

    private static void repairIfNeeded(String sql) throws SQLException {
        if (sql.indexOf(';') >= 0) {
            schema();
        }
    }

    private static List<Integer> rows(ResultSet resultSet) throws SQLException {
        List<Integer> ids = new ArrayList<>();
        try (resultSet) {
            while (resultSet.next()) {
                ids.add(resultSet.getInt(1));
            }
        }
        return ids;
    }

    private static void write(String name, String text) throws IOException {
        Path target = Path.of("target");
        Files.createDirectories(target);
        Files.writeString(target.resolve(name), text);
    }
}
