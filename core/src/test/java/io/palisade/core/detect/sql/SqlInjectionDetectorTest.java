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
        // plain words that add a condition, whatever else they hold
        "SELECT * FROM books WHERE flag = 1 AND <>|active OR visible ORDER BY id|spans",
    })
    void injectionsAreFlagged(String template, String payload, String reason) {
        for (SqlDialect dialect : SqlDialect.values()) {
            SqlInjection found = check(template, payload, dialect);
            assertThat(found).as(dialect.name()).isNotNull();
            if (dialect == SqlDialect.JPQL && payload.contains("--")) {
                continue; // JPQL has no line comments: there "--" is two minus signs, still structure
            }
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

    private static RequestInput input(String name, String value) {
        return new RequestInput(InputSource.QUERY, name, value, false);
    }

    @Test
    void everyOccurrenceIsJudgedHoweverManyHarmlessCopiesComeFirst() {
        String payload = "1 OR 1=1";
        String decoys = ("'" + payload + "', ").repeat(65);
        String sql = "SELECT * FROM books WHERE title IN (" + decoys + "'x') OR id = " + payload;
        SqlInjection found = SqlInjectionDetector.find(sql, SqlDialect.H2, List.of(input("q", payload)));
        assertThat(found).isNotNull();
        assertThat(found.start()).isEqualTo(sql.lastIndexOf(payload));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SELECT * FROM books WHERE id = <>|id",
        "SELECT * FROM books WHERE id IN (<>)|1,id",
        "SELECT * FROM books WHERE id IN (<>)|id",
        "SELECT * FROM books WHERE price > <>|price",
        "SELECT * FROM books WHERE title LIKE <>|title",
        "INSERT INTO reviews VALUES (1, 'bob', <>)|body",
        "SELECT * FROM books WHERE id = <>|b.id",
        "SELECT * FROM books WHERE active = <>|active ORDER BY id",
    })
    void aNameWhereAValueIsExpectedIsStructure(String template, String value) {
        SqlInjection found = check(template, value, SqlDialect.H2);
        assertThat(found).isNotNull();
        assertThat(found.reason()).isEqualTo("names a column where a value is expected");
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SELECT * FROM books ORDER BY <>|id",
        "SELECT id, <> FROM books|title",
        "SELECT * FROM books b JOIN reviews r ON r.book_id = b.id WHERE b.title = '<>'|b",
        "SELECT * FROM books b JOIN reviews r ON r.book_id = b.id WHERE r.body LIKE '%<>%'|book_id",
        "SELECT * FROM books WHERE id = <>|42",
        "SELECT * FROM books WHERE active = <>|true",
        "SELECT * FROM books WHERE title LIKE '%<>%'|2026-12-03",
        "SELECT * FROM books WHERE title LIKE '%<>%' ORDER BY id|ORDER BY id",
        "SELECT * FROM books WHERE title LIKE '%<>%' ORDER BY id|order by id",
        "SELECT * FROM books WHERE title LIKE '%<>%'|id",
        "SELECT * FROM books WHERE title LIKE ? ORDER BY id|ORDER BY id",
        "SELECT author, COUNT(*) FROM books WHERE title LIKE ? GROUP BY author ORDER BY author DESC|group by author order by author desc",
        "select b from Book b where b.author = :author order by b.id|order by b.id",
    })
    void benignNearMissesAreData(String template, String value) {
        assertThat(check(template, value, SqlDialect.H2)).isNull();
    }

    @Test
    void theWordsExemptionCannotBeBoughtWithACopyInAnotherInput() {
        String words = "title UNION SELECT password_hash FROM users";
        String sql = "SELECT title FROM books WHERE title LIKE '%" + words + "%' ORDER BY " + words;
        // One input, its text also in the application's literal: the application's own text, by coincidence.
        assertThat(SqlInjectionDetector.find("SELECT title FROM books WHERE title LIKE '%ORDER BY id%' ORDER BY id",
                SqlDialect.H2, List.of(input("q", "ORDER BY id")))).isNull();
        // The attacker plants the copy through a second parameter: both inputs carry it, no exemption.
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.H2, List.of(input("q", words), input("sort", words))))
                .isNotNull();
        // ... or through a longer value that contains it.
        String planted = "SELECT title FROM books WHERE title LIKE '%zz " + words + " zz%' ORDER BY " + words;
        assertThat(SqlInjectionDetector.find(planted, SqlDialect.H2, List.of(input("q", "zz " + words + " zz"),
                input("sort", words)))).isNotNull();
        // ... or by placing the same input where a value is expected as well as in a literal.
        String both = "SELECT * FROM users WHERE name = 'id UNION SELECT 1' OR id = id UNION SELECT 1";
        assertThat(SqlInjectionDetector.find(both, SqlDialect.H2, List.of(input("who", "id UNION SELECT 1"))))
                .isNotNull();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "SELECT * FROM users WHERE name = 'x' or '1'='1'|X' OR '1'='1",
        "SELECT * FROM users WHERE name = 'X' OR '1'='1'|x' or '1'='1",
        "SELECT * FROM users WHERE name = 'x' OR '1'='1'|~   x' OR '1'='1   ~",
        "SELECT * FROM users WHERE name = 'x' OR '1'='1'|x'+OR+'1'='1",
        "SELECT * FROM users WHERE name = 'x' OR '1'='1'|x%27%20OR%20%271%27%3D%271",
        "SELECT * FROM users WHERE name = 'x' OR '1'='1'|x&#39; OR &#39;1&#39;=&#39;1",
        "SELECT * FROM users WHERE name = 'x' or '1'='1'|X%27%20OR%20%271%27%3D%271",
    })
    void whatApplicationsCommonlyDoToAnInputIsMatchedToo(String sql, String value) {
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.H2, List.of(input("q", value)))).isNotNull();
    }

    @Test
    void plainWordsInAnotherCaseAreNotTakenForTheApplicationsText() {
        // A parameterised statement: the user's text is not in it, but its upper-cased form is the application's.
        assertThat(SqlInjectionDetector.find("SELECT * FROM BOOKS WHERE TITLE LIKE ? ORDER BY ID", SqlDialect.H2,
                List.of(input("q", "order by id")))).isNull();
        assertThat(SqlInjectionDetector.find("select * from books where title like ? order by id", SqlDialect.H2,
                List.of(input("q", "ORDER BY ID")))).isNull();
    }

    @Test
    void longInputsAndAdversarialRepetitionStayLinear() {
        String input = "a".repeat(16 * 1024) + "' OR '1'='1";
        String sql = "SELECT * FROM t WHERE a = '" + input + "'";
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.H2, List.of(input("q", input)))).isNotNull();
        String repeated = "a".repeat(8 * 1024);
        String lots = "SELECT * FROM t WHERE a = '" + "a".repeat(16 * 1024) + "'";
        assertThat(SqlInjectionDetector.find(lots, SqlDialect.H2, List.of(input("q", repeated + "B'")))).isNull();
        assertThat(SqlInjectionDetector.find(lots, SqlDialect.H2, List.of(input("q", repeated)))).isNull();
    }

    @Test
    void theSessionsEscapingModeDecidesWhereALiteralEnds() {
        String template = "SELECT * FROM users WHERE name = '<>' AND pw = 'x'";
        String payload = "\\' OR 1=1 -- ";
        // standard_conforming_strings=on: the backslash is an ordinary character and the quote ends the string.
        assertThat(check(template, payload, SqlDialect.POSTGRESQL)).isNotNull();
        // off: the backslash escapes the quote, and everything is one literal.
        assertThat(check(template, payload, SqlDialect.POSTGRESQL_BACKSLASH_ESCAPES)).isNull();
        // MySQL: the default escapes; NO_BACKSLASH_ESCAPES does not.
        assertThat(check(template, payload, SqlDialect.MYSQL)).isNull();
        assertThat(check(template, payload, SqlDialect.MYSQL_NO_BACKSLASH_ESCAPES)).isNotNull();
        // A value ending in a backslash swallows the application's closing quote where backslashes escape,
        // so that the next input, meant as data, becomes structure; where they do not, both are data.
        String sql = "SELECT * FROM users WHERE name = 'x\\' AND pw = ' OR 1=1 -- '";
        List<RequestInput> inputs = List.of(input("name", "x\\"), input("pw", " OR 1=1 -- "));
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.MYSQL, inputs)).isNotNull();
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.POSTGRESQL_BACKSLASH_ESCAPES, inputs)).isNotNull();
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.MYSQL_NO_BACKSLASH_ESCAPES, inputs)).isNull();
        assertThat(SqlInjectionDetector.find(sql, SqlDialect.POSTGRESQL, inputs)).isNull();
        assertThat(SqlDialect.POSTGRESQL.withMode("off")).isEqualTo(SqlDialect.POSTGRESQL_BACKSLASH_ESCAPES);
        assertThat(SqlDialect.POSTGRESQL_BACKSLASH_ESCAPES.withMode("on")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.MYSQL.withMode("STRICT_TRANS_TABLES,NO_BACKSLASH_ESCAPES"))
                .isEqualTo(SqlDialect.MYSQL_NO_BACKSLASH_ESCAPES);
        assertThat(SqlDialect.MYSQL_NO_BACKSLASH_ESCAPES.withMode("ANSI_QUOTES")).isEqualTo(SqlDialect.MYSQL);
        assertThat(SqlDialect.H2.withMode("off")).isEqualTo(SqlDialect.H2);
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "select b from Book b where b.author = '<>'|x' or '1'='1",
        "select b from Book b where lower(b.title) like '%<>%'|%' or b.id > 0 or '' = '",
        "select b from Book b where b.id = <>|1 or 1=1",
        "select b from Book b where b.id = <>|id",
        "select b from Book b where b.id = <>|b.id",
        "select b from Book b where b.id = <>|0 or exists (select u from User u where u.name = 'admin')",
        "select b from Book b where b.author = \"<>\"|x\" or \"1\"=\"1",
        "select b from Book b where b.author = '<>'|x' /*",
    })
    void jpqlInjectionsAreFlagged(String template, String payload) {
        assertThat(check(template, payload, SqlDialect.JPQL)).isNotNull();
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "select b from Book b where b.author = '<>'|O''Brien",
        "select b from Book b where lower(b.title) like '%<>%'|a -- b",
        "select b from Book b where lower(b.title) like '%<>%'|c:\\temp\\",
        "select b from Book b where b.author = \"<>\"|it's",
        "select b from Book b where b.id = <>|42",
        "select b from Book b where b.id in (<>)|1,2,3",
        "select b from Book b order by b.<>|title",
    })
    void jpqlDataIsNotFlagged(String template, String value) {
        assertThat(check(template, value, SqlDialect.JPQL)).isNull();
    }

    @Test
    void inJpqlABackslashEscapesOnlyInJavaStrings() {
        // A single-quoted JPQL string has no backslash escape: the quote after it ends the literal.
        assertThat(check("select b from Book b where b.author = '<>' and b.id = 1", "x\\' or 1=1 or 'a'='", SqlDialect.JPQL))
                .isNotNull();
        // In a double-quoted (Java) string the backslash escapes, so the same text stays data.
        assertThat(check("select b from Book b where b.author = \"<>\"", "x\\' or 1=1", SqlDialect.JPQL)).isNull();
    }
}
