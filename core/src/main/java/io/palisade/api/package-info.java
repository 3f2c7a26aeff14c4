/**
 * The agent's API: what application code can meet. A deliberate block throws
 * {@link io.palisade.api.PalisadeBlockedException} at a JDBC call (a {@code SQLException}) and
 * {@link io.palisade.api.BlockedInvocationException} at a hooked method; {@code io.palisade.api.jpa}
 * holds the JPA one. Their messages are generic on purpose; their {@code invocation()} is for
 * Palisade's own records. Every other {@code io.palisade} package is internal to the agent and may
 * change in any release.
 */
package io.palisade.api;
