package io.palisade.interceptor.jpa;

import io.palisade.core.detect.sql.SqlDialect;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.HookPoint;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The hook points of the {@code EntityManager} methods that take query text, one field each so that
 * a delegate reaches its hook point with a field read. One instance per deployment, made before the
 * hook table is frozen (the table takes them through {@code HookTable.Builder#queries}).
 *
 * <p>Only the methods that carry text are hooked: criteria queries, named queries and
 * {@code TypedQueryReference}s (JPA 3.2) are built by the application from its own strings, not from
 * request input.
 */
public final class JpaHooks {

    private final List<HookPoint> all = new ArrayList<>();

    public final HookPoint createQuery = hook(HookKind.JPA_QUERY, "createQuery", String.class);
    public final HookPoint createQueryTyped = hook(HookKind.JPA_QUERY, "createQuery", String.class, Class.class);
    public final HookPoint createNativeQuery = hook(HookKind.JPA_NATIVE_QUERY, "createNativeQuery", String.class);
    public final HookPoint createNativeQueryClass = hook(HookKind.JPA_NATIVE_QUERY, "createNativeQuery", String.class, Class.class);
    public final HookPoint createNativeQueryMapping = hook(HookKind.JPA_NATIVE_QUERY, "createNativeQuery", String.class, String.class);

    /** The native dialect of each persistence unit seen, by its factory (weakly: a closed unit's entry goes with it). */
    private final Map<EntityManagerFactory, SqlDialect> dialects = Collections.synchronizedMap(new WeakHashMap<>());

    /** Every JPA hook point, in declaration order. */
    public List<HookPoint> all() {
        return Collections.unmodifiableList(all);
    }

    /** The SQL dialect of a persistence unit's database, read once per unit. */
    SqlDialect dialectOf(EntityManagerFactory factory) {
        if (factory == null) {
            return SqlDialect.GENERIC;
        }
        SqlDialect known = dialects.get(factory);
        if (known == null) {
            known = NativeDialect.of(factory);
            dialects.put(factory, known);
        }
        return known;
    }

    private HookPoint hook(HookKind kind, String name, Class<?>... parameterTypes) {
        Method method;
        try {
            method = EntityManager.class.getMethod(name, parameterTypes);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("EntityManager method missing from the Jakarta Persistence API: " + name, e);
        }
        HookPoint hookPoint = HookPoint.forQuery(kind, method);
        all.add(hookPoint);
        return hookPoint;
    }
}
