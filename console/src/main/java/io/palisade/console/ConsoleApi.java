package io.palisade.console;

import io.palisade.core.rules.Rule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * The console's JSON API ({@code docs/reference/console-api.md}): everything the pages show and change,
 * for scripts, with HTTP Basic for the admin account or a console API token.
 */
@ApplicationScoped
@Path("api")
@Produces(MediaType.APPLICATION_JSON)
public class ConsoleApi {

    /** An application's name: 1 to 64 letters, digits, '.', '_' or '-'. */
    static boolean applicationName(String name) {
        return Names.isToken(name, 64, "._-");
    }
    static final int MAX_BODY = 2 * 1024 * 1024;

    @Inject
    Console console;

    // ---- applications and agent tokens

    @GET
    @Path("applications")
    public Response applications() {
        List<Store.Application> apps = console.store().applications();
        return ok(json -> {
            json.writeStartArray();
            for (Store.Application app : apps) {
                json.writeStartObject().write("name", app.name()).write("created_at", app.createdAt().toString()).writeEnd();
            }
            json.writeEnd();
        });
    }

    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createApplication(InputStream body, @Context ContainerRequestContext request) throws IOException {
        JsonObject object = object(body);
        String name = field(object, "name");
        if (!applicationName(name)) {
            return ConsoleResponses.error(422, "name must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        Store.Application app = console.store().createApplication(name).orElse(null);
        if (app == null) {
            return ConsoleResponses.error(409, "an application of that name exists");
        }
        String token = console.store().createAgentToken(app.id(), "first token");
        console.policy().audit(actor(request), app.id(), "application created", name);
        return ConsoleResponses.json(201, ConsoleResponses.write(json -> json.writeStartObject().write("name", name)
                .write("agent_token", token).writeEnd()));
    }

    @GET
    @Path("applications/{app}/tokens")
    public Response tokens(@PathParam("app") String appName) {
        Store.Application app = app(appName);
        List<Store.TokenInfo> tokens = console.store().tokens(app.id());
        return ok(json -> {
            json.writeStartArray();
            for (Store.TokenInfo token : tokens) {
                json.writeStartObject().write("id", token.id()).write("label", token.label())
                        .write("created_at", token.createdAt().toString());
                if (token.revokedAt() != null) {
                    json.write("revoked_at", token.revokedAt().toString());
                }
                json.writeEnd();
            }
            json.writeEnd();
        });
    }

    @POST
    @Path("applications/{app}/tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createToken(@PathParam("app") String appName, InputStream body, @Context ContainerRequestContext request)
            throws IOException {
        Store.Application app = app(appName);
        String label = bounded(field(object(body), "label"), "agent token");
        String token = console.store().createAgentToken(app.id(), label);
        console.policy().audit(actor(request), app.id(), "agent token created", label);
        return ConsoleResponses.json(201, ConsoleResponses.write(json -> json.writeStartObject().write("agent_token", token)
                .writeEnd()));
    }

    @DELETE
    @Path("applications/{app}/tokens/{id}")
    public Response revokeToken(@PathParam("app") String appName, @PathParam("id") long id,
            @Context ContainerRequestContext request) {
        Store.Application app = app(appName);
        if (!console.store().revokeToken(app.id(), id)) {
            return ConsoleResponses.error(404, "no live token #" + id + " for this application");
        }
        console.policy().audit(actor(request), app.id(), "agent token revoked", "#" + id);
        return Response.noContent().build();
    }

    // ---- events, overview, inventory

    @GET
    @Path("events")
    public Response events(@QueryParam("app") String appName, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("hours") Integer hours, @QueryParam("type") String type, @QueryParam("rule") String rule,
            @QueryParam("path") String path, @QueryParam("client") String client, @QueryParam("blocked") String blocked,
            @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        Store.Application app = app(appName);
        Reports.EventFilter filter = filter(app, from, to, hours, type, rule, path, client, blocked);
        int size = limit == null ? 100 : Math.max(1, Math.min(limit, 1000));
        int skip = offset == null ? 0 : Math.max(0, Math.min(offset, 1_000_000));
        List<Reports.EventRow> rows = console.reports().events(filter, size, skip);
        long total = console.reports().count(filter);
        return ok(json -> {
            json.writeStartObject().write("total", total).write("offset", skip).writeStartArray("events");
            rows.forEach(row -> writeEvent(json, row));
            json.writeEnd().writeEnd();
        });
    }

    @GET
    @Path("events/{id}")
    public Response event(@QueryParam("app") String appName, @PathParam("id") long id) {
        Store.Application app = app(appName);
        return console.reports().event(app.id(), id).map(row -> ok(json -> writeEvent(json, row)))
                .orElse(ConsoleResponses.error(404, "no event #" + id + " for this application"));
    }

    @GET
    @Path("overview")
    public Response overview(@QueryParam("app") String appName, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("hours") Integer hours) {
        Store.Application app = app(appName);
        Reports.EventFilter range = filter(app, from, to, hours, null, null, null, null, null);
        Reports.Overview o = console.reports().overview(app.id(), range.from(), range.to());
        return ok(json -> {
            json.writeStartObject().write("application", app.name()).write("from", range.from().toString())
                    .write("to", range.to().toString()).write("requests", o.requests()).write("attacks", o.attacks())
                    .write("blocked", o.blocked()).writeStartArray("buckets");
            for (Reports.Bucket b : o.buckets()) {
                json.writeStartObject().write("start", b.start().toString()).write("requests", b.requests())
                        .write("attacks", b.attacks()).write("blocked", b.blocked()).writeEnd();
            }
            json.writeEnd();
            counts(json, "by_attack_type", o.byType());
            counts(json, "by_rule", o.byRule());
            counts(json, "by_path", o.byPath());
            counts(json, "top_clients", o.topClients());
            json.writeStartArray("agents");
            for (Reports.AgentHealth agent : o.agents()) {
                json.writeStartObject().write("agent_id", agent.id()).write("agent_version", agent.agentVersion())
                        .write("runtime", agent.runtime()).write("first_seen", agent.firstSeen().toString())
                        .write("last_seen", agent.lastSeen().toString()).write("drops", agent.drops())
                        .write("breaker_trips", agent.breakerTrips()).write("rule_pack_errors", agent.rulePackErrors())
                        .write("export_failures", agent.exportFailures()).writeEnd();
            }
            json.writeEnd().writeEnd();
        });
    }

    @GET
    @Path("inventory")
    public Response inventory(@QueryParam("app") String appName) {
        Store.Application app = app(appName);
        List<Reports.InventoryRow> rows = console.reports().inventory(app.id());
        return ok(json -> {
            json.writeStartArray();
            for (Reports.InventoryRow row : rows) {
                json.writeStartObject().write("symbol", row.symbol()).write("kind", row.kind())
                        .write("first_seen", row.firstSeen().toString()).write("last_seen", row.lastSeen().toString())
                        .write("attacks", row.attacks()).write("blocked", row.blocked()).writeEnd();
            }
            json.writeEnd();
        });
    }

    // ---- rules

    @GET
    @Path("rules")
    public Response rules(@QueryParam("app") String appName) {
        Store.Application app = app(appName);
        Map<String, String> modes = console.policy().ruleModes(app.id());
        List<Policy.Exclusion> exclusions = console.policy().exclusions(app.id());
        String custom = console.policy().customPack(app.id()).orElse(null);
        Policy.ServedPack pack = console.policy().currentPack(app.id());
        return ok(json -> {
            json.writeStartObject().writeStartArray("built_in");
            for (Rule rule : console.policy().builtInRules()) {
                json.writeStartObject().write("id", rule.id()).write("name", rule.name()).write("attack_type", rule.attackType())
                        .write("target", rule.target().name().toLowerCase(java.util.Locale.ROOT))
                        .write("confidence", rule.confidence().name().toLowerCase(java.util.Locale.ROOT))
                        .write("mode", modes.getOrDefault(rule.id(), "default")).writeEnd();
            }
            json.writeEnd().writeStartArray("exclusions");
            for (Policy.Exclusion e : exclusions) {
                json.writeStartObject().write("id", e.id()).write("rule", e.ruleId()).write("input", e.input())
                        .write("path", e.path()).write("reason", e.reason()).writeEnd();
            }
            json.writeEnd();
            if (custom != null) {
                json.write("custom_pack", custom);
            }
            if (pack != null) {
                json.write("etag", pack.etag()).write("version", pack.version());
            }
            console.config().signing().ifPresent(key -> json.write("public_key", key.keyId() + "=" + key.publicKeyBase64()));
            json.writeEnd();
        });
    }

    @PUT
    @Path("rules/modes/{rule}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setMode(@QueryParam("app") String appName, @PathParam("rule") String rule, InputStream body,
            @Context ContainerRequestContext request) throws IOException {
        Store.Application app = app(appName);
        String mode = field(object(body), "mode");
        try {
            console.policy().setRuleMode(actor(request), app, rule, "default".equals(mode) ? null : mode);
        } catch (Policy.InvalidChangeException e) {
            return ConsoleResponses.error(422, e.getMessage());
        }
        return Response.noContent().build();
    }

    @POST
    @Path("rules/exclusions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addExclusion(@QueryParam("app") String appName, InputStream body, @Context ContainerRequestContext request)
            throws IOException {
        Store.Application app = app(appName);
        JsonObject object = object(body);
        try {
            long id = console.policy().addExclusion(actor(request), app, field(object, "rule"), field(object, "input"),
                    field(object, "path"), field(object, "reason"));
            return ConsoleResponses.json(201, ConsoleResponses.write(json -> json.writeStartObject().write("id", id).writeEnd()));
        } catch (Policy.InvalidChangeException e) {
            return ConsoleResponses.error(422, e.getMessage());
        }
    }

    @DELETE
    @Path("rules/exclusions/{id}")
    public Response removeExclusion(@QueryParam("app") String appName, @PathParam("id") long id,
            @Context ContainerRequestContext request) {
        Store.Application app = app(appName);
        return console.policy().removeExclusion(actor(request), app, id) ? Response.noContent().build()
                : ConsoleResponses.error(404, "no exclusion #" + id);
    }

    @PUT
    @Path("rules/custom")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
    public Response setCustom(@QueryParam("app") String appName, InputStream body, @Context ContainerRequestContext request)
            throws IOException {
        Store.Application app = app(appName);
        byte[] bytes = AgentProtocol.readBounded(body, MAX_BODY);
        if (bytes == null) {
            return ConsoleResponses.error(413, "a pack is at most " + MAX_BODY + " bytes");
        }
        try {
            console.policy().setCustomPack(actor(request), app, new String(bytes, StandardCharsets.UTF_8));
        } catch (Policy.InvalidChangeException e) {
            return ConsoleResponses.error(422, e.getMessage());
        }
        return Response.noContent().build();
    }

    // ---- IP blocks

    @GET
    @Path("ip-blocks")
    public Response ipBlocks(@QueryParam("app") String appName) {
        Store.Application app = app(appName);
        List<Policy.IpBlock> blocks = console.policy().ipBlocks(app.id());
        return ok(json -> {
            json.writeStartArray();
            for (Policy.IpBlock block : blocks) {
                json.writeStartObject().write("id", block.id()).write("address", block.address()).write("reason", block.reason())
                        .write("expires_at", block.expiresAt().toString()).write("created_by", block.createdBy()).writeEnd();
            }
            json.writeEnd();
        });
    }

    @POST
    @Path("ip-blocks")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response blockIp(@QueryParam("app") String appName, InputStream body, @Context ContainerRequestContext request)
            throws IOException {
        Store.Application app = app(appName);
        JsonObject object = object(body);
        JsonValue minutes = object.get("minutes");
        if (!(minutes instanceof JsonNumber) || !((JsonNumber) minutes).isIntegral()) {
            return ConsoleResponses.error(422, "minutes (how long the block lasts) must be a whole number");
        }
        try {
            long id = console.policy().blockIp(actor(request), app, field(object, "address"),
                    Duration.ofMinutes(((JsonNumber) minutes).longValue()), field(object, "reason"));
            return ConsoleResponses.json(201, ConsoleResponses.write(json -> json.writeStartObject().write("id", id).writeEnd()));
        } catch (Policy.InvalidChangeException e) {
            return ConsoleResponses.error(422, e.getMessage());
        }
    }

    @DELETE
    @Path("ip-blocks/{id}")
    public Response unblockIp(@QueryParam("app") String appName, @PathParam("id") long id,
            @Context ContainerRequestContext request) {
        Store.Application app = app(appName);
        return console.policy().unblockIp(actor(request), app, id) ? Response.noContent().build()
                : ConsoleResponses.error(404, "no live block #" + id);
    }

    @GET
    @Path("audit")
    public Response audit(@QueryParam("app") String appName) {
        Long id = appName == null ? null : app(appName).id();
        List<Policy.AuditEntry> entries = console.policy().audit(id, 500);
        return ok(json -> {
            json.writeStartArray();
            for (Policy.AuditEntry entry : entries) {
                json.writeStartObject().write("at", entry.at().toString()).write("actor", entry.actor());
                if (entry.application() != null) {
                    json.write("application", entry.application());
                }
                json.write("action", entry.action()).write("detail", entry.detail()).writeEnd();
            }
            json.writeEnd();
        });
    }

    // ---- console API tokens (the admin account only)

    @POST
    @Path("tokens")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createApiToken(InputStream body, @Context ContainerRequestContext request) throws IOException {
        if (!Accounts.ADMIN.equals(actor(request))) {
            return ConsoleResponses.error(403, "only the admin account creates API tokens");
        }
        String label = bounded(field(object(body), "label"), "api token");
        String token = console.accounts().createApiToken(label);
        console.policy().audit(actor(request), null, "api token created", label);
        return ConsoleResponses.json(201, ConsoleResponses.write(json -> json.writeStartObject().write("api_token", token).writeEnd()));
    }

    // ---- shared

    static void writeEvent(JsonGenerator json, Reports.EventRow row) {
        json.writeStartObject().write("id", row.id()).write("application", row.application()).write("agent_id", row.agentId())
                .write("received_at", row.receivedAt().toString()).write("time", row.time().toString());
        optional(json, "request_id", row.requestId());
        json.write("rule_id", row.ruleId()).write("attack_type", row.attackType());
        optional(json, "confidence", row.confidence());
        optional(json, "hook_point", row.hookPoint());
        json.write("blocked", row.blocked());
        optional(json, "mode", row.mode());
        optional(json, "client_ip", row.clientIp());
        optional(json, "method", row.method());
        optional(json, "path", row.path());
        optional(json, "resource", row.resource());
        optional(json, "reason", row.reason());
        if (row.inputSource() != null || row.inputName() != null || row.inputValue() != null) {
            json.writeStartObject("input");
            optional(json, "source", row.inputSource());
            optional(json, "name", row.inputName());
            optional(json, "value", row.inputValue());
            if (row.inputTruncated() != null) {
                json.write("truncated", row.inputTruncated());
            }
            json.writeEnd();
        }
        optional(json, "statement", row.statement());
        json.writeEnd();
    }

    private static void optional(JsonGenerator json, String key, String value) {
        if (value != null) {
            json.write(key, value);
        }
    }

    private static void counts(JsonGenerator json, String key, List<Reports.Count> counts) {
        json.writeStartArray(key);
        counts.forEach(c -> json.writeStartObject().write("key", c.key()).write("count", c.count()).writeEnd());
        json.writeEnd();
    }

    Store.Application app(String name) {
        if (name == null || name.isBlank()) {
            throw new WebApplicationException(ConsoleResponses.error(400, "the app query parameter names the application"));
        }
        return console.store().application(name)
                .orElseThrow(() -> new WebApplicationException(ConsoleResponses.error(404, "no such application")));
    }

    /** The range and filters of an events query; 400 for a bad time. */
    static Reports.EventFilter filter(Store.Application app, String from, String to, Integer hours, String type, String rule,
            String path, String client, String blocked) {
        Instant end;
        Instant start;
        try {
            end = to == null || to.isBlank() ? Instant.now().plusSeconds(1) : Instant.parse(to);
            start = from == null || from.isBlank() ? end.minus(Duration.ofHours(hours == null ? 24 : Math.max(1, Math.min(hours,
                    24 * 366)))) : Instant.parse(from);
        } catch (DateTimeParseException e) {
            throw new WebApplicationException(ConsoleResponses.error(400, "from and to are ISO-8601 instants, e.g. 2026-12-03T10:00:00Z"));
        }
        Boolean onlyBlocked = blocked == null || blocked.isBlank() ? null : switch (blocked) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new WebApplicationException(ConsoleResponses.error(400, "blocked is true or false"));
        };
        return new Reports.EventFilter(app.id(), start, end, blank(type), blank(rule), blank(path), blank(client), onlyBlocked);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    static String actor(ContainerRequestContext request) {
        return String.valueOf(request.getProperty(ConsoleAuth.ACTOR));
    }

    private static JsonObject object(InputStream body) throws IOException {
        byte[] bytes = AgentProtocol.readBounded(body, MAX_BODY);
        if (bytes == null) {
            throw new WebApplicationException(ConsoleResponses.error(413, "the body is larger than " + MAX_BODY + " bytes"));
        }
        if (bytes.length == 0) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        try (JsonReader reader = ConsoleResponses.JSON.createReader(new ByteArrayInputStream(bytes))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new WebApplicationException(ConsoleResponses.error(400, "the body is not a JSON object"));
        }
    }

    private static String field(JsonObject object, String key) {
        JsonValue value = object.get(key);
        return value instanceof JsonString ? ((JsonString) value).getString() : null;
    }

    private static String bounded(String text, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        return text.length() > 200 ? text.substring(0, 200) : text;
    }

    private static Response ok(java.util.function.Consumer<JsonGenerator> body) {
        return ConsoleResponses.json(200, ConsoleResponses.write(body));
    }
}
