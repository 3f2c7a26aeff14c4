package io.palisade.core.hook;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every hook point of one deployment, frozen once built: the set of hook points never changes,
 * only the callbacks attached to them.
 *
 * <p>Attaching validates each callback against its hook point's method signature once, before
 * anything is attached; a {@link CallbackSet} is validated whole, so a mismatch attaches nothing.
 * {@link #replace} attaches the new set everywhere before it detaches the old one, so at no moment
 * is a hook point covered by neither; the callbacks a set puts on one hook point arrive there in a
 * single atomic swap.
 */
public final class HookTable {

    private final Map<String, HookPoint> bySymbol;
    private final Map<Method, HookPoint> byMethod;
    private final Map<HookKind, List<HookPoint>> byKind;
    private final JdbcHooks jdbc;
    private final HookFaults faults = new HookFaults();

    private HookTable(Builder builder) {
        Map<String, HookPoint> symbols = new LinkedHashMap<>();
        Map<Method, HookPoint> methods = new HashMap<>();
        Map<HookKind, List<HookPoint>> kinds = new EnumMap<>(HookKind.class);
        for (HookPoint hookPoint : builder.hookPoints) {
            symbols.put(hookPoint.symbol(), hookPoint);
            kinds.computeIfAbsent(hookPoint.kind(), k -> new ArrayList<>()).add(hookPoint);
            if (hookPoint.kind() == HookKind.JAXRS_RESOURCE) {
                methods.put(hookPoint.method(), hookPoint);
            }
        }
        kinds.replaceAll((k, v) -> List.copyOf(v));
        this.bySymbol = Collections.unmodifiableMap(symbols);
        this.byMethod = Map.copyOf(methods);
        this.byKind = Collections.unmodifiableMap(kinds);
        this.jdbc = builder.jdbc;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<HookPoint> find(String symbol) {
        return Optional.ofNullable(bySymbol.get(symbol));
    }

    /** @throws IllegalArgumentException when the table has no hook point with that symbol */
    public HookPoint require(String symbol) {
        HookPoint hookPoint = bySymbol.get(symbol);
        if (hookPoint == null) {
            throw new IllegalArgumentException("no hook point " + symbol + " in this deployment");
        }
        return hookPoint;
    }

    /** The hook point of a hooked resource method, or {@code null}: one map lookup. */
    public HookPoint forMethod(Method method) {
        return byMethod.get(method);
    }

    public List<HookPoint> byKind(HookKind kind) {
        return byKind.getOrDefault(kind, List.of());
    }

    /** Every hook point, in the order they were added. */
    public List<HookPoint> all() {
        return List.copyOf(bySymbol.values());
    }

    public int size() {
        return bySymbol.size();
    }

    /** How many hook points of each kind, kinds with none left out. */
    public Map<HookKind, Integer> counts() {
        Map<HookKind, Integer> counts = new EnumMap<>(HookKind.class);
        byKind.forEach((k, v) -> counts.put(k, v.size()));
        return Collections.unmodifiableMap(counts);
    }

    /** The JDBC hook points, or {@code null} when the deployment hooked no DataSource. */
    public JdbcHooks jdbc() {
        return jdbc;
    }

    public HookFaults faults() {
        return faults;
    }

    /** Attaches one callback to one hook point. */
    public Installation attach(HookPoint hookPoint, Callback callback) {
        return install(CallbackSet.builder().add(hookPoint, callback).build());
    }

    /**
     * Attaches a whole set, after checking every callback against its hook point.
     *
     * @throws SignatureMismatchException when a callback does not fit; nothing is attached then
     * @throws IllegalArgumentException   when a hook point is not this table's, or is not intercepted
     */
    public Installation install(CallbackSet set) {
        validate(set);
        set.byHookPoint().forEach((hookPoint, callbacks) ->
                hookPoint.updateChain(chain -> CallbackChain.plus(chain, callbacks, faults)));
        return new Installation(this, set.byHookPoint());
    }

    /**
     * Replaces {@code previous} with {@code next}: validates {@code next}, attaches it everywhere,
     * then detaches {@code previous}. If {@code next} is invalid, {@code previous} stays in force.
     */
    public Installation replace(Installation previous, CallbackSet next) {
        Objects.requireNonNull(previous, "previous");
        if (previous.table() != this) {
            throw new IllegalArgumentException("that installation belongs to another hook table");
        }
        Installation installed = install(next);
        previous.detach();
        return installed;
    }

    void remove(Map<HookPoint, List<Callback>> callbacks) {
        callbacks.forEach((hookPoint, removed) ->
                hookPoint.updateChain(chain -> CallbackChain.minus(chain, removed, faults)));
    }

    private void validate(CallbackSet set) {
        set.byHookPoint().forEach((hookPoint, callbacks) -> {
            if (bySymbol.get(hookPoint.symbol()) != hookPoint) {
                throw new IllegalArgumentException("hook point " + hookPoint.symbol() + " is not in this hook table");
            }
            if (!hookPoint.intercepted()) {
                throw new IllegalArgumentException("hook point " + hookPoint.symbol() + " is listed but its calls are not"
                        + " intercepted; set palisade.hooks.resource-methods=intercept to attach callbacks to resource methods");
            }
            callbacks.forEach(callback -> callback.checkFits(hookPoint));
        });
    }

    @Override
    public String toString() {
        return "HookTable" + counts();
    }

    /** Collects hook points at deployment; {@link #build()} freezes them. */
    public static final class Builder {
        private final List<HookPoint> hookPoints = new ArrayList<>();
        private final Map<String, HookPoint> seen = new HashMap<>();
        private JdbcHooks jdbc;

        private Builder() {
        }

        /**
         * Adds a JAX-RS resource method whose calls fire its hook point; adding the same method twice
         * returns the hook point added first.
         */
        public HookPoint addResourceMethod(Method method) {
            return addResourceMethod(method, true);
        }

        /**
         * Adds a JAX-RS resource method.
         *
         * @param intercepted whether its calls fire the hook point; when not, it is listed (the API
         *                    inventory) and callbacks cannot be attached to it
         */
        public HookPoint addResourceMethod(Method method, boolean intercepted) {
            return add(new HookPoint(HookKind.JAXRS_RESOURCE, method, intercepted));
        }

        /**
         * Adds hook points made with {@link HookPoint#forQuery} (the JPA query methods); adding one
         * twice, or another with the same symbol, keeps the first.
         */
        public Builder queries(java.util.Collection<HookPoint> hookPoints) {
            for (HookPoint hookPoint : hookPoints) {
                if (hookPoint.kind() != HookKind.JPA_QUERY && hookPoint.kind() != HookKind.JPA_NATIVE_QUERY) {
                    throw new IllegalArgumentException("not a query hook point: " + hookPoint);
                }
                add(hookPoint);
            }
            return this;
        }

        /** Adds the JDBC hook points. */
        public Builder jdbc(JdbcHooks jdbcHooks) {
            if (this.jdbc == null) {
                this.jdbc = Objects.requireNonNull(jdbcHooks, "jdbcHooks");
                jdbcHooks.all().forEach(this::add);
            } else if (this.jdbc != jdbcHooks) {
                throw new IllegalStateException("the JDBC hook points were added already");
            }
            return this;
        }

        private HookPoint add(HookPoint hookPoint) {
            HookPoint existing = seen.putIfAbsent(hookPoint.symbol(), hookPoint);
            if (existing != null) {
                return existing;
            }
            hookPoints.add(hookPoint);
            return hookPoint;
        }

        public HookTable build() {
            return new HookTable(this);
        }
    }
}
