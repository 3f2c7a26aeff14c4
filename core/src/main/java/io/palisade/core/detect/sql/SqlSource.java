package io.palisade.core.detect.sql;

/** Something that runs SQL against a known database: a connection or statement delegate. */
public interface SqlSource {

    /** The database's dialect, {@link SqlDialect#GENERIC} when it cannot be told. Never throws. */
    SqlDialect sqlDialect();
}
