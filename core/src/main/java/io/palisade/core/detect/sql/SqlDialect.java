package io.palisade.core.detect.sql;

import java.util.Locale;

/**
 * The lexical rules of one database's SQL that matter for telling data from structure: how strings,
 * quoted identifiers and comments are written, and whether a backslash escapes a quote. Where a
 * database lets a session switch the backslash rule (PostgreSQL's {@code standard_conforming_strings},
 * MySQL's {@code NO_BACKSLASH_ESCAPES}), each mode is its own constant and {@link #withBackslashEscapes}
 * picks the one the connection is in, so that the tokenizer ends a literal exactly where the server does.
 */
public enum SqlDialect {
    /** ANSI strings and identifiers, {@code --} and non-nesting block comments; used when the product is unknown. */
    GENERIC(false, false, false, false, false, false, false, false, false, false, true, false),
    H2(false, false, false, true, false, false, false, false, true, false, true, false),
    /** PostgreSQL with {@code standard_conforming_strings=on} (the default since 9.1): backslashes only in {@code E'...'}. */
    POSTGRESQL(false, false, false, true, true, true, false, false, false, false, true, false),
    /** PostgreSQL with {@code standard_conforming_strings=off}: a backslash escapes in every string. */
    POSTGRESQL_BACKSLASH_ESCAPES(true, false, false, true, true, true, false, false, false, false, true, false),
    /** MySQL and MariaDB in their default mode: a backslash escapes inside strings. */
    MYSQL(true, true, true, false, false, false, false, false, false, true, true, false),
    /** MySQL and MariaDB with {@code NO_BACKSLASH_ESCAPES} in {@code sql_mode}: a backslash is an ordinary character. */
    MYSQL_NO_BACKSLASH_ESCAPES(false, true, true, false, false, false, false, false, false, true, true, false),
    ORACLE(false, false, false, false, false, false, true, false, false, false, true, false),
    SQLSERVER(false, false, false, false, false, true, false, true, false, false, true, false),
    SQLITE(false, false, true, false, false, false, false, true, false, false, true, false),
    /**
     * JPQL and HQL, the query languages of Jakarta Persistence: single-quoted strings with doubled
     * quotes and no backslash escapes, double-quoted and {@code j'...'} strings with Java escapes
     * (Hibernate 6 and later), backtick identifiers, {@code /* *}{@code /} comments and no line comments.
     */
    JPQL(false, true, true, false, false, false, false, false, false, false, false, true);

    final boolean backslashEscapes;
    final boolean doubleQuotedStrings;
    final boolean backtickIdentifiers;
    final boolean dollarQuoting;
    final boolean escapeStrings;
    final boolean nestedComments;
    final boolean alternativeQuoting;
    final boolean bracketIdentifiers;
    final boolean slashSlashComments;
    /** MySQL's comments: {@code #} anywhere, {@code --} only before whitespace. */
    final boolean mysqlComments;
    /** {@code --} starts a comment (every SQL dialect; not JPQL, where it is two minus signs). */
    final boolean dashComments;
    /** Double-quoted strings and {@code j'...'} take Java's backslash escapes while single-quoted strings do not (HQL). */
    final boolean javaStrings;

    SqlDialect(boolean backslashEscapes, boolean doubleQuotedStrings, boolean backtickIdentifiers, boolean dollarQuoting,
            boolean escapeStrings, boolean nestedComments, boolean alternativeQuoting, boolean bracketIdentifiers,
            boolean slashSlashComments, boolean mysqlComments, boolean dashComments, boolean javaStrings) {
        this.backslashEscapes = backslashEscapes;
        this.doubleQuotedStrings = doubleQuotedStrings;
        this.backtickIdentifiers = backtickIdentifiers;
        this.dollarQuoting = dollarQuoting;
        this.escapeStrings = escapeStrings;
        this.nestedComments = nestedComments;
        this.alternativeQuoting = alternativeQuoting;
        this.bracketIdentifiers = bracketIdentifiers;
        this.slashSlashComments = slashSlashComments;
        this.mysqlComments = mysqlComments;
        this.dashComments = dashComments;
        this.javaStrings = javaStrings;
    }

    /** The dialect for {@code DatabaseMetaData.getDatabaseProductName()}; {@link #GENERIC} when unknown. */
    public static SqlDialect fromProductName(String productName) {
        if (productName == null) {
            return GENERIC;
        }
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("h2")) {
            return H2;
        } else if (name.contains("postgres") || name.contains("cockroach")) {
            return POSTGRESQL;
        } else if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        } else if (name.contains("oracle")) {
            return ORACLE;
        } else if (name.contains("microsoft") || name.contains("sql server")) {
            return SQLSERVER;
        } else if (name.contains("sqlite")) {
            return SQLITE;
        }
        return GENERIC;
    }

    /**
     * Whether the backslash rule of this dialect depends on a session setting, so that a connection's
     * mode must be read ({@link #modeQuery()}).
     */
    public boolean hasEscapeModes() {
        return this == POSTGRESQL || this == POSTGRESQL_BACKSLASH_ESCAPES || this == MYSQL
                || this == MYSQL_NO_BACKSLASH_ESCAPES;
    }

    /**
     * The query that reads the session's backslash setting, answering one row with one text column,
     * or {@code null} for dialects without modes.
     */
    public String modeQuery() {
        switch (this) {
            case POSTGRESQL:
            case POSTGRESQL_BACKSLASH_ESCAPES:
                return "SHOW standard_conforming_strings";
            case MYSQL:
            case MYSQL_NO_BACKSLASH_ESCAPES:
                return "SELECT @@SESSION.sql_mode";
            default:
                return null;
        }
    }

    /**
     * The variant of this dialect that the answer of {@link #modeQuery()} describes; this dialect when
     * the answer is {@code null} or unexpected.
     */
    public SqlDialect withMode(String answer) {
        if (answer == null) {
            return this;
        }
        String value = answer.strip().toUpperCase(Locale.ROOT);
        switch (this) {
            case POSTGRESQL:
            case POSTGRESQL_BACKSLASH_ESCAPES:
                return value.equals("OFF") ? POSTGRESQL_BACKSLASH_ESCAPES : value.equals("ON") ? POSTGRESQL : this;
            case MYSQL:
            case MYSQL_NO_BACKSLASH_ESCAPES:
                for (String mode : value.split(",")) {
                    if (mode.strip().equals("NO_BACKSLASH_ESCAPES")) {
                        return MYSQL_NO_BACKSLASH_ESCAPES;
                    }
                }
                return MYSQL;
            default:
                return this;
        }
    }
}
