package io.palisade.sample.bookstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookstore's data through JPA. The {@code unsafe...} methods are deliberately vulnerable: they
 * concatenate request input into JPQL or native SQL, as the code Palisade protects does. Each has a
 * twin with bound parameters.
 *
 * <p>On a server the entity manager is container-managed and injected into {@link #injected}; on the
 * embedded runtime, which has no container-managed persistence, it comes from
 * {@code EmbeddedPersistence}'s producer through {@link #produced}.
 */
@ApplicationScoped
public class JpaBooks {

    private static final String BOOKS = "select b from Book b";

    @PersistenceContext(unitName = "bookstore")
    EntityManager injected;

    @Inject
    Instance<EntityManager> produced;

    private EntityManager entityManager() {
        return injected != null ? injected : produced.get();
    }

    /** {@code where b.title like '%<term>%'} */
    public List<Book> unsafeSearch(String term) {
        return books(BOOKS + " where b.title like '%" + term + "%' order by b.id");
    }

    /** {@code where b.author = '<author>'} */
    public List<Book> unsafeByAuthor(String author) {
        return books(BOOKS + " where b.author = '" + author + "' order by b.id");
    }

    /** {@code where b.id = <id>}, the id taken as a string. */
    public List<Book> unsafeById(String id) {
        return books(BOOKS + " where b.id = " + id);
    }

    /** Native SQL: {@code WHERE author = '<author>'}. */
    public List<Book> unsafeNativeByAuthor(String author) {
        return rows(entityManager().createNativeQuery("SELECT id, title, author, published FROM books WHERE author = '"
                + author + "' ORDER BY id").getResultList());
    }

    public List<Book> search(String term) {
        return typed(entityManager().createQuery(BOOKS + " where b.title like :term order by b.id", StoredBook.class)
                .setParameter("term", "%" + term + "%").getResultList());
    }

    public List<Book> byAuthor(String author) {
        return typed(entityManager().createQuery(BOOKS + " where b.author = :author order by b.id", StoredBook.class)
                .setParameter("author", author).getResultList());
    }

    public List<Book> byId(int id) {
        return typed(entityManager().createQuery(BOOKS + " where b.id = ?1", StoredBook.class).setParameter(1, id)
                .getResultList());
    }

    public List<Book> nativeByAuthor(String author) {
        return rows(entityManager().createNativeQuery("SELECT id, title, author, published FROM books WHERE author = ?1"
                + " ORDER BY id").setParameter(1, author).getResultList());
    }

    private List<Book> books(String jpql) {
        return typed(entityManager().createQuery(jpql, StoredBook.class).getResultList());
    }

    private static List<Book> typed(List<StoredBook> stored) {
        List<Book> books = new ArrayList<>(stored.size());
        stored.forEach(book -> books.add(book.toBook()));
        return books;
    }

    private static List<Book> rows(List<?> rows) {
        List<Book> books = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            books.add(new Book(((Number) columns[0]).intValue(), String.valueOf(columns[1]), String.valueOf(columns[2]),
                    ((Number) columns[3]).intValue()));
        }
        return books;
    }
}
