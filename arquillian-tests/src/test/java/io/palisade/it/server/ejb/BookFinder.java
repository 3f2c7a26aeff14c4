package io.palisade.it.server.ejb;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** A session bean with a container-managed entity manager, and a deliberately vulnerable JPQL query. */
@Stateless
public class BookFinder {

    @PersistenceContext(unitName = "ejb-it")
    EntityManager entityManager;

    public long count(String title) {
        return entityManager.createQuery("select count(b) from ItBook b where b.title = '" + title + "'", Long.class)
                .getSingleResult();
    }
}
