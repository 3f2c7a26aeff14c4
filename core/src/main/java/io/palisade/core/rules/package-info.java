/**
 * Rules and where they run: the rule-pack format (parser, signatures, signed envelopes), the compiled
 * {@link io.palisade.core.rules.RuleSet}, the {@link io.palisade.core.rules.RuleEngine} that holds,
 * swaps and evaluates it per request phase, the {@link io.palisade.core.rules.RuleSources} that feed it
 * packs (built-in, {@code palisade.rules.location}) through a {@link io.palisade.core.rules.PackReceiver},
 * and {@link io.palisade.core.rules.JdbcProtections}, which attaches the SQL check a pack switches on
 * under its circuit breaker.
 */
package io.palisade.core.rules;
