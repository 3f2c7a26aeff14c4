package io.palisade.sample.bookstore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Locale;
import java.util.List;

/** The deliberately vulnerable book endpoints (see samples/bookstore/README.md). */
@Path("/api/books")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class BookResource {

    /** How many books, users, sessions and reviews there are: safe, read-only. */
    /**
     * A preview page that writes the title into the HTML as it came, in the text and in an attribute:
     * deliberately vulnerable to reflected XSS. The escaped twin is {@code /api/safe/books/preview}.
     */
    @GET
    @Path("preview")
    @Produces(MediaType.TEXT_HTML)
    public String preview(@QueryParam("title") @DefaultValue("") String title) {
        return previewPage(title, title);
    }

    /** The same page written by a {@link StreamingOutput} (the entity is not a string the filters can read). */
    @GET
    @Path("preview/stream")
    @Produces(MediaType.TEXT_HTML)
    public StreamingOutput previewStream(@QueryParam("title") @DefaultValue("") String title) {
        return out -> {
            out.write(previewPage(title, title).getBytes(StandardCharsets.UTF_8));
            out.flush();
        };
    }

    static String previewPage(String text, String attribute) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Preview</title></head><body>"
                + "<h1>Preview</h1><p class=\"title\">" + text + "</p>"
                + "<form><input type=\"text\" name=\"title\" value=\"" + attribute + "\"></form></body></html>";
    }

    @GET
    @Path("stats")
    public String stats() throws SQLException {
        return Book.JSON.createObjectBuilder().add("books", books.count("books")).add("users", books.count("users"))
                .add("sessions", books.count("sessions")).add("reviews", books.count("reviews")).build().toString();
    }

    @Inject
    Books books;

    @Inject
    AsyncWork async;

    @GET
    public String list(@QueryParam("sort") @DefaultValue("id") String sort) throws SQLException {
        return toJson(books.unsafeSorted(sort));
    }

    @GET
    @Path("search")
    public String search(@QueryParam("q") @DefaultValue("") String query) throws SQLException {
        return toJson(books.unsafeSearch(query));
    }

    /** Leaves out titles containing {@code exclude}, sorted by {@code sort}: two inputs in one statement. */
    @GET
    @Path("filter")
    public String filter(@QueryParam("exclude") @DefaultValue("~") String exclude,
            @QueryParam("sort") @DefaultValue("id") String sort) throws SQLException {
        return toJson(books.unsafeFiltered(exclude, sort));
    }

    /** Compares without case: lower-cases the input before concatenating it. */
    @GET
    @Path("by-author-ci")
    public String byAuthorIgnoringCase(@QueryParam("author") @DefaultValue("") String author) throws SQLException {
        return toJson(books.unsafeByAuthorLowerCase(author.toLowerCase(Locale.ROOT)));
    }

    /** Trims the input before concatenating it. */
    @GET
    @Path("by-title")
    public String byTitle(@QueryParam("title") @DefaultValue("") String title) throws SQLException {
        return toJson(books.unsafeByTitle(title.trim()));
    }

    /** Percent-decodes the (already decoded) input once more before concatenating it, as double-decoding code does. */
    @GET
    @Path("by-title-decoded")
    public String byTitleDecoded(@QueryParam("title") @DefaultValue("") String title) throws SQLException {
        return toJson(books.unsafeByTitle(URLDecoder.decode(title, StandardCharsets.UTF_8)));
    }

    /**
     * {@code WHERE id = <id>} run on another thread (a container-managed executor on servers, a
     * context-propagating one on the embedded runtime), answered through {@link AsyncResponse}.
     */
    @GET
    @Path("async/{id}")
    public void asyncById(@PathParam("id") String id, @Suspended AsyncResponse response) {
        async.run(() -> {
            try {
                List<Book> found = books.unsafeById(id);
                response.resume(found.isEmpty() ? Response.status(404).entity("{\"error\":\"not found\"}").build()
                        : Response.ok(toJson(found)).build());
            } catch (SQLException | RuntimeException e) {
                response.resume(e);
            }
        }, response);
    }

    /**
     * Searches, then fails with an error no exception mapper handles (a deliberately broken endpoint):
     * the request ends in an unmapped exception.
     */
    @GET
    @Path("crash")
    public String crash(@QueryParam("q") @DefaultValue("") String query) {
        try {
            books.unsafeSearch(query);
        } catch (SQLException e) {
            throw new AssertionError("search failed", e);
        }
        throw new AssertionError("the sample's deliberately unmapped failure");
    }

    @GET
    @Path("by-author")
    public String byAuthor(@QueryParam("author") @DefaultValue("") String author) throws SQLException {
        return toJson(books.unsafeByAuthor(author));
    }

    /** Handles database errors itself, answering its own 500, as many applications do. */
    @GET
    @Path("by-publisher")
    public Response byPublisher(@HeaderParam("X-Publisher") @DefaultValue("") String publisher) {
        try {
            return Response.ok(toJson(books.unsafeByPublisher(publisher))).build();
        } catch (SQLException e) {
            return Response.serverError().entity("{\"error\":\"could not list books\"}").build();
        }
    }

    @GET
    @Path("batch")
    public String batch(@QueryParam("ids") @DefaultValue("0") String ids) throws SQLException {
        return toJson(books.unsafeBatch(ids));
    }

    /** Wraps database errors in an unchecked exception of its own, as layered applications do. */
    @GET
    @Path("columns")
    public String column(@QueryParam("name") @DefaultValue("title") String name) {
        JsonArrayBuilder array = Book.JSON.createArrayBuilder();
        try {
            books.unsafeColumn(name).forEach(value -> array.add(value == null ? "" : value));
        } catch (SQLException e) {
            throw new IllegalStateException("column query failed", e);
        }
        return array.build().toString();
    }

    @GET
    @Path("{id}")
    public Response byId(@PathParam("id") String id) throws SQLException {
        List<Book> found = books.unsafeById(id);
        return found.isEmpty() ? Response.status(404).entity("{\"error\":\"not found\"}").build()
                : Response.ok(toJson(found)).build();
    }

    @GET
    @Path("{id}/reviews")
    public String reviews(@PathParam("id") int id) throws SQLException {
        JsonArrayBuilder array = Book.JSON.createArrayBuilder();
        books.reviews(id).forEach(array::add);
        return array.build().toString();
    }

    @POST
    @Path("{id}/reviews")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addReview(@PathParam("id") int id, @FormParam("author") @DefaultValue("anonymous") String author,
            @FormParam("text") @DefaultValue("") String text) throws SQLException {
        books.unsafeAddReview(id, author, text);
        return Response.status(201).entity("{\"created\":true}").build();
    }

    public static String toJson(List<Book> found) {
        JsonArrayBuilder array = Book.JSON.createArrayBuilder();
        found.forEach(book -> array.add(book.toJson()));
        return array.build().toString();
    }
}
