package io.palisade.core.hook;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A read-only view of the arguments of one hooked call. Callbacks see the values the application
 * passed but cannot change them.
 */
public final class Arguments {

    private static final Object[] NONE = new Object[0];
    static final Arguments EMPTY = new Arguments(NONE);

    private final Object[] values;

    private Arguments(Object[] values) {
        this.values = values;
    }

    /**
     * Wraps {@code values} without copying: the caller hands over the array and must not change it
     * afterwards.
     */
    public static Arguments of(Object... values) {
        return values == null || values.length == 0 ? EMPTY : new Arguments(values);
    }

    public int size() {
        return values.length;
    }

    public Object get(int index) {
        return values[index];
    }

    /** The argument at {@code index}, cast to the type the callback declared for it. */
    public <T> T get(int index, Class<T> type) {
        return type.cast(values[index]);
    }

    /** An unmodifiable copy of the values. */
    public List<Object> asList() {
        return Collections.unmodifiableList(Arrays.asList(values.clone()));
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
