package io.palisade.sample.bookstore;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of the users table as a JPA entity ({@code AppUser} in JPQL): what a JPQL injection is after. */
@Entity(name = "AppUser")
@Table(name = "users")
public class StoredUser {

    @Id
    private int id;
    private String username;
    @Column(name = "password_hash")
    private String passwordHash;

    protected StoredUser() {
    }
}
