package io.palisade.interceptor.jpa32;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.hook.Callback;
import io.palisade.core.hook.CallbackSet;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Verdict;
import io.palisade.interceptor.jpa.JpaDelegates;
import io.palisade.interceptor.jpa.JpaDelegatesTest;
import io.palisade.interceptor.jpa.JpaHooks;
import io.palisade.api.jpa.PalisadeBlockedQueryException;
import io.palisade.interceptor.jpa.TestBook;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The JPA delegates on Jakarta Persistence 3.2 (EE 11), with Hibernate ORM 7 on H2. */
class Jpa32DelegatesTest {

    private static EntityManagerFactory provider;

    private final JpaHooks hooks = new JpaHooks();
    private final HookTable table = HookTable.builder().queries(hooks.all()).build();

    @BeforeAll
    static void start() {
        provider = Persistence.createEntityManagerFactory("delegates");
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    @Test
    void onA32RuntimeThe32DelegatesAreChosen() {
        assertThat(JpaDelegates.jpa32()).isTrue();
        assertThat(JpaDelegates.wrap(provider.createEntityManager(), hooks)).isInstanceOf(PalisadeEntityManager32.class);
        assertThat(JpaDelegates.wrap(provider, hooks)).isInstanceOf(PalisadeEntityManagerFactory32.class);
    }

    @Test
    void everyMethodForwardsThe32OnesToo() throws Exception {
        JpaDelegatesTest.assertForwards(EntityManager.class, delegate -> JpaDelegates.wrap((EntityManager) delegate, hooks));
        JpaDelegatesTest.assertForwards(EntityManagerFactory.class,
                delegate -> JpaDelegates.wrap((EntityManagerFactory) delegate, hooks),
                "createEntityManager", "runInTransaction", "callInTransaction");
    }

    @Test
    void the32MethodsWorkThroughAWrappedManagerAndItsManagersAreProtected() {
        List<String> fired = new ArrayList<>();
        table.install(CallbackSet.builder().addAll(hooks.all(), Callback.builder("record").expects(String.class).prolog(call -> {
            fired.add((String) call.arguments().get(0));
            return call.arguments().get(0).toString().contains("drop") ? Verdict.abort("test") : Verdict.CONTINUE;
        }).build()).build());
        EntityManagerFactory factory = JpaDelegates.wrap(provider, hooks);
        factory.runInTransaction(manager -> {
            manager.createQuery("delete from TestBook").executeUpdate();
            manager.persist(new TestBook(1, "Dune"));
        });
        String title = factory.callInTransaction(manager -> {
            assertThat(manager).isInstanceOf(PalisadeEntityManager32.class);
            manager.setCacheRetrieveMode(CacheRetrieveMode.BYPASS);
            assertThat(manager.getCacheRetrieveMode()).isEqualTo(CacheRetrieveMode.BYPASS);
            String product = manager.callWithConnection((Connection c) -> c.getMetaData().getDatabaseProductName());
            assertThat(product).isEqualTo("H2");
            return manager.createQuery("select b.title from TestBook b", String.class).getSingleResult();
        });
        assertThat(title).isEqualTo("Dune");
        assertThat(factory.getName()).isEqualTo("delegates");
        assertThat(fired).containsExactly("delete from TestBook", "select b.title from TestBook b");
        try {
            factory.runInTransaction(manager -> manager.createNativeQuery("drop table TestBook"));
        } catch (PalisadeBlockedQueryException expected) {
            fired.add("blocked");
        }
        assertThat(fired).endsWith("blocked");
        EntityManager check = factory.createEntityManager();
        assertThat(check.find(TestBook.class, 1L).title).isEqualTo("Dune");
        check.close();
    }
}
