package io.palisade.sample.bookstore;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceConfiguration;

/**
 * The persistence unit on the embedded runtime, which has no container-managed persistence:
 * Hibernate ORM bootstrapped here (Jakarta Persistence 3.2's {@code PersistenceConfiguration}, no
 * persistence.xml) on the sample's database, and one entity manager per request from a producer.
 * Not in the WAR: on the servers the unit is container-managed (see {@link JpaBooks}).
 *
 * <p>The unit takes the database as the application created it, not the DataSource the application
 * produces, so that no JDBC hook point sees Hibernate's SQL: what catches a JPA injection here is the
 * {@code jpa} hook point of {@code createQuery}.
 */
@ApplicationScoped
public class EmbeddedPersistence {

    @Inject
    Database database;

    private EntityManagerFactory factory;

    private synchronized EntityManagerFactory factory() {
        if (factory == null) {
            factory = new PersistenceConfiguration("bookstore")
                    .provider("org.hibernate.jpa.HibernatePersistenceProvider")
                    // a DataSource object rather than a JNDI name: Hibernate takes either here
                    .property("jakarta.persistence.nonJtaDataSource", database.created())
                    .managedClass(StoredBook.class)
                    .managedClass(StoredUser.class)
                    .property(PersistenceConfiguration.SCHEMAGEN_DATABASE_ACTION, "none")
                    .createEntityManagerFactory();
        }
        return factory;
    }

    @Produces
    @RequestScoped
    EntityManager entityManager() {
        return factory().createEntityManager();
    }

    void close(@Disposes EntityManager entityManager) {
        entityManager.close();
    }

    @PreDestroy
    synchronized void stop() {
        if (factory != null) {
            factory.close();
        }
    }
}
