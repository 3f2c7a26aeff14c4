package io.palisade.sample.bookstore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The JPA endpoints' twins with bound parameters: nothing a request carries can change their queries. */
@Path("/api/safe/jpa/books")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SafeJpaBookResource {

    @Inject
    JpaBooks books;

    @GET
    @Path("search")
    public String search(@QueryParam("q") @DefaultValue("") String query) {
        return BookResource.toJson(books.search(query));
    }

    @GET
    @Path("by-author")
    public String byAuthor(@QueryParam("author") @DefaultValue("") String author) {
        return BookResource.toJson(books.byAuthor(author));
    }

    @GET
    @Path("native")
    public String nativeByAuthor(@QueryParam("author") @DefaultValue("") String author) {
        return BookResource.toJson(books.nativeByAuthor(author));
    }

    @GET
    @Path("{id}")
    public String byId(@PathParam("id") int id) {
        return BookResource.toJson(books.byId(id));
    }
}
