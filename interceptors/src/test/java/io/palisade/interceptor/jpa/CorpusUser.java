package io.palisade.interceptor.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What an injection in the JPQL corpus evaluation is after. */
@Entity
@Table(name = "corpus_users")
public class CorpusUser {

    @Id
    public Integer id;
    public String username;
    public String password;
}
