package io.palisade.interceptor.jpa;

import io.palisade.api.jpa.PalisadeBlockedQueryException;

import io.palisade.interceptor.log.InterceptorMessages;
import io.palisade.core.hook.Arguments;
import io.palisade.core.hook.CallbackChain;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.Invocation;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityTransaction;
import java.util.function.Supplier;

/**
 * The slow path of a hooked {@code EntityManager} call, taken only when callbacks are attached: run
 * the prologs; on abort mark the transaction for rollback and throw
 * {@link PalisadeBlockedQueryException} (the provider never sees the query); else create the query
 * and run the epilogs.
 */
final class JpaCalls {

    private static final String REGISTRY_NAME = "java:comp/TransactionSynchronizationRegistry";
    private static final String REGISTRY_TYPE = "jakarta.transaction.TransactionSynchronizationRegistry";

    private JpaCalls() {
    }

    static <R> R call(HookPoint hook, CallbackChain chain, PalisadeEntityManager target, Object[] arguments, Supplier<R> action) {
        Invocation call = chain.enter(hook, Arguments.of(arguments), target);
        if (call.aborted()) {
            markRollbackOnly(target.delegate());
            throw new PalisadeBlockedQueryException(call);
        }
        R result;
        try {
            result = action.get();
        } catch (RuntimeException | Error e) {
            chain.exit(call, null, e);
            throw e;
        }
        chain.exit(call, result, null);
        return result;
    }

    /**
     * Marks the transaction the manager takes part in for rollback, so that nothing the request did
     * before the blocked query is committed even if the application catches the exception.
     * A resource-local transaction through {@code getTransaction()}; a JTA transaction through the
     * standard {@code TransactionSynchronizationRegistry}. Never throws.
     */
    static void markRollbackOnly(EntityManager manager) {
        try {
            if (!manager.isOpen() || !manager.isJoinedToTransaction()) {
                return;
            }
        } catch (RuntimeException e) {
            return;
        }
        try {
            EntityTransaction transaction = manager.getTransaction();
            if (transaction.isActive()) {
                transaction.setRollbackOnly();
            }
            return;
        } catch (IllegalStateException jta) {
            // a JTA entity manager: getTransaction() is not allowed
        } catch (RuntimeException e) {
            InterceptorMessages.LOCAL_ROLLBACK_FAILED.log(e);
            return;
        }
        try {
            Object registry = new javax.naming.InitialContext().lookup(REGISTRY_NAME);
            Class<?> type = Class.forName(REGISTRY_TYPE, false, registry.getClass().getClassLoader());
            type.getMethod("setRollbackOnly").invoke(registry);
        } catch (Exception | LinkageError e) {
            InterceptorMessages.JTA_ROLLBACK_FAILED.log(e);
        }
    }
}
