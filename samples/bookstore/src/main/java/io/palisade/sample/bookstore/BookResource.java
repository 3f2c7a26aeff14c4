package io.palisade.sample.bookstore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import java.util.List;

/** The vulnerable endpoints. */
@Path("/api/books")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BookResource {

    @Inject
    Books books;

    @GET
    @Path("search")
    public String search(@QueryParam("q") @DefaultValue("") String query) throws SQLException {
        return toJson(books.searchUnsafe(query));
    }

    static String toJson(List<Book> found) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        found.forEach(book -> array.add(book.toJson()));
        return array.build().toString();
    }
}
