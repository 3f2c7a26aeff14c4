package io.palisade.core.detect.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestInput;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlInjectionDetectorTest {

    private static SqlInjection check(String template, String value, SqlDialect dialect) {
        String sql = template.replace("<>", value);
        return SqlInjectionDetector.find(sql, dialect, List.of(new RequestInput(InputSource.QUERY, "q", value, false)));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        // string context
        "SELECT * FROM users WHERE name = '<>'|x' OR '1'='1|ends a string",
        "SELECT * FROM users WHERE name = '<>' AND pw = 'h'|admin'--|ends a string",
        "SELECT * FROM users WHERE name = '<>'|' UNION SELECT password FROM users--|ends a string",
        "SELECT * FROM books WHERE title LIKE '%<>%'|%' AND 1=0 UNION SELECT 1,2,3 --|ends a string",
        "SELECT * FROM books WHERE title = '<>'|abc'|a string",
        // numeric context
        "SELECT * FROM books WHERE id = <>|1 OR 1=1|spans",
        "SELECT * FROM books WHERE id = <>|1 AND SLEEP(5)|spans",
        "SELECT * FROM books WHERE id = <>|1; DROP TABLE books|ends the statement",
        "SELECT * FROM books WHERE id = <>|2-1|spans",
        "SELECT * FROM books WHERE id = <>|1 OR true|spans",
        "SELECT * FROM books WHERE id = <>|1/*x*/|opens a comment",
        // ORDER BY, IN, identifier
        "SELECT * FROM books ORDER BY <>|(CASE WHEN 1=1 THEN title ELSE author END)|spans",
        "SELECT * FROM books ORDER BY <>|title; DELETE FROM books|ends the statement",
        "SELECT * FROM books WHERE id IN (<>)|1) OR (1=1|spans",
        "SELECT id, <> FROM books|(SELECT password FROM users LIMIT 1)|spans",
        "SELECT id, <> FROM books|title FROM users --|opens a comment",
        // INSERT values
        "INSERT INTO reviews VALUES (1, 'bob', '<>')|x'), (1, 'eve', 'spam|ends a string",
    })
    void injectionsAreFlagged(String template, String payload, String reason) {
        for (SqlDialect dialect : SqlDialect.values()) {
            SqlInjection found = check(template, payload, dialect);
            assertThat(found).as(dialect.name()).isNotNull();
            assertThat(found.reason()).as(dialect.name()).contains(reason);
        }
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SELECT * FROM books WHERE title LIKE '%<>%'|Pride and Prejudice",
        "SELECT * FROM books WHERE title LIKE '%<>%'|select the best book from the list",
        "SELECT * FROM books WHERE title LIKE '%<>%'|100% cotton -- really",
        "SELECT * FROM books WHERE title LIKE '%<>%'|1 OR 1=1",
        "SELECT * FROM books WHERE id = <>|42",
        "SELECT * FROM books WHERE id = <>|-5",
        "SELECT * FROM books WHERE price = <>|3.14",
        "SELECT * FROM books WHERE id IN (<>)|1,2,3",
        "SELECT * FROM books ORDER BY <>|title",
        "SELECT * FROM books ORDER BY <>|title DESC, author ASC",
        "SELECT * FROM books ORDER BY <>|b.title desc nulls last",
        "SELECT id, <> FROM books|author",
        "SELECT id FROM books WHERE id = ?|it's fine",
    })
    void dataIsNotFlagged(String template, String value) {
        for (SqlDialect dialect : SqlDialect.values()) {
            assertThat(check(template, value, dialect)).as(dialect.name()).isNull();
        }
    }

    @Test
    void correctlyEscapedApostrophesAreData() {
        String sql = "SELECT * FROM authors WHERE name = 'O''Brien'";
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.GENERIC,
                List.of(new RequestInput(InputSource.QUERY, "name", "O'Brien", false)))).isNull();
        String mysql = "SELECT * FROM authors WHERE name = 'O\\'Brien'";
        assertThat(SqlInjectionDetector.find(mysql, SqlDialect.MYSQL,
                List.of(new RequestInput(InputSource.QUERY, "name", "O'Brien", false)))).isNull();
    }

    @Test
    void wordsThatMatchTheApplicationsOwnSqlByCoincidenceAreData() {
        String sql = "SELECT title FROM books WHERE title LIKE '%FROM books%'";
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.H2,
                List.of(new RequestInput(InputSource.QUERY, "q", "FROM books", false)))).isNull();
    }

    @Test
    void dialectMatters() {
        // A backslash escapes a quote only where the database says so: in MySQL this is one harmless literal.
        String template = "SELECT * FROM users WHERE name = '<>'";
        assertThat(check(template, "\\' OR 1=1 -- ", SqlDialect.MYSQL)).isNull();
        assertThat(check(template, "\\' OR 1=1 -- ", SqlDialect.POSTGRESQL)).isNotNull();
        // PostgreSQL dollar quoting: closing the application's $$ string is structure.
        assertThat(check("SELECT $$<>$$", "a$$ || (SELECT 1) || $$b", SqlDialect.POSTGRESQL)).isNotNull();
        // MySQL double-quoted strings.
        assertThat(check("SELECT * FROM users WHERE name = \"<>\"", "x\" OR \"1\"=\"1", SqlDialect.MYSQL)).isNotNull();
        // Oracle alternative quoting: data inside q'[...]' stays data.
        assertThat(check("SELECT * FROM t WHERE a = q'[<>]'", "it's", SqlDialect.ORACLE)).isNull();
        // SQL Server brackets.
        assertThat(check("SELECT [<>] FROM t", "a] FROM users; --", SqlDialect.SQLSERVER)).isNotNull();
        // MySQL '#' comments.
        assertThat(check("SELECT * FROM t WHERE a = '<>'", "x'#", SqlDialect.MYSQL)).isNotNull();
    }

    @Test
    void percentEncodedFormsAreCheckedToo() {
        String sql = "SELECT * FROM users WHERE name = 'x' OR '1'='1'";
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.H2,
                List.of(new RequestInput(InputSource.QUERY, "q", "x%27%20OR%20%271%27%3D%271", false)))).isNotNull();
        assertThat(SqlInjectionDetector.percentDecoded("%E2%82%AC 100%")).isEqualTo("€ 100%");
        assertThat(SqlInjectionDetector.percentDecoded("plain")).isNull();
    }

    @Test
    void theFirstFlaggedInputIsReportedWithItsSpan() {
        String sql = "SELECT * FROM t WHERE a = 'ok' AND b = 1 OR 1=1";
        SqlInjection found = SqlInjectionDetector.find(sql, SqlDialect.H2, List.of(
                new RequestInput(InputSource.QUERY, "a", "ok", false),
                new RequestInput(InputSource.HEADER, "X-B", "1 OR 1=1", false)));
        assertThat(found.input().qualifiedName()).isEqualTo("header:X-B");
        assertThat(sql.substring(found.start(), found.end())).isEqualTo("1 OR 1=1");
    }
}
