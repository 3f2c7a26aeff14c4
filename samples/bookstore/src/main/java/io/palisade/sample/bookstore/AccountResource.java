package io.palisade.sample.bookstore;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.HexFormat;

/** Login (vulnerable through the JSON username) and the current user (vulnerable through the session cookie). */
@Path("/api")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    @Inject
    Books books;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(String body) throws SQLException {
        JsonObject credentials = parse(body);
        if (credentials == null) {
            return Response.status(400).entity("{\"error\":\"bad request\"}").build();
        }
        Integer user = books.unsafeLogin(credentials.getString("username", ""), hash(credentials.getString("password", "")));
        return answer(user);
    }

    @POST
    @Path("safe/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response safeLogin(String body) throws SQLException {
        JsonObject credentials = parse(body);
        if (credentials == null) {
            return Response.status(400).entity("{\"error\":\"bad request\"}").build();
        }
        return answer(books.login(credentials.getString("username", ""), hash(credentials.getString("password", ""))));
    }

    @GET
    @Path("me")
    public Response me(@CookieParam("session") String session) throws SQLException {
        String user = session == null ? null : books.unsafeUserForSession(session);
        return user == null ? Response.status(401).entity("{\"error\":\"not signed in\"}").build()
                : Response.ok(Book.JSON.createObjectBuilder().add("username", user).build().toString()).build();
    }

    private static Response answer(Integer user) {
        return user == null ? Response.status(401).entity("{\"error\":\"wrong username or password\"}").build()
                : Response.ok("{\"user_id\":" + user + "}").build();
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Book.JSON.createReader(new StringReader(body == null ? "" : body))) {
            return reader.readObject();
        } catch (RuntimeException unreadable) {
            // Malformed, not an object, or nested deeper than the parser allows.
            return null;
        }
    }

    private static String hash(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
