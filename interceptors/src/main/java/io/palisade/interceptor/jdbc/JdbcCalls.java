package io.palisade.interceptor.jdbc;

import io.palisade.core.hook.Arguments;
import io.palisade.core.hook.CallbackChain;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.Invocation;
import io.palisade.api.PalisadeBlockedException;
import java.sql.SQLException;

/**
 * The slow path of a hooked JDBC call, taken only when callbacks are attached: run the prologs,
 * throw {@link PalisadeBlockedException} on abort (the driver is never called), else run the call
 * and then the epilogs.
 */
final class JdbcCalls {

    /** The driver call, deferred until the prologs let it run. */
    @FunctionalInterface
    interface SqlAction {
        Object run() throws SQLException;
    }

    private JdbcCalls() {
    }

    /**
     * @param target what callbacks see as the call's target: the connection delegate, which tells the
     *               SQL dialect
     */
    static Object call(HookPoint hook, CallbackChain chain, Object target, Object[] arguments, SqlAction action)
            throws SQLException {
        Invocation call = chain.enter(hook, Arguments.of(arguments), target);
        if (call.aborted()) {
            throw new PalisadeBlockedException(call);
        }
        Object result;
        try {
            result = action.run();
        } catch (SQLException | RuntimeException | Error e) {
            chain.exit(call, null, e);
            throw e;
        }
        chain.exit(call, result, null);
        return result;
    }

    /** Whether {@code wrapper} itself answers {@code unwrap(iface)}, before asking the driver. */
    static boolean isWrapperFor(Object wrapper, java.sql.Wrapper delegate, Class<?> iface) throws SQLException {
        return iface.isInstance(wrapper) || delegate.isWrapperFor(iface);
    }

    static <T> T unwrap(Object wrapper, java.sql.Wrapper delegate, Class<T> iface) throws SQLException {
        return iface.isInstance(wrapper) ? iface.cast(wrapper) : delegate.unwrap(iface);
    }
}
