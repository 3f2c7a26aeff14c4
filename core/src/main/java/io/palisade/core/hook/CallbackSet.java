package io.palisade.core.hook;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A whole set of callbacks to install together, such as the protections of one rule pack: which
 * callback goes to which hook point. Immutable once built.
 */
public final class CallbackSet {

    private final Map<HookPoint, List<Callback>> byHookPoint;

    private CallbackSet(Map<HookPoint, List<Callback>> byHookPoint) {
        this.byHookPoint = byHookPoint;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<HookPoint, List<Callback>> byHookPoint() {
        return byHookPoint;
    }

    public boolean isEmpty() {
        return byHookPoint.isEmpty();
    }

    public static final class Builder {
        private final Map<HookPoint, List<Callback>> byHookPoint = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder add(HookPoint hookPoint, Callback callback) {
            Objects.requireNonNull(hookPoint, "hookPoint");
            Objects.requireNonNull(callback, "callback");
            byHookPoint.computeIfAbsent(hookPoint, h -> new ArrayList<>()).add(callback);
            return this;
        }

        /** Adds {@code callback} to every hook point in {@code hookPoints}. */
        public Builder addAll(Iterable<HookPoint> hookPoints, Callback callback) {
            for (HookPoint hookPoint : hookPoints) {
                add(hookPoint, callback);
            }
            return this;
        }

        public CallbackSet build() {
            Map<HookPoint, List<Callback>> copy = new LinkedHashMap<>();
            byHookPoint.forEach((h, c) -> copy.put(h, List.copyOf(c)));
            return new CallbackSet(Collections.unmodifiableMap(copy));
        }
    }
}
