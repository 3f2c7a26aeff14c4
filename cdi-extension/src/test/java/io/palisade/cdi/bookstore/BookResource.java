package io.palisade.cdi.bookstore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.sql.SQLException;
import java.util.List;

@Path("books")
@ApplicationScoped
public class BookResource {

    @Inject
    Library library;

    @GET
    @Path("search")
    public List<String> search(@QueryParam("q") String query, @QueryParam("limit") int limit) throws SQLException {
        return library.titlesLike("producer", query);
    }

    @GET
    @Path("{id}")
    public String byId(@PathParam("id") String id) {
        return "book " + id;
    }

    /** Not a resource method: no JAX-RS annotation, so no hook point. */
    public String helper() {
        return "helper";
    }
}
