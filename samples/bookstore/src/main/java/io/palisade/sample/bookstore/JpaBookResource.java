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

/** The deliberately vulnerable JPA endpoints (see samples/bookstore/README.md). */
@Path("/api/jpa/books")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class JpaBookResource {

    @Inject
    JpaBooks books;

    @GET
    @Path("search")
    public String search(@QueryParam("q") @DefaultValue("") String query) {
        return BookResource.toJson(books.unsafeSearch(query));
    }

    @GET
    @Path("by-author")
    public String byAuthor(@QueryParam("author") @DefaultValue("") String author) {
        return BookResource.toJson(books.unsafeByAuthor(author));
    }

    @GET
    @Path("native")
    public String nativeByAuthor(@QueryParam("author") @DefaultValue("") String author) {
        return BookResource.toJson(books.unsafeNativeByAuthor(author));
    }

    @GET
    @Path("{id}")
    public String byId(@PathParam("id") String id) {
        return BookResource.toJson(books.unsafeById(id));
    }
}
