package io.palisade.core.detect.sql;

import java.util.Locale;

/**
 * The lexical rules of one database's SQL that matter for telling data from structure: how strings,
 * quoted identifiers and comments are written.
 */
public enum SqlDialect {
    /** ANSI strings and identifiers, {@code --} and non-nesting block comments; used when the product is unknown. */
    GENERIC(false, false, false, false, false, false, false, false, false),
    H2(false, false, false, true, false, false, false, false, true),
    POSTGRESQL(false, false, false, true, true, true, false, false, false),
    MYSQL(true, true, true, false, false, false, false, false, false),
    ORACLE(false, false, false, false, false, false, true, false, false),
    SQLSERVER(false, false, false, false, false, true, false, true, false),
    SQLITE(false, false, true, false, false, false, false, true, false);

    final boolean backslashEscapes;
    final boolean doubleQuotedStrings;
    final boolean backtickIdentifiers;
    final boolean dollarQuoting;
    final boolean escapeStrings;
    final boolean nestedComments;
    final boolean alternativeQuoting;
    final boolean bracketIdentifiers;
    final boolean slashSlashComments;

    SqlDialect(boolean backslashEscapes, boolean doubleQuotedStrings, boolean backtickIdentifiers, boolean dollarQuoting,
            boolean escapeStrings, boolean nestedComments, boolean alternativeQuoting, boolean bracketIdentifiers,
            boolean slashSlashComments) {
        this.backslashEscapes = backslashEscapes;
        this.doubleQuotedStrings = doubleQuotedStrings;
        this.backtickIdentifiers = backtickIdentifiers;
        this.dollarQuoting = dollarQuoting;
        this.escapeStrings = escapeStrings;
        this.nestedComments = nestedComments;
        this.alternativeQuoting = alternativeQuoting;
        this.bracketIdentifiers = bracketIdentifiers;
        this.slashSlashComments = slashSlashComments;
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
}
