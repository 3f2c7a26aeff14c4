package io.palisade.it.server.ejb;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class ItBook {

    @Id
    public Integer id;
    public String title;
}
