package io.palisade.sample.bookstore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the books table as a JPA entity; JPQL calls it {@code Book}. */
@Entity(name = "Book")
@Table(name = "books")
public class StoredBook {

    @Id
    private int id;
    private String title;
    private String author;
    private int published;
    @Column(name = "publisher")
    private String publisher;

    protected StoredBook() {
    }

    Book toBook() {
        return new Book(id, title, author, published);
    }
}
