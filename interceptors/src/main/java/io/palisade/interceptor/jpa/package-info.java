/**
 * Delegates for {@code EntityManagerFactory} and {@code EntityManager} whose query-creating calls
 * (JPQL, native SQL, named queries) fire their JPA hook points, and the exception a blocked query throws.
 */
package io.palisade.interceptor.jpa;
