package io.palisade.core.hook;

/**
 * Runs before a hooked method. Must not keep the invocation beyond the call, block, or do I/O.
 * An exception thrown here is caught and counted, and the call proceeds (fail open).
 */
@FunctionalInterface
public interface Prolog {
    Verdict before(Invocation invocation);
}
