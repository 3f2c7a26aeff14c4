package io.palisade.interceptor.jpa32;

import io.palisade.interceptor.jpa.JpaHooks;
import io.palisade.interceptor.jpa.PalisadeEntityManager;
import io.palisade.interceptor.jpa.PalisadeEntityManagerFactory;
import jakarta.persistence.CacheRetrieveMode;
import jakarta.persistence.CacheStoreMode;
import jakarta.persistence.ConnectionConsumer;
import jakarta.persistence.ConnectionFunction;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FindOption;
import jakarta.persistence.LockModeType;
import jakarta.persistence.LockOption;
import jakarta.persistence.RefreshOption;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.TypedQueryReference;
import jakarta.persistence.criteria.CriteriaSelect;

/**
 * {@link PalisadeEntityManager} with the methods Jakarta Persistence 3.2 added, all forwarded. None
 * of them takes query text (a {@code TypedQueryReference} names a query the application declared),
 * so none is hooked. Made only on a 3.2 runtime, by {@code JpaDelegates}.
 */
public class PalisadeEntityManager32 extends PalisadeEntityManager {

    protected PalisadeEntityManager32(EntityManager delegate, JpaHooks hooks, PalisadeEntityManagerFactory factory) {
        super(delegate, hooks, factory);
    }

    /** Called by {@code JpaDelegates} through a method handle. */
    public static PalisadeEntityManager create(EntityManager delegate, JpaHooks hooks, PalisadeEntityManagerFactory factory) {
        return new PalisadeEntityManager32(delegate, hooks, factory);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, FindOption... options) {
        return delegate().find(entityClass, primaryKey, options);
    }

    @Override
    public <T> T find(EntityGraph<T> entityGraph, Object primaryKey, FindOption... options) {
        return delegate().find(entityGraph, primaryKey, options);
    }

    @Override
    public <T> T getReference(T entity) {
        return delegate().getReference(entity);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, LockOption... options) {
        delegate().lock(entity, lockMode, options);
    }

    @Override
    public void refresh(Object entity, RefreshOption... options) {
        delegate().refresh(entity, options);
    }

    @Override
    public void setCacheRetrieveMode(CacheRetrieveMode cacheRetrieveMode) {
        delegate().setCacheRetrieveMode(cacheRetrieveMode);
    }

    @Override
    public void setCacheStoreMode(CacheStoreMode cacheStoreMode) {
        delegate().setCacheStoreMode(cacheStoreMode);
    }

    @Override
    public CacheRetrieveMode getCacheRetrieveMode() {
        return delegate().getCacheRetrieveMode();
    }

    @Override
    public CacheStoreMode getCacheStoreMode() {
        return delegate().getCacheStoreMode();
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaSelect<T> selectQuery) {
        return delegate().createQuery(selectQuery);
    }

    @Override
    public <T> TypedQuery<T> createQuery(TypedQueryReference<T> reference) {
        return delegate().createQuery(reference);
    }

    @Override
    public <C> void runWithConnection(ConnectionConsumer<C> action) {
        delegate().runWithConnection(action);
    }

    @Override
    public <C, T> T callWithConnection(ConnectionFunction<C, T> function) {
        return delegate().callWithConnection(function);
    }
}
