package io.palisade.benchmarks;

/**
 * An entity manager that does nothing and answers at once, so that what a benchmark measures around
 * it is the delegate's own cost. Not a provider: every method returns null, false or nothing.
 * (Generated from the Jakarta Persistence 3.2 interface.)
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class ConstantEntityManager implements jakarta.persistence.EntityManager {

    @Override
    public void persist(java.lang.Object a0) {
    }

    @Override
    public <T> T merge(T a0) {
        return null;
    }

    @Override
    public void remove(java.lang.Object a0) {
    }

    @Override
    public <T> T find(java.lang.Class<T> a0, java.lang.Object a1) {
        return null;
    }

    @Override
    public <T> T find(java.lang.Class<T> a0, java.lang.Object a1, java.util.Map<java.lang.String, java.lang.Object> a2) {
        return null;
    }

    @Override
    public <T> T find(java.lang.Class<T> a0, java.lang.Object a1, jakarta.persistence.LockModeType a2) {
        return null;
    }

    @Override
    public <T> T find(java.lang.Class<T> a0, java.lang.Object a1, jakarta.persistence.LockModeType a2, java.util.Map<java.lang.String, java.lang.Object> a3) {
        return null;
    }

    @Override
    public <T> T find(java.lang.Class<T> a0, java.lang.Object a1, jakarta.persistence.FindOption... a2) {
        return null;
    }

    @Override
    public <T> T find(jakarta.persistence.EntityGraph<T> a0, java.lang.Object a1, jakarta.persistence.FindOption... a2) {
        return null;
    }

    @Override
    public <T> T getReference(java.lang.Class<T> a0, java.lang.Object a1) {
        return null;
    }

    @Override
    public <T> T getReference(T a0) {
        return null;
    }

    @Override
    public void flush() {
    }

    @Override
    public void setFlushMode(jakarta.persistence.FlushModeType a0) {
    }

    @Override
    public jakarta.persistence.FlushModeType getFlushMode() {
        return null;
    }

    @Override
    public void lock(java.lang.Object a0, jakarta.persistence.LockModeType a1) {
    }

    @Override
    public void lock(java.lang.Object a0, jakarta.persistence.LockModeType a1, java.util.Map<java.lang.String, java.lang.Object> a2) {
    }

    @Override
    public void lock(java.lang.Object a0, jakarta.persistence.LockModeType a1, jakarta.persistence.LockOption... a2) {
    }

    @Override
    public void refresh(java.lang.Object a0) {
    }

    @Override
    public void refresh(java.lang.Object a0, java.util.Map<java.lang.String, java.lang.Object> a1) {
    }

    @Override
    public void refresh(java.lang.Object a0, jakarta.persistence.LockModeType a1) {
    }

    @Override
    public void refresh(java.lang.Object a0, jakarta.persistence.LockModeType a1, java.util.Map<java.lang.String, java.lang.Object> a2) {
    }

    @Override
    public void refresh(java.lang.Object a0, jakarta.persistence.RefreshOption... a1) {
    }

    @Override
    public void clear() {
    }

    @Override
    public void detach(java.lang.Object a0) {
    }

    @Override
    public boolean contains(java.lang.Object a0) {
        return false;
    }

    @Override
    public jakarta.persistence.LockModeType getLockMode(java.lang.Object a0) {
        return null;
    }

    @Override
    public void setCacheRetrieveMode(jakarta.persistence.CacheRetrieveMode a0) {
    }

    @Override
    public void setCacheStoreMode(jakarta.persistence.CacheStoreMode a0) {
    }

    @Override
    public jakarta.persistence.CacheRetrieveMode getCacheRetrieveMode() {
        return null;
    }

    @Override
    public jakarta.persistence.CacheStoreMode getCacheStoreMode() {
        return null;
    }

    @Override
    public void setProperty(java.lang.String a0, java.lang.Object a1) {
    }

    @Override
    public java.util.Map<java.lang.String, java.lang.Object> getProperties() {
        return null;
    }

    @Override
    public jakarta.persistence.Query createQuery(java.lang.String a0) {
        return null;
    }

    @Override
    public <T> jakarta.persistence.TypedQuery<T> createQuery(jakarta.persistence.criteria.CriteriaQuery<T> a0) {
        return null;
    }

    @Override
    public <T> jakarta.persistence.TypedQuery<T> createQuery(jakarta.persistence.criteria.CriteriaSelect<T> a0) {
        return null;
    }

    @Override
    public jakarta.persistence.Query createQuery(jakarta.persistence.criteria.CriteriaUpdate<?> a0) {
        return null;
    }

    @Override
    public jakarta.persistence.Query createQuery(jakarta.persistence.criteria.CriteriaDelete<?> a0) {
        return null;
    }

    @Override
    public <T> jakarta.persistence.TypedQuery<T> createQuery(java.lang.String a0, java.lang.Class<T> a1) {
        return null;
    }

    @Override
    public jakarta.persistence.Query createNamedQuery(java.lang.String a0) {
        return null;
    }

    @Override
    public <T> jakarta.persistence.TypedQuery<T> createNamedQuery(java.lang.String a0, java.lang.Class<T> a1) {
        return null;
    }

    @Override
    public <T> jakarta.persistence.TypedQuery<T> createQuery(jakarta.persistence.TypedQueryReference<T> a0) {
        return null;
    }

    @Override
    public jakarta.persistence.Query createNativeQuery(java.lang.String a0) {
        return null;
    }

    @Override
    public <T> jakarta.persistence.Query createNativeQuery(java.lang.String a0, java.lang.Class<T> a1) {
        return null;
    }

    @Override
    public jakarta.persistence.Query createNativeQuery(java.lang.String a0, java.lang.String a1) {
        return null;
    }

    @Override
    public jakarta.persistence.StoredProcedureQuery createNamedStoredProcedureQuery(java.lang.String a0) {
        return null;
    }

    @Override
    public jakarta.persistence.StoredProcedureQuery createStoredProcedureQuery(java.lang.String a0) {
        return null;
    }

    @Override
    public jakarta.persistence.StoredProcedureQuery createStoredProcedureQuery(java.lang.String a0, java.lang.Class<?>... a1) {
        return null;
    }

    @Override
    public jakarta.persistence.StoredProcedureQuery createStoredProcedureQuery(java.lang.String a0, java.lang.String... a1) {
        return null;
    }

    @Override
    public void joinTransaction() {
    }

    @Override
    public boolean isJoinedToTransaction() {
        return false;
    }

    @Override
    public <T> T unwrap(java.lang.Class<T> a0) {
        return null;
    }

    @Override
    public java.lang.Object getDelegate() {
        return null;
    }

    @Override
    public void close() {
    }

    @Override
    public boolean isOpen() {
        return false;
    }

    @Override
    public jakarta.persistence.EntityTransaction getTransaction() {
        return null;
    }

    @Override
    public jakarta.persistence.EntityManagerFactory getEntityManagerFactory() {
        return null;
    }

    @Override
    public jakarta.persistence.criteria.CriteriaBuilder getCriteriaBuilder() {
        return null;
    }

    @Override
    public jakarta.persistence.metamodel.Metamodel getMetamodel() {
        return null;
    }

    @Override
    public <T> jakarta.persistence.EntityGraph<T> createEntityGraph(java.lang.Class<T> a0) {
        return null;
    }

    @Override
    public jakarta.persistence.EntityGraph<?> createEntityGraph(java.lang.String a0) {
        return null;
    }

    @Override
    public jakarta.persistence.EntityGraph<?> getEntityGraph(java.lang.String a0) {
        return null;
    }

    @Override
    public <T> java.util.List<jakarta.persistence.EntityGraph<? super T>> getEntityGraphs(java.lang.Class<T> a0) {
        return null;
    }

    @Override
    public <C> void runWithConnection(jakarta.persistence.ConnectionConsumer<C> a0) {
    }

    @Override
    public <C, T> T callWithConnection(jakarta.persistence.ConnectionFunction<C, T> a0) {
        return null;
    }
}
