package io.palisade.core.detect.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlTokenizerTest {

    private static List<String> tokens(String sql, SqlDialect dialect) {
        SqlTokens tokens = SqlTokenizer.tokenize(sql, dialect);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.count(); i++) {
            out.add(tokens.type(i) + ":" + tokens.text(i) + (tokens.unterminated(i) ? "!" : ""));
        }
        return out;
    }

    @Test
    void ordinaryStatement() {
        assertThat(tokens("SELECT id, title FROM books WHERE title LIKE '%O''Brien%' AND id >= 10.5e2 -- end",
                SqlDialect.GENERIC)).containsExactly("WORD:SELECT", "WORD:id", "PUNCTUATION:,", "WORD:title", "WORD:FROM",
                "WORD:books", "WORD:WHERE", "WORD:title", "WORD:LIKE", "STRING:'%O''Brien%'", "WORD:AND", "WORD:id",
                "OPERATOR:>=", "NUMBER:10.5e2", "COMMENT:-- end");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "MYSQL|'a\\'b' x|STRING:'a\\'b',WORD:x",
        "GENERIC|'a\\'z' x|STRING:'a\\',WORD:z,STRING:' x!",
        "MYSQL|\"a\" x|STRING:\"a\",WORD:x",
        "POSTGRESQL|\"a\" x|QUOTED_IDENTIFIER:\"a\",WORD:x",
        "MYSQL|`na``me` #c|QUOTED_IDENTIFIER:`na``me`,COMMENT:#c",
        "MYSQL|1--1|NUMBER:1,OPERATOR:--,NUMBER:1",
        "POSTGRESQL|1--1|NUMBER:1,COMMENT:--1",
        "POSTGRESQL|E'a\\'b' x|STRING:E'a\\'b',WORD:x",
        "POSTGRESQL|$q$it's$q$ $1|STRING:$q$it's$q$,PARAMETER:$1",
        "POSTGRESQL|$$a$$::text|STRING:$$a$$,OPERATOR:::,WORD:text",
        "POSTGRESQL|/* a /* b */ c */ x|COMMENT:/* a /* b */ c */,WORD:x",
        "GENERIC|/* a /* b */ c */ x|COMMENT:/* a /* b */,WORD:c,OPERATOR:*/,WORD:x",
        "ORACLE|q'[it's]' x|STRING:q'[it's]',WORD:x",
        "ORACLE|Q'!a'b!' x|STRING:Q'!a'b!',WORD:x",
        "SQLSERVER|[my]]col] N'x'|QUOTED_IDENTIFIER:[my]]col],STRING:N'x'",
        "SQLITE|[a] `b` \"c\"|QUOTED_IDENTIFIER:[a],QUOTED_IDENTIFIER:`b`,QUOTED_IDENTIFIER:\"c\"",
        "H2|a // c|WORD:a,COMMENT:// c",
        "H2|:name ? 0x1F|PARAMETER::name,PARAMETER:?,NUMBER:0x1F",
        "GENERIC|'open|STRING:'open!",
        "GENERIC|/* open|COMMENT:/* open!",
        "MYSQL|/*!50000 UNION*/|COMMENT:/*!50000 UNION*/",
        "JPQL|'it''s' \"a\\\"b\" x|STRING:'it''s',STRING:\"a\\\"b\",WORD:x",
        "JPQL|'a\\' x|STRING:'a\\',WORD:x",
        "JPQL|1--1 -- x|NUMBER:1,OPERATOR:--,NUMBER:1,OPERATOR:--,WORD:x",
        "JPQL|j'a\\'b' `id` ?1 :n|STRING:j'a\\'b',QUOTED_IDENTIFIER:`id`,PARAMETER:?,NUMBER:1,PARAMETER::n",
        "JPQL|/* c */ b.id|COMMENT:/* c */,WORD:b,PUNCTUATION:.,WORD:id",
    })
    void dialectRules(SqlDialect dialect, String sql, String expected) {
        assertThat(String.join(",", tokens(sql, dialect))).isEqualTo(expected);
    }

    @Test
    void neverThrowsAndStaysLinear() {
        StringBuilder nasty = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            nasty.append("'$q$/*[`\"\\-");
        }
        for (SqlDialect dialect : SqlDialect.values()) {
            SqlTokens tokens = SqlTokenizer.tokenize(nasty.toString(), dialect);
            assertThat(tokens.count()).isPositive();
        }
        assertThat(SqlTokenizer.tokenize("", SqlDialect.GENERIC).count()).isZero();
    }

    @Test
    void dialectFromProductName() {
        assertThat(SqlDialect.fromProductName("H2")).isEqualTo(SqlDialect.H2);
        assertThat(SqlDialect.fromProductName("PostgreSQL")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(SqlDialect.fromProductName("MariaDB")).isEqualTo(SqlDialect.MYSQL);
        assertThat(SqlDialect.fromProductName("Microsoft SQL Server")).isEqualTo(SqlDialect.SQLSERVER);
        assertThat(SqlDialect.fromProductName("Oracle")).isEqualTo(SqlDialect.ORACLE);
        assertThat(SqlDialect.fromProductName("SQLite")).isEqualTo(SqlDialect.SQLITE);
        assertThat(SqlDialect.fromProductName("Derby")).isEqualTo(SqlDialect.GENERIC);
        assertThat(SqlDialect.fromProductName(null)).isEqualTo(SqlDialect.GENERIC);
    }
}
