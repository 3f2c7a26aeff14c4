package io.palisade.sample.bookstore;

/** Every test of {@link JpaProtectionTest} with Hibernate on a real PostgreSQL server. */
class JpaProtectionOnPostgresTest extends JpaProtectionTest {

    @Override
    String database() {
        return "postgres";
    }
}
