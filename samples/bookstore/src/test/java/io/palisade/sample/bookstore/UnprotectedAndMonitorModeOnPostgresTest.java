package io.palisade.sample.bookstore;

/** Every test of {@link UnprotectedAndMonitorModeTest}, on a real PostgreSQL server. */
class UnprotectedAndMonitorModeOnPostgresTest extends UnprotectedAndMonitorModeTest {

    @Override
    String database() {
        return "postgres";
    }
}
