package io.palisade.sample.bookstore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;

/** The same endpoints written correctly, with bound parameters. */
@Path("/api/safe/books")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SafeBookResource {

    @Inject
    Books books;

    @GET
    @Path("search")
    public String search(@QueryParam("q") @DefaultValue("") String query) throws SQLException {
        return BookResource.toJson(books.search(query));
    }
}
