package io.palisade.interceptor.jpa32;

import io.palisade.interceptor.jpa.JpaHooks;
import io.palisade.interceptor.jpa.PalisadeEntityManagerFactory;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.persistence.SchemaManager;
import jakarta.persistence.TypedQueryReference;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * {@link PalisadeEntityManagerFactory} with the methods Jakarta Persistence 3.2 added. The managers
 * that {@code runInTransaction} and {@code callInTransaction} hand to the application are wrapped
 * like those {@code createEntityManager} returns.
 */
public class PalisadeEntityManagerFactory32 extends PalisadeEntityManagerFactory {

    protected PalisadeEntityManagerFactory32(EntityManagerFactory delegate, JpaHooks hooks) {
        super(delegate, hooks);
    }

    /** Called by {@code JpaDelegates} through a method handle. */
    public static PalisadeEntityManagerFactory create(EntityManagerFactory delegate, JpaHooks hooks) {
        return new PalisadeEntityManagerFactory32(delegate, hooks);
    }

    @Override
    public String getName() {
        return delegate().getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return delegate().getTransactionType();
    }

    @Override
    public SchemaManager getSchemaManager() {
        return delegate().getSchemaManager();
    }

    @Override
    public <R> Map<String, TypedQueryReference<R>> getNamedQueries(Class<R> resultType) {
        return delegate().getNamedQueries(resultType);
    }

    @Override
    public <E> Map<String, EntityGraph<? extends E>> getNamedEntityGraphs(Class<E> entityType) {
        return delegate().getNamedEntityGraphs(entityType);
    }

    @Override
    public void runInTransaction(Consumer<EntityManager> work) {
        delegate().runInTransaction(manager -> work.accept(managed(manager)));
    }

    @Override
    public <R> R callInTransaction(Function<EntityManager, R> work) {
        return delegate().callInTransaction(manager -> work.apply(managed(manager)));
    }
}
