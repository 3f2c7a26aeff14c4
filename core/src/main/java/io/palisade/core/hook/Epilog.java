package io.palisade.core.hook;

/**
 * Runs after a hooked method, with its result or the exception it threw. It cannot change either.
 * An exception thrown here is caught and counted.
 */
@FunctionalInterface
public interface Epilog {
    /**
     * @param result  what the method returned ({@code null} for {@code void} or on failure)
     * @param failure what it threw, or {@code null}
     */
    void after(Invocation invocation, Object result, Throwable failure);
}
