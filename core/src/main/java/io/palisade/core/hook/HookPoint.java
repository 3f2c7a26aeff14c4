package io.palisade.core.hook;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * One instrumented method, identified by a stable symbol such as
 * {@code jdbc:java.sql.Statement#executeQuery(java.lang.String)}.
 *
 * <p>Thread-safety: the callback chain is published through a volatile field and replaced only by
 * compare-and-set, so a caller reads it once and runs a complete, immutable chain. With nothing
 * attached the hot path costs that one volatile read and a null check.
 */
public final class HookPoint {

    private static final VarHandle CHAIN;

    static {
        try {
            CHAIN = MethodHandles.lookup().findVarHandle(HookPoint.class, "chain", CallbackChain.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final String symbol;
    private final HookKind kind;
    private final Method method;
    private final List<Class<?>> parameterTypes;
    private final boolean intercepted;

    @SuppressWarnings("unused") // accessed through CHAIN
    private volatile CallbackChain chain;

    HookPoint(HookKind kind, Method method) {
        this(kind, method, true);
    }

    /** @param intercepted whether calls of the method fire this hook point (so that callbacks can be attached) */
    HookPoint(HookKind kind, Method method, boolean intercepted) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.method = Objects.requireNonNull(method, "method");
        this.parameterTypes = List.of(method.getParameterTypes());
        this.symbol = symbolOf(kind, method);
        this.intercepted = intercepted;
    }

    /**
     * A hook point for a persistence API method whose first parameter is query text (a JPA
     * {@code EntityManager.createQuery} or {@code createNativeQuery} overload), made before the hook
     * table is built so that the delegates that fire it can hold it in a field; the table takes it
     * through {@link HookTable.Builder#queries}.
     *
     * @throws IllegalArgumentException when {@code kind} is not a JPA kind or the first parameter is not a {@code String}
     */
    public static HookPoint forQuery(HookKind kind, Method method) {
        if (kind != HookKind.JPA_QUERY && kind != HookKind.JPA_NATIVE_QUERY) {
            throw new IllegalArgumentException("not a query hook kind: " + kind);
        }
        if (method.getParameterCount() == 0 || method.getParameterTypes()[0] != String.class) {
            throw new IllegalArgumentException("the query text must be the first parameter: " + method);
        }
        return new HookPoint(kind, method);
    }

    /**
     * The symbol of a method: {@code <family>:<declaring class>#<name>(<parameter types>)}, with
     * parameter types written as {@link Class#getTypeName()} does ({@code int[]}, {@code java.lang.String}).
     */
    public static String symbolOf(HookKind kind, Method method) {
        return kind.family() + ':' + method.getDeclaringClass().getName() + '#' + method.getName()
                + Arrays.stream(method.getParameterTypes()).map(Class::getTypeName)
                        .collect(Collectors.joining(",", "(", ")"));
    }

    public String symbol() {
        return symbol;
    }

    public HookKind kind() {
        return kind;
    }

    /** The hooked method, as found by reflection at deployment. */
    public Method method() {
        return method;
    }

    /** The hooked method's parameter types, read by reflection once. */
    public List<Class<?>> parameterTypes() {
        return parameterTypes;
    }

    /**
     * Whether calls of the method fire this hook point. JDBC hook points always do; a resource
     * method's only when {@code palisade.hooks.resource-methods=intercept} (otherwise it is in the
     * table as part of the API inventory, and nothing can be attached to it).
     */
    public boolean intercepted() {
        return intercepted;
    }

    /** The callbacks attached now, or {@code null} when there are none. One volatile read. */
    public CallbackChain chain() {
        return chain;
    }

    /** Atomically replaces the chain with {@code update(current)}; retried on contention. */
    void updateChain(UnaryOperator<CallbackChain> update) {
        CallbackChain current;
        CallbackChain next;
        do {
            current = chain;
            next = update.apply(current);
        } while (!CHAIN.compareAndSet(this, current, next));
    }

    @Override
    public String toString() {
        return symbol;
    }
}
