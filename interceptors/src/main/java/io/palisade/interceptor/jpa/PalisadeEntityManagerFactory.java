package io.palisade.interceptor.jpa;

import io.palisade.core.detect.sql.SqlDialect;
import jakarta.persistence.Cache;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitUtil;
import jakarta.persistence.Query;
import jakarta.persistence.SynchronizationType;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.metamodel.Metamodel;
import java.util.Map;
import java.util.Objects;

/**
 * An entity manager factory whose managers are {@link PalisadeEntityManager}s; everything else
 * forwards to the provider's factory. Implements Jakarta Persistence 3.1; see
 * {@link PalisadeEntityManager} for 3.2.
 */
public class PalisadeEntityManagerFactory implements EntityManagerFactory {

    private final EntityManagerFactory delegate;
    private final JpaHooks hooks;

    /** Use {@link JpaDelegates#wrap(EntityManagerFactory, JpaHooks)}. */
    protected PalisadeEntityManagerFactory(EntityManagerFactory delegate, JpaHooks hooks) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
    }

    /** The provider's factory. */
    public final EntityManagerFactory delegate() {
        return delegate;
    }

    protected final JpaHooks hooks() {
        return hooks;
    }

    SqlDialect nativeDialect() {
        return hooks.dialectOf(delegate);
    }

    /** Wraps a manager the provider created for this factory. */
    protected final EntityManager managed(EntityManager manager) {
        return JpaDelegates.wrap(manager, hooks, this);
    }

    @Override
    public EntityManager createEntityManager() {
        return managed(delegate.createEntityManager());
    }

    @Override
    @SuppressWarnings("rawtypes")
    public EntityManager createEntityManager(Map map) {
        return managed(delegate.createEntityManager(map));
    }

    @Override
    public EntityManager createEntityManager(SynchronizationType synchronizationType) {
        return managed(delegate.createEntityManager(synchronizationType));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public EntityManager createEntityManager(SynchronizationType synchronizationType, Map map) {
        return managed(delegate.createEntityManager(synchronizationType, map));
    }

    @Override
    public <T> T unwrap(Class<T> cls) {
        return cls.isInstance(this) ? cls.cast(this) : delegate.unwrap(cls);
    }

    @Override
    public boolean equals(Object other) {
        return other == this || (other instanceof PalisadeEntityManagerFactory
                && delegate.equals(((PalisadeEntityManagerFactory) other).delegate));
    }

    @Override
    public int hashCode() {
        return delegate.hashCode();
    }

    @Override
    public String toString() {
        return "Palisade[" + delegate + "]";
    }

    @Override
    public CriteriaBuilder getCriteriaBuilder() {
        return delegate.getCriteriaBuilder();
    }

    @Override
    public Metamodel getMetamodel() {
        return delegate.getMetamodel();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Map<String, Object> getProperties() {
        return delegate.getProperties();
    }

    @Override
    public Cache getCache() {
        return delegate.getCache();
    }

    @Override
    public PersistenceUnitUtil getPersistenceUnitUtil() {
        return delegate.getPersistenceUnitUtil();
    }

    @Override
    public void addNamedQuery(String name, Query query) {
        delegate.addNamedQuery(name, query);
    }

    @Override
    public <T> void addNamedEntityGraph(String graphName, EntityGraph<T> entityGraph) {
        delegate.addNamedEntityGraph(graphName, entityGraph);
    }
}
