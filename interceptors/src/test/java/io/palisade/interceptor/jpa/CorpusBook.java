package io.palisade.interceptor.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The books of the JPQL corpus evaluation. */
@Entity
@Table(name = "corpus_books")
public class CorpusBook {

    @Id
    public Integer id;
    public String title;
    public String author;
}
