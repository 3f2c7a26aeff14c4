package io.palisade.interceptor.jpa;

import io.palisade.core.detect.sql.SqlDialect;
import io.palisade.core.detect.sql.SqlSource;
import io.palisade.core.hook.CallbackChain;
import io.palisade.core.hook.HookPoint;
import jakarta.persistence.EntityGraph;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.persistence.StoredProcedureQuery;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaDelete;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.CriteriaUpdate;
import jakarta.persistence.metamodel.Metamodel;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An entity manager whose {@code createQuery(String...)} and {@code createNativeQuery(String...)}
 * fire their {@code jpa} hook points; every other method forwards to the provider's manager
 * unchanged. With nothing attached a hooked call costs one volatile read and a null check.
 *
 * <p>This class implements Jakarta Persistence 3.1. On a 3.2 runtime {@link JpaDelegates} creates the
 * subclass from {@code palisade-interceptors-jpa32}, which adds the 3.2 methods, so that an
 * application calling them through a wrapped manager never meets an {@code AbstractMethodError}.
 *
 * <p>Thread-safety: as the provider's manager (a container-managed one is a thread-safe proxy;
 * the wrapper adds only immutable state and a benign racy cache of the native dialect).
 */
public class PalisadeEntityManager implements EntityManager, SqlSource {

    private final EntityManager delegate;
    private final JpaHooks hooks;
    /** The factory wrapper this manager came from, or {@code null} when it was injected. */
    private final PalisadeEntityManagerFactory factory;
    private SqlDialect nativeDialect;

    /** Use {@link JpaDelegates#wrap(EntityManager, JpaHooks)}, which picks the class for the runtime's JPA version. */
    protected PalisadeEntityManager(EntityManager delegate, JpaHooks hooks, PalisadeEntityManagerFactory factory) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.hooks = Objects.requireNonNull(hooks, "hooks");
        this.factory = factory;
    }

    /** The provider's manager. */
    public final EntityManager delegate() {
        return delegate;
    }

    protected final JpaHooks hooks() {
        return hooks;
    }

    /**
     * The dialect of the database behind this manager's persistence unit, for its native queries;
     * read once per unit, and only when a request input occurs in a native query.
     */
    @Override
    public SqlDialect sqlDialect() {
        SqlDialect known = nativeDialect;
        if (known == null) {
            known = factory != null ? factory.nativeDialect() : hooks.dialectOf(delegate.getEntityManagerFactory());
            nativeDialect = known;
        }
        return known;
    }

    // ---- hooked: query text ----

    @Override
    public Query createQuery(String qlString) {
        HookPoint hook = hooks.createQuery;
        CallbackChain chain = hook.chain();
        return chain == null ? delegate.createQuery(qlString)
                : JpaCalls.call(hook, chain, this, new Object[] {qlString}, () -> delegate.createQuery(qlString));
    }

    @Override
    public <T> TypedQuery<T> createQuery(String qlString, Class<T> resultClass) {
        HookPoint hook = hooks.createQueryTyped;
        CallbackChain chain = hook.chain();
        return chain == null ? delegate.createQuery(qlString, resultClass)
                : JpaCalls.call(hook, chain, this, new Object[] {qlString, resultClass},
                        () -> delegate.createQuery(qlString, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString) {
        HookPoint hook = hooks.createNativeQuery;
        CallbackChain chain = hook.chain();
        return chain == null ? delegate.createNativeQuery(sqlString)
                : JpaCalls.call(hook, chain, this, new Object[] {sqlString}, () -> delegate.createNativeQuery(sqlString));
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Query createNativeQuery(String sqlString, Class resultClass) {
        HookPoint hook = hooks.createNativeQueryClass;
        CallbackChain chain = hook.chain();
        return chain == null ? delegate.createNativeQuery(sqlString, resultClass)
                : JpaCalls.call(hook, chain, this, new Object[] {sqlString, resultClass},
                        () -> delegate.createNativeQuery(sqlString, resultClass));
    }

    @Override
    public Query createNativeQuery(String sqlString, String resultSetMapping) {
        HookPoint hook = hooks.createNativeQueryMapping;
        CallbackChain chain = hook.chain();
        return chain == null ? delegate.createNativeQuery(sqlString, resultSetMapping)
                : JpaCalls.call(hook, chain, this, new Object[] {sqlString, resultSetMapping},
                        () -> delegate.createNativeQuery(sqlString, resultSetMapping));
    }

    // ---- identity ----

    /** This wrapper for {@code EntityManager} and its own types; otherwise what the provider answers. */
    @Override
    public <T> T unwrap(Class<T> cls) {
        return cls.isInstance(this) ? cls.cast(this) : delegate.unwrap(cls);
    }

    /** The provider's underlying object, as the provider answers (never this wrapper). */
    @Override
    public Object getDelegate() {
        return delegate.getDelegate();
    }

    /** The factory wrapper when this manager came from one, so that managers it creates are protected too. */
    @Override
    public EntityManagerFactory getEntityManagerFactory() {
        return factory != null ? factory : delegate.getEntityManagerFactory();
    }

    /** Equal to another wrapper of an equal manager; never equal to the provider's manager itself (equality stays symmetric). */
    @Override
    public boolean equals(Object other) {
        return other == this || (other instanceof PalisadeEntityManager
                && delegate.equals(((PalisadeEntityManager) other).delegate));
    }

    @Override
    public int hashCode() {
        return delegate.hashCode();
    }

    @Override
    public String toString() {
        return "Palisade[" + delegate + "]";
    }

    // ---- forwarded ----

    @Override
    public void persist(Object entity) {
        delegate.persist(entity);
    }

    @Override
    public <T> T merge(T entity) {
        return delegate.merge(entity);
    }

    @Override
    public void remove(Object entity) {
        delegate.remove(entity);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey) {
        return delegate.find(entityClass, primaryKey);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, Map<String, Object> properties) {
        return delegate.find(entityClass, primaryKey, properties);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode) {
        return delegate.find(entityClass, primaryKey, lockMode);
    }

    @Override
    public <T> T find(Class<T> entityClass, Object primaryKey, LockModeType lockMode, Map<String, Object> properties) {
        return delegate.find(entityClass, primaryKey, lockMode, properties);
    }

    @Override
    public <T> T getReference(Class<T> entityClass, Object primaryKey) {
        return delegate.getReference(entityClass, primaryKey);
    }

    @Override
    public void flush() {
        delegate.flush();
    }

    @Override
    public void setFlushMode(FlushModeType flushMode) {
        delegate.setFlushMode(flushMode);
    }

    @Override
    public FlushModeType getFlushMode() {
        return delegate.getFlushMode();
    }

    @Override
    public void lock(Object entity, LockModeType lockMode) {
        delegate.lock(entity, lockMode);
    }

    @Override
    public void lock(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        delegate.lock(entity, lockMode, properties);
    }

    @Override
    public void refresh(Object entity) {
        delegate.refresh(entity);
    }

    @Override
    public void refresh(Object entity, Map<String, Object> properties) {
        delegate.refresh(entity, properties);
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode) {
        delegate.refresh(entity, lockMode);
    }

    @Override
    public void refresh(Object entity, LockModeType lockMode, Map<String, Object> properties) {
        delegate.refresh(entity, lockMode, properties);
    }

    @Override
    public void clear() {
        delegate.clear();
    }

    @Override
    public void detach(Object entity) {
        delegate.detach(entity);
    }

    @Override
    public boolean contains(Object entity) {
        return delegate.contains(entity);
    }

    @Override
    public LockModeType getLockMode(Object entity) {
        return delegate.getLockMode(entity);
    }

    @Override
    public void setProperty(String propertyName, Object value) {
        delegate.setProperty(propertyName, value);
    }

    @Override
    public Map<String, Object> getProperties() {
        return delegate.getProperties();
    }

    @Override
    public <T> TypedQuery<T> createQuery(CriteriaQuery<T> criteriaQuery) {
        return delegate.createQuery(criteriaQuery);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Query createQuery(CriteriaUpdate updateQuery) {
        return delegate.createQuery(updateQuery);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Query createQuery(CriteriaDelete deleteQuery) {
        return delegate.createQuery(deleteQuery);
    }

    @Override
    public Query createNamedQuery(String name) {
        return delegate.createNamedQuery(name);
    }

    @Override
    public <T> TypedQuery<T> createNamedQuery(String name, Class<T> resultClass) {
        return delegate.createNamedQuery(name, resultClass);
    }

    @Override
    public StoredProcedureQuery createNamedStoredProcedureQuery(String name) {
        return delegate.createNamedStoredProcedureQuery(name);
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName) {
        return delegate.createStoredProcedureQuery(procedureName);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, Class... resultClasses) {
        return delegate.createStoredProcedureQuery(procedureName, resultClasses);
    }

    @Override
    public StoredProcedureQuery createStoredProcedureQuery(String procedureName, String... resultSetMappings) {
        return delegate.createStoredProcedureQuery(procedureName, resultSetMappings);
    }

    @Override
    public void joinTransaction() {
        delegate.joinTransaction();
    }

    @Override
    public boolean isJoinedToTransaction() {
        return delegate.isJoinedToTransaction();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public boolean isOpen() {
        return delegate.isOpen();
    }

    @Override
    public EntityTransaction getTransaction() {
        return delegate.getTransaction();
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
    public <T> EntityGraph<T> createEntityGraph(Class<T> rootType) {
        return delegate.createEntityGraph(rootType);
    }

    @Override
    public EntityGraph<?> createEntityGraph(String graphName) {
        return delegate.createEntityGraph(graphName);
    }

    @Override
    public EntityGraph<?> getEntityGraph(String graphName) {
        return delegate.getEntityGraph(graphName);
    }

    @Override
    public <T> List<EntityGraph<? super T>> getEntityGraphs(Class<T> entityClass) {
        return delegate.getEntityGraphs(entityClass);
    }
}
