package io.palisade.core.hook;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A protection attached to hook points: a prolog, an optional epilog, the parameter types it reads
 * and a priority (lower runs first).
 *
 * <p>The declared parameter types are the leading parameters the callback reads, in order; a
 * callback that declares {@code (java.lang.String)} fits {@code prepareStatement(String)} and
 * {@code prepareStatement(String, int)} alike, and one that declares nothing fits every method.
 * They are checked against the hooked method once, when the callback is attached.
 */
public final class Callback {

    private final String id;
    private final int priority;
    private final List<Class<?>> parameterTypes;
    private final Prolog prolog;
    private final Epilog epilog;

    private Callback(Builder builder) {
        this.id = builder.id;
        this.priority = builder.priority;
        this.parameterTypes = builder.parameterTypes;
        this.prolog = builder.prolog;
        this.epilog = builder.epilog;
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public int priority() {
        return priority;
    }

    public List<Class<?>> parameterTypes() {
        return parameterTypes;
    }

    /** The prolog, or {@code null}. */
    public Prolog prolog() {
        return prolog;
    }

    /** The epilog, or {@code null}. */
    public Epilog epilog() {
        return epilog;
    }

    /**
     * Checks that every declared parameter type accepts the hooked method's parameter at the same
     * position.
     *
     * @throws SignatureMismatchException naming both signatures
     */
    public void checkFits(HookPoint hookPoint) {
        List<Class<?>> actual = hookPoint.parameterTypes();
        boolean fits = parameterTypes.size() <= actual.size();
        for (int i = 0; fits && i < parameterTypes.size(); i++) {
            fits = box(parameterTypes.get(i)).isAssignableFrom(box(actual.get(i)));
        }
        if (!fits) {
            throw new SignatureMismatchException("callback '" + id + "' expects " + describe(parameterTypes)
                    + " but hook point " + hookPoint.symbol() + " has parameters " + describe(actual));
        }
    }

    private static String describe(List<Class<?>> types) {
        return types.stream().map(Class::getTypeName).collect(Collectors.joining(", ", "(", ")"));
    }

    private static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        if (type == int.class) {
            return Integer.class;
        } else if (type == long.class) {
            return Long.class;
        } else if (type == boolean.class) {
            return Boolean.class;
        } else if (type == double.class) {
            return Double.class;
        } else if (type == float.class) {
            return Float.class;
        } else if (type == short.class) {
            return Short.class;
        } else if (type == byte.class) {
            return Byte.class;
        } else if (type == char.class) {
            return Character.class;
        }
        return Void.class;
    }

    @Override
    public String toString() {
        return "Callback[" + id + ", priority " + priority + ", expects " + describe(parameterTypes) + "]";
    }

    /** Builds a {@link Callback}; at least one of prolog and epilog is required. */
    public static final class Builder {
        private final String id;
        private int priority = 100;
        private List<Class<?>> parameterTypes = List.of();
        private Prolog prolog;
        private Epilog epilog;

        private Builder(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("a callback id must not be blank");
            }
            this.id = id;
        }

        /** Lower runs first. Default 100. */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /** The leading parameter types the callback reads. */
        public Builder expects(Class<?>... types) {
            for (Class<?> type : types) {
                Objects.requireNonNull(type, "parameter type");
            }
            this.parameterTypes = List.of(types);
            return this;
        }

        public Builder prolog(Prolog prolog) {
            this.prolog = Objects.requireNonNull(prolog, "prolog");
            return this;
        }

        public Builder epilog(Epilog epilog) {
            this.epilog = Objects.requireNonNull(epilog, "epilog");
            return this;
        }

        public Callback build() {
            if (prolog == null && epilog == null) {
                throw new IllegalStateException("callback '" + id + "' has neither prolog nor epilog");
            }
            return new Callback(this);
        }
    }
}
