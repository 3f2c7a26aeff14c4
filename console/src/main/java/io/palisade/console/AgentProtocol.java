package io.palisade.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Backend protocol v1, the console's side ({@code docs/reference/backend-protocol.md}): agent login,
 * batches (stored once per batch id), and the application's rule pack with an ETag.
 */
@ApplicationScoped
@Path("v1")
public class AgentProtocol {

    private static final Logger LOG = Logger.getLogger(AgentProtocol.class.getName());
    static final int MAX_LOGIN_BYTES = 8 * 1024 * 1024;
    static final int MAX_HOOK_POINTS = 20_000;

    @Inject
    Console console;

    @POST
    @Path("agents/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response login(InputStream body, @Context ContainerRequestContext request) throws IOException {
        Store.AgentAuth auth = (Store.AgentAuth) request.getProperty(ConsoleAuth.AGENT);
        byte[] bytes = readBounded(body, MAX_LOGIN_BYTES);
        if (bytes == null) {
            return ConsoleResponses.error(413, "the login is larger than " + MAX_LOGIN_BYTES + " bytes");
        }
        JsonObject login;
        try (JsonReader reader = ConsoleResponses.JSON.createReader(new ByteArrayInputStream(bytes))) {
            login = reader.readObject();
        } catch (RuntimeException e) {
            return ConsoleResponses.error(400, "the login is not a JSON object");
        }
        String application = string(login, "application");
        if (application != null && !application.equals(auth.application())) {
            // The token decides the application; a different name is told, not obeyed.
            LOG.info("an agent of '" + auth.application() + "' calls itself '" + shorten(application) + "'");
        }
        JsonValue protocol = login.get("protocol");
        if (protocol instanceof JsonNumber && ((JsonNumber) protocol).intValue() != 1) {
            return ConsoleResponses.error(400, "this console speaks protocol 1");
        }
        List<String> hookPoints = new ArrayList<>();
        JsonValue points = login.get("hook_points");
        if (points instanceof JsonArray) {
            for (JsonValue point : (JsonArray) points) {
                if (point instanceof JsonString && hookPoints.size() < MAX_HOOK_POINTS) {
                    String symbol = ((JsonString) point).getString();
                    if (!symbol.isBlank() && symbol.length() <= 1024 && symbol.indexOf('\0') < 0) {
                        hookPoints.add(symbol);
                    }
                }
            }
        }
        String id = console.store().login(auth, bounded(string(login, "agent_version"), "unknown"),
                bounded(string(login, "runtime"), "unknown"), (String) request.getProperty(ConsoleAuth.CLIENT), hookPoints);
        return ConsoleResponses.json(200, ConsoleResponses.write(json -> json.writeStartObject().write("agent_id", id).writeEnd()));
    }

    @POST
    @Path("batches")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response batch(InputStream body, @Context ContainerRequestContext request) throws IOException {
        Store.AgentAuth auth = (Store.AgentAuth) request.getProperty(ConsoleAuth.AGENT);
        byte[] bytes = readBounded(body, Batch.MAX_BYTES);
        if (bytes == null) {
            return ConsoleResponses.error(413, "the batch is larger than " + Batch.MAX_BYTES + " bytes");
        }
        Batch batch;
        try {
            batch = Batch.parse(bytes);
        } catch (Batch.InvalidBatchException e) {
            return ConsoleResponses.error(422, e.getMessage());
        }
        Optional<Store.Agent> agent = console.store().agent(batch.agentId())
                .filter(a -> a.applicationId() == auth.applicationId() && a.tokenId() == auth.tokenId());
        if (agent.isEmpty()) {
            // Unknown, or logged in with another token: the agent logs in again on 401.
            return ConsoleResponses.error(401, "unknown agent_id for this token: log in again");
        }
        try {
            boolean stored = console.store().storeBatch(agent.get(), batch);
            return ConsoleResponses.json(202, ConsoleResponses.write(json -> json.writeStartObject()
                    .write("stored", stored).write("events", stored ? batch.events().size() : 0).writeEnd()));
        } catch (Sql.StorageException e) {
            LOG.log(Level.WARNING, "a batch could not be stored; the agent will send it again", e);
            return ConsoleResponses.error(503, "storage unavailable, send the batch again later");
        }
    }

    @GET
    @Path("rules")
    @Produces(MediaType.APPLICATION_JSON)
    public Response rules(@HeaderParam("If-None-Match") String ifNoneMatch, @Context ContainerRequestContext request) {
        Store.AgentAuth auth = (Store.AgentAuth) request.getProperty(ConsoleAuth.AGENT);
        Policy.ServedPack pack = console.policy().currentPack(auth.applicationId());
        if (pack == null) {
            return ConsoleResponses.error(404, "no rule pack for this application");
        }
        if (pack.etag().equals(ifNoneMatch)) {
            return Response.notModified().header("ETag", pack.etag()).build();
        }
        return Response.ok(pack.body(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header("ETag", pack.etag())
                .build();
    }

    /** The body, or {@code null} when it is longer than {@code max}. */
    static byte[] readBounded(InputStream in, int max) throws IOException {
        byte[] bytes = in.readNBytes(max + 1);
        return bytes.length > max ? null : bytes;
    }

    private static String string(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonString ? ((JsonString) value).getString() : null;
    }

    private static String bounded(String text, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        String clean = text.replace('\0', '\uFFFD');
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
    }

    private static String shorten(String text) {
        return Names.printable(text, 64);
    }

}
