package io.palisade.sample.bookstore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    /** The preview page with the title escaped for HTML: nothing a user types becomes markup. */
    @GET
    @Path("preview")
    @Produces(MediaType.TEXT_HTML)
    public String preview(@QueryParam("title") @DefaultValue("") String title) {
        String escaped = escapeHtml(title);
        return BookResource.previewPage(escaped, escaped);
    }

    static String escapeHtml(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '`' -> out.append("&#96;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    @GET
    @Path("by-author")
    public String byAuthor(@QueryParam("author") @DefaultValue("") String author) throws SQLException {
        return BookResource.toJson(books.byAuthor(author));
    }

    @POST
    @Path("{id}/reviews")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addReview(@PathParam("id") int id, @FormParam("author") @DefaultValue("anonymous") String author,
            @FormParam("text") @DefaultValue("") String text) throws SQLException {
        books.addReview(id, author, text);
        return Response.status(201).entity("{\"created\":true}").build();
    }
}
