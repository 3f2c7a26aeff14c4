/**
 * The agent's API where Jakarta Persistence is present: {@link io.palisade.api.jpa.PalisadeBlockedQueryException},
 * what a blocked JPA query throws (a {@code PersistenceException}; the provider never sees the query).
 */
package io.palisade.api.jpa;
