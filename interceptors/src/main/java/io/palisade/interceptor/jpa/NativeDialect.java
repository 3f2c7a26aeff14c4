package io.palisade.interceptor.jpa;

import io.palisade.interceptor.log.InterceptorMessages;
import io.palisade.core.detect.sql.SqlDialect;
import jakarta.persistence.EntityManagerFactory;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL dialect of a persistence unit's database, for its native queries: read once per unit, the
 * first time a native query meets a request input. Jakarta Persistence has no portable way to ask, so
 * this tries, in order: the unit's properties (a Hibernate dialect, an EclipseLink target database, a
 * JDBC URL), then the provider's own notion of its platform (Hibernate's {@code Dialect}, EclipseLink's
 * {@code DatasourcePlatform}), reached by reflection so that no provider is a dependency. When none
 * answers, {@link SqlDialect#GENERIC}, which reads strings and comments the ANSI way.
 */
final class NativeDialect {

    private static final String[] PROPERTY_KEYS = {
        "hibernate.dialect", "eclipselink.target-database", "jakarta.persistence.jdbc.url", "javax.persistence.jdbc.url",
        "hibernate.connection.url", "jakarta.persistence.database-product-name",
    };

    private NativeDialect() {
    }

    static SqlDialect of(EntityManagerFactory factory) {
        try {
            Map<String, Object> properties = factory.getProperties();
            for (String key : PROPERTY_KEYS) {
                Object value = properties.get(key);
                SqlDialect dialect = value == null ? SqlDialect.GENERIC : fromName(String.valueOf(value));
                if (dialect != SqlDialect.GENERIC) {
                    return dialect;
                }
            }
        } catch (RuntimeException e) {
            InterceptorMessages.UNIT_PROPERTIES_UNREADABLE.log(e);
        }
        SqlDialect fromProvider = fromProvider(factory);
        if (fromProvider != SqlDialect.GENERIC) {
            return fromProvider;
        }
        InterceptorMessages.UNIT_DATABASE_UNKNOWN.log();
        return SqlDialect.GENERIC;
    }

    /** A product, dialect or platform class name, or a JDBC URL, to a dialect. */
    static SqlDialect fromName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.contains("sqlserver")) {
            return SqlDialect.SQLSERVER;
        }
        if (lower.startsWith("jdbc:")) {
            int colon = lower.indexOf(':', 5);
            lower = colon > 0 ? lower.substring(5, colon) : lower.substring(5);
        }
        return SqlDialect.fromProductName(lower);
    }

    private static SqlDialect fromProvider(EntityManagerFactory factory) {
        // Hibernate 6 and 7: SessionFactoryImplementor#getJdbcServices().getDialect()
        Object dialect = invoke(unwrap(factory, "org.hibernate.engine.spi.SessionFactoryImplementor"), "getJdbcServices", "getDialect");
        if (dialect != null) {
            return fromName(dialect.getClass().getName());
        }
        // EclipseLink: Session#getDatasourcePlatform()
        Object platform = invoke(unwrap(factory, "org.eclipse.persistence.sessions.Session"), "getDatasourcePlatform");
        if (platform != null) {
            return fromName(platform.getClass().getName());
        }
        return SqlDialect.GENERIC;
    }

    private static Object unwrap(EntityManagerFactory factory, String typeName) {
        try {
            ClassLoader loader = factory.getClass().getClassLoader();
            Class<?> type = Class.forName(typeName, false, loader != null ? loader : ClassLoader.getSystemClassLoader());
            return factory.unwrap(type);
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** Calls public no-argument methods one after the other through their public interfaces; {@code null} on any failure. */
    private static Object invoke(Object target, String... methods) {
        Object current = target;
        try {
            for (String name : methods) {
                if (current == null) {
                    return null;
                }
                current = publicMethod(current.getClass(), name).invoke(current);
            }
            return current;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    private static java.lang.reflect.Method publicMethod(Class<?> type, String name) throws NoSuchMethodException {
        java.lang.reflect.Method method = type.getMethod(name);
        if (java.lang.reflect.Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
            return method;
        }
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                try {
                    return publicMethod(i, name);
                } catch (NoSuchMethodException e) {
                    // next
                }
            }
        }
        throw new NoSuchMethodException(name);
    }
}
