package io.palisade.interceptor.jpa;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class TestBook {

    @Id
    public Long id;
    public String title;

    public TestBook() {
    }

    public TestBook(long id, String title) {
        this.id = id;
        this.title = title;
    }
}
