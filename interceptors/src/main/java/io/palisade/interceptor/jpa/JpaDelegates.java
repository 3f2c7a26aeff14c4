package io.palisade.interceptor.jpa;

import io.palisade.interceptor.log.InterceptorMessages;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * Wraps entity managers and factories in the delegate that fits the Jakarta Persistence API the
 * runtime provides: the 3.1 delegates of this module, or on a 3.2 runtime their subclasses from
 * {@code palisade-interceptors-jpa32}, which implement the methods 3.2 added. The choice is made once,
 * by looking for a 3.2 method on {@code EntityManager}. On a 3.2 runtime without the 3.2 delegates
 * (a build that left them out) nothing is wrapped: the application works, unprotected at its queries,
 * and says so once in the log.
 */
public final class JpaDelegates {

    private static final String MANAGER_32 = "io.palisade.interceptor.jpa32.PalisadeEntityManager32";
    private static final String FACTORY_32 = "io.palisade.interceptor.jpa32.PalisadeEntityManagerFactory32";

    /** How managers and factories are made on this runtime; {@code null} handles mean the 3.1 classes. */
    private static final Choice CHOICE = choose();

    private JpaDelegates() {
    }

    private static final class Choice {
        final boolean jpa32;
        final MethodHandle manager;
        final MethodHandle factory;
        final boolean wrap;

        Choice(boolean jpa32, MethodHandle manager, MethodHandle factory, boolean wrap) {
            this.jpa32 = jpa32;
            this.manager = manager;
            this.factory = factory;
            this.wrap = wrap;
        }
    }

    private static Choice choose() {
        boolean jpa32;
        try {
            EntityManager.class.getMethod("getCacheRetrieveMode");
            jpa32 = true;
        } catch (NoSuchMethodException e) {
            jpa32 = false;
        }
        if (!jpa32) {
            return new Choice(false, null, null, true);
        }
        try {
            MethodHandles.Lookup lookup = MethodHandles.publicLookup();
            ClassLoader loader = JpaDelegates.class.getClassLoader();
            Class<?> manager = Class.forName(MANAGER_32, true, loader);
            Class<?> factory = Class.forName(FACTORY_32, true, loader);
            MethodHandle newManager = lookup.findStatic(manager, "create", MethodType.methodType(PalisadeEntityManager.class,
                    EntityManager.class, JpaHooks.class, PalisadeEntityManagerFactory.class));
            MethodHandle newFactory = lookup.findStatic(factory, "create", MethodType.methodType(
                    PalisadeEntityManagerFactory.class, EntityManagerFactory.class, JpaHooks.class));
            return new Choice(true, newManager, newFactory, true);
        } catch (ReflectiveOperationException | LinkageError e) {
            InterceptorMessages.JPA32_DELEGATES_MISSING.log(e);
            return new Choice(true, null, null, false);
        }
    }

    /** Whether the runtime's Jakarta Persistence API is 3.2 or later. */
    public static boolean jpa32() {
        return CHOICE.jpa32;
    }

    /** Whether managers can be wrapped on this runtime (false only for a 3.2 runtime without the 3.2 delegates). */
    public static boolean available() {
        return CHOICE.wrap;
    }

    /** Wraps {@code manager}, unless it is {@code null} or already wrapped. */
    public static EntityManager wrap(EntityManager manager, JpaHooks hooks) {
        return wrap(manager, hooks, null);
    }

    static EntityManager wrap(EntityManager manager, JpaHooks hooks, PalisadeEntityManagerFactory factory) {
        if (manager == null || manager instanceof PalisadeEntityManager || !CHOICE.wrap) {
            return manager;
        }
        if (CHOICE.manager == null) {
            return new PalisadeEntityManager(manager, hooks, factory);
        }
        try {
            return (EntityManager) CHOICE.manager.invoke(manager, hooks, factory);
        } catch (Throwable e) {
            throw new IllegalStateException(InterceptorMessages.WRAP_FAILED.text(""), e);
        }
    }

    /** Wraps {@code factory}, unless it is {@code null} or already wrapped. */
    public static EntityManagerFactory wrap(EntityManagerFactory factory, JpaHooks hooks) {
        if (factory == null || factory instanceof PalisadeEntityManagerFactory || !CHOICE.wrap) {
            return factory;
        }
        if (CHOICE.factory == null) {
            return new PalisadeEntityManagerFactory(factory, hooks);
        }
        try {
            return (EntityManagerFactory) CHOICE.factory.invoke(factory, hooks);
        } catch (Throwable e) {
            throw new IllegalStateException(InterceptorMessages.WRAP_FAILED.text(" factory"), e);
        }
    }
}
