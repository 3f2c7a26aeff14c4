package io.palisade.interceptor;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.hook.Arguments;
import io.palisade.core.hook.BlockedInvocationException;
import io.palisade.core.hook.CallbackChain;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Invocation;
import io.palisade.core.hook.JdbcHooks;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.rules.RuleEngine;
import io.palisade.interceptor.jdbc.PalisadeConnection;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;

/**
 * The one interceptor: fires the hook point of a JAX-RS resource method, and wraps the connection a
 * {@code DataSource} bean's {@code getConnection} returns so that its statements fire the
 * {@code jdbc} hook points. Per call it does one map lookup; with nothing attached, nothing more.
 *
 * <p>Registered by the extension exactly once, whether or not the agent jar is scanned.
 */
@PalisadeHook
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class PalisadeInterceptor {

    private final HookTable table;
    private final RequestContext requests;
    private final RuleEngine rules;

    @Inject
    public PalisadeInterceptor(PalisadeRuntime runtime) {
        this.table = runtime.hookTable();
        this.requests = runtime.requests();
        this.rules = runtime.rules();
    }

    @AroundInvoke
    public Object hook(InvocationContext context) throws Exception {
        HookPoint hook = table.forMethod(context.getMethod());
        if (hook != null) {
            if (!hook.formParameters().isEmpty()) {
                inspectFormFields(hook.formParameters(), context.getParameters());
            }
            return resourceMethod(hook, context);
        }
        Object result = context.proceed();
        JdbcHooks jdbc = table.jdbc();
        if (result instanceof Connection && jdbc != null) {
            return PalisadeConnection.wrap((Connection) result, jdbc);
        }
        return result;
    }

    /**
     * Form fields reach the request record here, from the arguments JAX-RS decoded for the method,
     * rather than by reading the body in a filter, which on servlet containers can starve the
     * application of its own form data.
     */
    private void inspectFormFields(List<String> names, Object[] arguments) {
        RequestRecord record = requests.current();
        if (record == null) {
            return;
        }
        recordFormFields(record, names, arguments);
        // The request-phase rules saw every other input in the JAX-RS filter; these arrive only now.
        if (rules.inspectFormFields(record) != null) {
            throw new BlockedInvocationException();
        }
    }

    private static void recordFormFields(RequestRecord record, List<String> names, Object[] arguments) {
        for (int i = 0; i < names.size() && i < arguments.length; i++) {
            String name = names.get(i);
            Object value = arguments[i];
            if (name == null || value == null) {
                continue;
            }
            if (value instanceof Collection) {
                for (Object element : (Collection<?>) value) {
                    if (element != null) {
                        record.addBoundInput(InputSource.FORM, name, element.toString());
                    }
                }
            } else {
                record.addBoundInput(InputSource.FORM, name, value.toString());
            }
        }
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
