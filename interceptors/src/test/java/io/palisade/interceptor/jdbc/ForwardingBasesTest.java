package io.palisade.interceptor.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every call of the JDBC interfaces reaches the delegate of the forwarding bases as it was made: the
 * same method, the same arguments, and the delegate's result comes back.
 */
class ForwardingBasesTest {

    record Case(Class<?> jdbc, Class<?> base) {
        @Override
        public String toString() {
            return base.getSimpleName();
        }
    }

    static Stream<Case> bases() {
        return Stream.of(new Case(Statement.class, ForwardingStatement.class),
                new Case(PreparedStatement.class, ForwardingPreparedStatement.class),
                new Case(CallableStatement.class, ForwardingCallableStatement.class),
                new Case(Connection.class, ForwardingConnection.class));
    }

    /** A value of {@code type} that is not its default, so a dropped or swapped argument shows. */
    private static Object sample(Class<?> type, int position) {
        if (type == int.class) {
            return 7 + position;
        }
        if (type == long.class) {
            return 70L + position;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type == short.class) {
            return (short) (3 + position);
        }
        if (type == byte.class) {
            return (byte) (2 + position);
        }
        if (type == float.class) {
            return 1.5f + position;
        }
        if (type == double.class) {
            return 2.5 + position;
        }
        if (type == String.class) {
            return "arg" + position;
        }
        return null; // references other than strings: identity is checked through the strings and primitives
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bases")
    void everyCallIsForwardedWithItsArgumentsAndItsResult(Case c) throws Throwable {
        List<String> received = new ArrayList<>();
        Object delegate = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {c.jdbc()},
                (proxy, method, arguments) -> {
                    received.add(method.getName() + List.of(arguments == null ? new Object[0] : nonNull(arguments)));
                    Class<?> type = method.getReturnType();
                    return type == String.class ? "result" : type.isPrimitive() ? sample(type, 0) : null;
                });
        Object base = Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {c.base()},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("delegate") && method.getParameterCount() == 0) {
                        return delegate;
                    }
                    return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, arguments);
                });
        int checked = 0;
        for (Method method : c.jdbc().getMethods()) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Object[] arguments = new Object[method.getParameterCount()];
            for (int i = 0; i < arguments.length; i++) {
                arguments[i] = sample(method.getParameterTypes()[i], i);
            }
            received.clear();
            Object result = method.invoke(base, arguments);
            assertThat(received).as(method.toString()).containsExactly(method.getName() + List.of(nonNull(arguments)));
            if (method.getReturnType() == String.class) {
                assertThat(result).as(method.toString()).isEqualTo("result");
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(30);
    }

    private static Object[] nonNull(Object[] arguments) {
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] == null ? "null" : arguments[i];
        }
        return shown;
    }
}
