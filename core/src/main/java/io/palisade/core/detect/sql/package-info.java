/**
 * The SQL-injection check at the JDBC and JPA hook points: tokenizers per dialect, the structural
 * comparison of a statement with and without each request input, and the callbacks
 * ({@link io.palisade.core.detect.sql.SqlInjectionProtection}) the rules engine attaches to the hook table.
 */
package io.palisade.core.detect.sql;
