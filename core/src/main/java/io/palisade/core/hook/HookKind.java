package io.palisade.core.hook;

/**
 * What an instrumented method does, as far as protections care.
 */
public enum HookKind {
    /** {@code Connection.prepareStatement}, {@code prepareCall}, {@code nativeSQL}: SQL handed to the driver to prepare. */
    JDBC_PREPARE("jdbc"),
    /** {@code Statement.execute}, {@code executeUpdate}, {@code executeLargeUpdate} with SQL text. */
    JDBC_EXECUTE("jdbc"),
    /** {@code Statement.executeQuery(String)}. */
    JDBC_QUERY("jdbc"),
    /** {@code Statement.addBatch(String)}, {@code executeBatch()}, {@code executeLargeBatch()}. */
    JDBC_BATCH("jdbc"),
    /** {@code EntityManager.createQuery} with JPQL text. */
    JPA_QUERY("jpa"),
    /** {@code EntityManager.createNativeQuery}: SQL in the database's own dialect. */
    JPA_NATIVE_QUERY("jpa"),
    /** A JAX-RS resource method. */
    JAXRS_RESOURCE("jaxrs");

    private final String family;

    HookKind(String family) {
        this.family = family;
    }

    /** The prefix of the symbols of hook points of this kind: {@code jdbc}, {@code jpa} or {@code jaxrs}. */
    public String family() {
        return family;
    }
}
