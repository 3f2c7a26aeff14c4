package io.palisade.core.detect.sql;

/** What a token of SQL is. */
public enum SqlTokenType {
    /** A keyword or an unquoted identifier; {@link SqlKeywords} tells which. */
    WORD,
    NUMBER,
    /** A string literal in any of the dialect's forms. */
    STRING,
    /** A quoted identifier: {@code "x"}, {@code `x`}, {@code [x]}. */
    QUOTED_IDENTIFIER,
    COMMENT,
    /** A run of operator characters: {@code =}, {@code <>}, {@code ||}, {@code ::}. */
    OPERATOR,
    /** One of {@code ( ) , ; .} */
    PUNCTUATION,
    /** A bind marker: {@code ?}, {@code :name}, {@code $1}. */
    PARAMETER,
    /** Anything else, one character at a time. */
    OTHER;

    /** Whether the token is delimited (quotes, comment markers), so that its ends are structure. */
    boolean delimited() {
        return this == STRING || this == QUOTED_IDENTIFIER || this == COMMENT;
    }
}
