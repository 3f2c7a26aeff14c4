package io.palisade.benchmarks;

import java.lang.reflect.Proxy;

/**
 * An object of an interface that refuses every call: what a benchmark's fake forwards to for
 * everything it does not answer itself, so that a call the benchmark did not expect fails loudly.
 */
final class Refusing {

    private Refusing() {
    }

    static <T> T of(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(Refusing.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, arguments) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == arguments[0];
                            default -> "Refusing[" + type.getSimpleName() + "]";
                        };
                    }
                    throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
                }));
    }
}
