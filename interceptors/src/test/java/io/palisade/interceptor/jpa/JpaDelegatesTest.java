package io.palisade.interceptor.jpa;

import io.palisade.api.jpa.PalisadeBlockedQueryException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.core.detect.sql.SqlDialect;
import io.palisade.core.hook.Callback;
import io.palisade.core.hook.CallbackSet;
import io.palisade.core.hook.HookKind;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Installation;
import io.palisade.core.hook.Verdict;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hibernate.Session;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JPA delegates on Jakarta Persistence 3.1, with Hibernate ORM 6.6 on H2. */
public class JpaDelegatesTest {

    private static EntityManagerFactory provider;

    private final JpaHooks hooks = new JpaHooks();
    private final HookTable table = HookTable.builder().queries(hooks.all()).build();
    private final List<String> fired = new ArrayList<>();

    @BeforeAll
    static void start() {
        provider = Persistence.createEntityManagerFactory("delegates");
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @BeforeEach
    void data() {
        EntityManager manager = provider.createEntityManager();
        manager.getTransaction().begin();
        manager.createQuery("delete from TestBook").executeUpdate();
        manager.persist(new TestBook(1, "Dune"));
        manager.persist(new TestBook(2, "Emma"));
        manager.getTransaction().commit();
        manager.close();
    }

    private Installation record() {
        Callback record = Callback.builder("record").expects(String.class).prolog(call -> {
            fired.add(call.hookPoint().symbol() + " " + call.arguments().get(0));
            return Verdict.CONTINUE;
        }).build();
        return table.install(CallbackSet.builder().addAll(hooks.all(), record).build());
    }

    @Test
    void theRuntimeIsJpa31SoTheBaseDelegatesAreUsed() {
        assertThat(JpaDelegates.jpa32()).isFalse();
        assertThat(JpaDelegates.available()).isTrue();
        assertThat(JpaDelegates.wrap(provider.createEntityManager(), hooks).getClass()).isEqualTo(PalisadeEntityManager.class);
        assertThat(table.byKind(HookKind.JPA_QUERY)).hasSize(2);
        assertThat(table.byKind(HookKind.JPA_NATIVE_QUERY)).hasSize(3);
        assertThat(hooks.createQueryTyped.symbol())
                .isEqualTo("jpa:jakarta.persistence.EntityManager#createQuery(java.lang.String,java.lang.Class)");
    }

    @Test
    void everyTextOverloadFiresItsOwnHookPointAndStillWorks() {
        record();
        EntityManager manager = JpaDelegates.wrap(provider.createEntityManager(), hooks);
        assertThat(manager.createQuery("select b from TestBook b order by b.id").getResultList()).hasSize(2);
        assertThat(manager.createQuery("select b.title from TestBook b where b.id = 1", String.class).getSingleResult())
                .isEqualTo("Dune");
        assertThat(manager.createNativeQuery("SELECT title FROM TestBook WHERE id = 2").getSingleResult()).isEqualTo("Emma");
        assertThat(manager.createNativeQuery("SELECT * FROM TestBook WHERE id = 2", TestBook.class).getResultList()).hasSize(1);
        assertThatThrownBy(() -> manager.createNativeQuery("SELECT * FROM TestBook", "no-such-mapping"))
                .isInstanceOf(RuntimeException.class);
        assertThat(fired).containsExactly(
                hooks.createQuery.symbol() + " select b from TestBook b order by b.id",
                hooks.createQueryTyped.symbol() + " select b.title from TestBook b where b.id = 1",
                hooks.createNativeQuery.symbol() + " SELECT title FROM TestBook WHERE id = 2",
                hooks.createNativeQueryClass.symbol() + " SELECT * FROM TestBook WHERE id = 2",
                hooks.createNativeQueryMapping.symbol() + " SELECT * FROM TestBook");
        manager.close();
    }

    @Test
    void anAbortedQueryNeverReachesTheProviderAndRollsTheTransactionBack() {
        table.install(CallbackSet.builder().addAll(hooks.all(), Callback.builder("deny").expects(String.class)
                .prolog(call -> Verdict.abort("test")).build()).build());
        EntityManager manager = JpaDelegates.wrap(provider.createEntityManager(), hooks);
        manager.getTransaction().begin();
        manager.persist(new TestBook(3, "Ulysses"));
        assertThatThrownBy(() -> manager.createQuery("delete from TestBook"))
                .isInstanceOf(PersistenceException.class)
                .isInstanceOf(PalisadeBlockedQueryException.class)
                .hasMessage("Blocked by Palisade");
        // The application catches the exception and tries to commit what it did before: nothing is committed.
        assertThat(manager.getTransaction().getRollbackOnly()).isTrue();
        try {
            manager.getTransaction().commit(); // Hibernate rolls back silently unless JPA compliance is on; others throw
        } catch (RuntimeException expected) {
            // RollbackException
        }
        manager.close();
        EntityManager check = provider.createEntityManager();
        assertThat(check.createQuery("select count(b) from TestBook b", Long.class).getSingleResult()).isEqualTo(2L);
        check.close();
    }

    @Test
    void identityUnwrapAndTheFactoryStayCorrect() {
        EntityManager raw = provider.createEntityManager();
        EntityManager wrapped = JpaDelegates.wrap(raw, hooks);
        assertThat(JpaDelegates.wrap(wrapped, hooks)).isSameAs(wrapped);
        assertThat(wrapped.unwrap(EntityManager.class)).isSameAs(wrapped);
        assertThat(wrapped.unwrap(PalisadeEntityManager.class)).isSameAs(wrapped);
        assertThat(wrapped.unwrap(Session.class)).isSameAs(raw.unwrap(Session.class));
        assertThat(wrapped.getDelegate()).isSameAs(raw.getDelegate());
        assertThat(wrapped).isEqualTo(JpaDelegates.wrap(raw, new JpaHooks())).hasSameHashCodeAs(raw);
        assertThat(wrapped).isNotEqualTo(raw);
        assertThat(raw).isNotEqualTo(wrapped);
        assertThat(((PalisadeEntityManager) wrapped).sqlDialect()).isEqualTo(SqlDialect.H2);
        raw.close();

        EntityManagerFactory factory = JpaDelegates.wrap(provider, hooks);
        EntityManager fromFactory = factory.createEntityManager();
        assertThat(fromFactory).isInstanceOf(PalisadeEntityManager.class);
        assertThat(fromFactory.getEntityManagerFactory()).isSameAs(factory);
        assertThat(factory.unwrap(EntityManagerFactory.class)).isSameAs(factory);
        assertThat(factory).isEqualTo(JpaDelegates.wrap(provider, hooks)).isNotEqualTo(provider);
        record();
        fromFactory.getEntityManagerFactory().createEntityManager().createQuery("select b from TestBook b").getResultList();
        assertThat(fired).hasSize(1);
        fromFactory.close();
    }

    @Test
    void theNativeDialectIsToldFromNamesAndUrls() {
        assertThat(NativeDialect.fromName("jdbc:postgresql://127.0.0.1/x")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(NativeDialect.fromName("jdbc:h2:mem:x")).isEqualTo(SqlDialect.H2);
        assertThat(NativeDialect.fromName("org.hibernate.dialect.PostgreSQLDialect")).isEqualTo(SqlDialect.POSTGRESQL);
        assertThat(NativeDialect.fromName("org.eclipse.persistence.platform.database.H2Platform")).isEqualTo(SqlDialect.H2);
        assertThat(NativeDialect.fromName("org.hibernate.dialect.SQLServerDialect")).isEqualTo(SqlDialect.SQLSERVER);
        assertThat(NativeDialect.fromName("MySQL")).isEqualTo(SqlDialect.MYSQL);
        assertThat(NativeDialect.fromName("something else")).isEqualTo(SqlDialect.GENERIC);
    }

    @Test
    void everyEntityManagerMethodForwardsItsArguments() throws Exception {
        assertForwards(EntityManager.class, delegate -> JpaDelegates.wrap((EntityManager) delegate, hooks));
        assertForwards(EntityManagerFactory.class, delegate -> JpaDelegates.wrap((EntityManagerFactory) delegate, hooks),
                "createEntityManager");
    }

    /**
     * Calls every method of {@code api} on a wrapper around a recording delegate and checks that the
     * delegate received the same call with the same arguments. The recording delegate is a plain
     * {@link Proxy}; the wrapper under test is the hand-written class.
     *
     * @param adapted methods whose result or argument the wrapper wraps (checked elsewhere): the delegate must be
     *                called, with arguments that may differ, and may answer null
     */
    public static void assertForwards(Class<?> api, java.util.function.Function<Object, Object> wrap, String... adapted)
            throws Exception {
        List<String> received = new ArrayList<>();
        Object delegate = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("hashCode") ? 7 : method.getName().equals("equals") ? proxy == args[0] : "recorder";
            }
            received.add(describe(method, args));
            return defaultValue(method.getReturnType());
        });
        Object wrapper = wrap.apply(delegate);
        int checked = 0;
        for (Method method : api.getMethods()) {
            if (method.isDefault() || java.lang.reflect.Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Object[] args = new Object[method.getParameterCount()];
            Class<?>[] types = method.getParameterTypes();
            for (int i = 0; i < args.length; i++) {
                args[i] = argument(types[i]);
            }
            received.clear();
            try {
                method.invoke(wrapper, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
                if (!Arrays.asList(adapted).contains(method.getName())) {
                    throw e;
                }
            }
            if (Arrays.asList(adapted).contains(method.getName())) {
                assertThat(received).as(method.toGenericString()).hasSize(1).allMatch(call -> call.startsWith(method.getName() + "["));
            } else {
                assertThat(received).as(method.toGenericString()).containsExactly(describe(method, args));
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }

    private static String describe(Method method, Object[] args) {
        return method.getName() + Arrays.toString(method.getParameterTypes()) + Arrays.deepToString(args == null ? new Object[0] : args);
    }

    private static Object argument(Class<?> type) {
        if (type == String.class) {
            return "text";
        } else if (type == Class.class) {
            return TestBook.class;
        } else if (type == Object.class) {
            return new TestBook(9, "x");
        } else if (type == boolean.class) {
            return true;
        } else if (type == int.class) {
            return 3;
        } else if (type == long.class) {
            return 4L;
        } else if (type.isArray()) {
            return java.lang.reflect.Array.newInstance(type.getComponentType(), 0);
        } else if (type.isEnum()) {
            return type.getEnumConstants()[0];
        } else if (type == java.util.Map.class) {
            return java.util.Map.of("k", "v");
        }
        return null;
    }

    private static Object defaultValue(Class<?> type) {
        if (type == boolean.class) {
            return false;
        } else if (type == int.class) {
            return 0;
        } else if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
