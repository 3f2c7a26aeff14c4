package io.palisade.interceptor;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.hook.Arguments;
import io.palisade.api.BlockedInvocationException;
import io.palisade.core.hook.CallbackChain;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Invocation;
import io.palisade.core.hook.JdbcHooks;
import io.palisade.interceptor.jdbc.PalisadeConnection;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.sql.Connection;

/**
 * The one interceptor: wraps the connection a {@code DataSource} bean's {@code getConnection} returns
 * so that its statements fire the {@code jdbc} hook points, and, when
 * {@code palisade.hooks.resource-methods=intercept}, fires the hook point of a JAX-RS resource method.
 * Per call it does one map lookup; with nothing attached, nothing more. (Resource methods are not
 * intercepted by default: an intercepted {@code @RequestScoped} resource costs an interceptor instance
 * per request, for callbacks no built-in rule attaches.)
 *
 * <p>Registered by the extension exactly once, whether or not the agent jar is scanned.
 */
@PalisadeHook
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class PalisadeInterceptor {

    private final HookTable table;

    @Inject
    public PalisadeInterceptor(PalisadeRuntime runtime) {
        this.table = runtime.hookTable();
    }

    @AroundInvoke
    public Object hook(InvocationContext context) throws Exception {
        HookPoint hook = table.forMethod(context.getMethod());
        if (hook != null) {
            return resourceMethod(hook, context);
        }
        Object result = context.proceed();
        JdbcHooks jdbc = table.jdbc();
        if (result instanceof Connection && jdbc != null) {
            return PalisadeConnection.wrap((Connection) result, jdbc);
        }
        return result;
    }

    private static Object resourceMethod(HookPoint hook, InvocationContext context) throws Exception {
        CallbackChain chain = hook.chain();
        if (chain == null) {
            return context.proceed();
        }
        Invocation call = chain.enter(hook, Arguments.of(context.getParameters()));
        if (call.aborted()) {
            throw new BlockedInvocationException(call);
        }
        Object result;
        try {
            result = context.proceed();
        } catch (Exception | Error e) {
            chain.exit(call, null, e);
            throw e;
        }
        chain.exit(call, result, null);
        return result;
    }
}
