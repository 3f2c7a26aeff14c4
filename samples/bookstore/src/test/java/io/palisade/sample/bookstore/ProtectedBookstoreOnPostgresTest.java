package io.palisade.sample.bookstore;

/** Every test of {@link ProtectedBookstoreTest}, on a real PostgreSQL server. */
class ProtectedBookstoreOnPostgresTest extends ProtectedBookstoreTest {

    @Override
    String database() {
        return "postgres";
    }
}
