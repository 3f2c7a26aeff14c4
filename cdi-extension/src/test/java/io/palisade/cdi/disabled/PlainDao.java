package io.palisade.cdi.disabled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import javax.sql.DataSource;
import io.palisade.cdi.support.Containers;

@Path("plain")
@ApplicationScoped
public class PlainDao {

    @Produces
    @ApplicationScoped
    DataSource dataSource() {
        return Containers.database("disabled");
    }

    @GET
    public String ping() {
        return "pong";
    }
}
