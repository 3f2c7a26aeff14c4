package io.palisade.console;

import io.palisade.core.net.IpRanges;
import io.palisade.core.rules.Rule;
import jakarta.enterprise.context.ApplicationScoped;
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
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard: server-rendered pages, no script. Forms post with the session's CSRF token; every
 * value from the database is escaped ({@link Html}).
 */
@ApplicationScoped
@Path("")
@Produces(MediaType.TEXT_HTML)
public class Pages {

    private static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final int PAGE_SIZE = 50;
    private static final int COUNT_CAP = 10_000;

    @Inject
    Console console;

    // ---- login

    @GET
    @Path("login")
    public Response loginPage() {
        return page(200, "Log in", null, null, loginForm(null));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@FormParam("name") String name, @FormParam("password") String password,
            @Context ContainerRequestContext request) {
        String client = String.valueOf(request.getProperty(ConsoleAuth.CLIENT));
        Accounts accounts = console.accounts();
        if (accounts.rateLimited(client, name)) {
            return page(429, "Log in", null, null, loginForm("Too many failed attempts. Wait a few minutes."));
        }
        if (!accounts.checkPassword(client, name, password)) {
            return page(401, "Log in", null, null, loginForm("Wrong name or password."));
        }
        Map.Entry<String, Accounts.Session> session = accounts.openSession(name);
        NewCookie cookie = new NewCookie.Builder(ConsoleAuth.COOKIE).value(session.getKey()).path("/").httpOnly(true)
                .secure(console.config().tlsKeystore().isPresent()).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) Accounts.SESSION_LIFETIME.toSeconds()).build();
        return Response.seeOther(URI.create("/")).cookie(cookie).build();
    }

    private static String loginForm(String error) {
        Html h = new Html();
        if (error != null) {
            h.raw("<p class=\"error\">").text(error).raw("</p>");
        }
        h.raw("<form method=\"post\" action=\"/login\" class=\"login\"><label>Name <input name=\"name\" value=\"admin\""
                + " autocomplete=\"username\"></label><label>Password <input type=\"password\" name=\"password\""
                + " autocomplete=\"current-password\"></label><button type=\"submit\">Log in</button></form>");
        return h.toString();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@FormParam("csrf") String csrf, @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        console.accounts().closeSession((String) request.getProperty(ConsoleAuth.SESSION_COOKIE));
        NewCookie gone = new NewCookie.Builder(ConsoleAuth.COOKIE).value("").path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
        return Response.seeOther(URI.create("/login")).cookie(gone).build();
    }

    @GET
    @Path("static/console.css")
    @Produces("text/css")
    public Response css() throws IOException {
        try (InputStream in = Pages.class.getResourceAsStream("console.css")) {
            return Response.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8), "text/css; charset=UTF-8")
                    .header("Cache-Control", "max-age=3600").build();
        }
    }

    // ---- applications

    @GET
    public Response home(@Context ContainerRequestContext request) {
        return applicationsPage(request, 200, null, null);
    }

    private Response applicationsPage(ContainerRequestContext request, int status, String error, String created) {
        Accounts.Session session = session(request);
        Html h = new Html();
        if (error != null) {
            h.raw("<p class=\"error\">").text(error).raw("</p>");
        }
        if (created != null) {
            h.raw("<p class=\"notice\">").text(created).raw("</p>");
        }
        h.element("h2", "Applications");
        List<Store.Application> apps = console.store().applications();
        if (apps.isEmpty()) {
            h.element("p", "No application yet: create one, then give its agent token to the application's agents"
                    + " (palisade.backend.token).");
        } else {
            h.table(List.of("Application", "Created", ""));
            for (Store.Application app : apps) {
                String base = "/app/" + Html.url(app.name());
                h.row(Html.fragment().link(base, app.name()), Html.time(app.createdAt()),
                        Html.fragment().link(base + "/attacks", "attacks").raw(" · ").link(base + "/rules", "rules")
                                .raw(" · ").link(base + "/tokens", "tokens"));
            }
            h.endTable();
        }
        h.element("h3", "New application");
        h.form("/applications", session.csrfToken()).raw("<label>Name <input name=\"name\" pattern=\"[A-Za-z0-9._-]{1,64}\""
                + " required></label><button type=\"submit\">Create</button></form>");
        return page(status, "Applications", session, null, h.toString());
    }

    @POST
    @Path("applications")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createApplication(@FormParam("csrf") String csrf, @FormParam("name") String name,
            @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        if (!ConsoleApi.applicationName(name)) {
            return applicationsPage(request, 422, "A name is 1 to 64 letters, digits, '.', '_' or '-'.", null);
        }
        Optional<Store.Application> app = console.store().createApplication(name);
        if (app.isEmpty()) {
            return applicationsPage(request, 409, "An application of that name exists.", null);
        }
        String token = console.store().createAgentToken(app.get().id(), "first token");
        console.policy().audit(actor(request), app.get().id(), "application created", name);
        return applicationsPage(request, 200, null, "Application " + name + " created. Its agent token (shown once, keep it"
                + " in the application's configuration as palisade.backend.token): " + token);
    }

    @GET
    @Path("app/{app}/tokens")
    public Response tokens(@PathParam("app") String appName, @Context ContainerRequestContext request) {
        return tokensPage(request, app(appName), null);
    }

    private Response tokensPage(ContainerRequestContext request, Store.Application app, String created) {
        Accounts.Session session = session(request);
        String base = "/app/" + Html.url(app.name());
        Html h = new Html();
        if (created != null) {
            h.raw("<p class=\"notice\">New agent token (shown once): <code>").text(created).raw("</code></p>");
        }
        h.table(List.of("#", "Label", "Created", "Revoked", ""));
        for (Store.TokenInfo token : console.store().tokens(app.id())) {
            Html action = Html.fragment();
            if (token.revokedAt() == null) {
                action.form(base + "/tokens/" + token.id() + "/revoke", session.csrfToken())
                        .raw("<button type=\"submit\">Revoke</button></form>");
            }
            h.row(token.id(), token.label(), Html.time(token.createdAt()), Html.time(token.revokedAt()), action);
        }
        h.endTable();
        h.form(base + "/tokens", session.csrfToken()).raw("<label>Label <input name=\"label\" maxlength=\"200\"></label>"
                + "<button type=\"submit\">New token</button></form>");
        return page(200, "Agent tokens", session, app, h.toString());
    }

    @POST
    @Path("app/{app}/tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createToken(@PathParam("app") String appName, @FormParam("csrf") String csrf,
            @FormParam("label") String label, @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        Store.Application app = app(appName);
        String text = label == null || label.isBlank() ? "agent token" : label.length() > 200 ? label.substring(0, 200) : label;
        String token = console.store().createAgentToken(app.id(), text);
        console.policy().audit(actor(request), app.id(), "agent token created", text);
        return tokensPage(request, app, token);
    }

    @POST
    @Path("app/{app}/tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeToken(@PathParam("app") String appName, @PathParam("id") long id, @FormParam("csrf") String csrf,
            @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        Store.Application app = app(appName);
        if (console.store().revokeToken(app.id(), id)) {
            console.policy().audit(actor(request), app.id(), "agent token revoked", "#" + id);
        }
        return back("/app/" + Html.url(app.name()) + "/tokens");
    }

    // ---- console API tokens and the audit trail

    @GET
    @Path("api-tokens")
    public Response apiTokens(@Context ContainerRequestContext request) {
        return apiTokensPage(request, null);
    }

    private Response apiTokensPage(ContainerRequestContext request, String created) {
        Accounts.Session session = session(request);
        Html h = new Html();
        h.element("p", "Tokens for scripts calling the console's JSON API (Authorization: Bearer), instead of the admin"
                + " password.");
        if (created != null) {
            h.raw("<p class=\"notice\">New API token (shown once): <code>").text(created).raw("</code></p>");
        }
        h.table(List.of("#", "Label", "Created", "Revoked", ""));
        for (Accounts.ApiToken token : console.accounts().apiTokens()) {
            Html action = Html.fragment();
            if (token.revokedAt() == null) {
                action.form("/api-tokens/" + token.id() + "/revoke", session.csrfToken())
                        .raw("<button type=\"submit\">Revoke</button></form>");
            }
            h.row(token.id(), token.label(), Html.time(token.createdAt()), Html.time(token.revokedAt()), action);
        }
        h.endTable();
        h.form("/api-tokens", session.csrfToken()).raw("<label>Label <input name=\"label\" maxlength=\"200\" required></label>"
                + "<button type=\"submit\">New API token</button></form>");
        return page(200, "API tokens", session, null, h.toString());
    }

    @POST
    @Path("api-tokens")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createApiToken(@FormParam("csrf") String csrf, @FormParam("label") String label,
            @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        String text = label == null || label.isBlank() ? "api token" : label.length() > 200 ? label.substring(0, 200) : label;
        String token = console.accounts().createApiToken(text);
        console.policy().audit(actor(request), null, "api token created", text);
        return apiTokensPage(request, token);
    }

    @POST
    @Path("api-tokens/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeApiToken(@PathParam("id") long id, @FormParam("csrf") String csrf,
            @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        if (console.accounts().revokeApiToken(id)) {
            console.policy().audit(actor(request), null, "api token revoked", "#" + id);
        }
        return back("/api-tokens");
    }

    @GET
    @Path("audit")
    public Response audit(@Context ContainerRequestContext request) {
        Html h = new Html();
        h.table(List.of("When", "Who", "Application", "What", "Detail"));
        for (Policy.AuditEntry entry : console.policy().audit(null, 500)) {
            h.row(Html.time(entry.at()), entry.actor(), entry.application(), entry.action(), entry.detail());
        }
        h.endTable();
        return page(200, "Audit trail", session(request), null, h.toString());
    }

    // ---- overview

    @GET
    @Path("app/{app}")
    public Response overview(@PathParam("app") String appName, @QueryParam("hours") @DefaultValue("24") int hours,
            @Context ContainerRequestContext request) {
        Store.Application app = app(appName);
        int window = Math.max(1, Math.min(hours, 24 * 31));
        Reports.EventFilter range = ConsoleApi.filter(app, null, null, window, null, null, null, null, null);
        Reports.Overview o = console.reports().overview(app.id(), range.from(), range.to());
        String base = "/app/" + Html.url(app.name());
        Html h = new Html();
        h.raw("<p class=\"ranges\">");
        for (int choice : new int[] {1, 24, 24 * 7, 24 * 30}) {
            h.link(base + "?hours=" + choice, choice == 1 ? "last hour" : choice == 24 ? "last day" : choice == 168
                    ? "last week" : "last 30 days").raw(" ");
        }
        h.raw("</p><div class=\"totals\">");
        total(h, "requests", o.requests());
        total(h, "attacks", o.attacks());
        total(h, "blocked", o.blocked());
        h.raw("</div>");
        h.element("h3", "Requests, attacks and blocks");
        Charts.bars(h, o.buckets());
        h.raw("<div class=\"columns\">");
        countTable(h, "By attack type", o.byType(), base + "/attacks?type=");
        countTable(h, "By rule", o.byRule(), base + "/attacks?rule=");
        countTable(h, "By endpoint", o.byPath(), base + "/attacks?path=");
        countTable(h, "Top client addresses", o.topClients(), base + "/attacks?client=");
        h.raw("</div>");
        h.element("h3", "Agents");
        h.table(List.of("Agent", "Version", "Runtime", "Last seen", "Dropped events", "Breaker trips", "Rule-pack errors",
                "Failed deliveries"));
        for (Reports.AgentHealth agent : o.agents()) {
            h.row(agent.id(), agent.agentVersion(), agent.runtime(), Html.time(agent.lastSeen()), agent.drops(),
                    agent.breakerTrips(), agent.rulePackErrors(), agent.exportFailures());
        }
        h.endTable();
        return page(200, "Overview", session(request), app, h.toString());
    }

    private static void total(Html h, String label, long value) {
        h.raw("<div class=\"total\"><span class=\"number\">").text(value).raw("</span><span class=\"label\">").text(label)
                .raw("</span></div>");
    }

    private static void countTable(Html h, String title, List<Reports.Count> counts, String filterLink) {
        h.raw("<section>").element("h3", title);
        h.table(List.of("", "Attacks"));
        for (Reports.Count count : counts) {
            h.row(Html.fragment().link(filterLink + Html.url(count.key()), count.key()), count.count());
        }
        h.endTable().raw("</section>");
    }

    // ---- attacks

    @GET
    @Path("app/{app}/attacks")
    public Response attacks(@PathParam("app") String appName, @QueryParam("hours") Integer hours,
            @QueryParam("type") String type, @QueryParam("rule") String rule, @QueryParam("path") String path,
            @QueryParam("client") String client, @QueryParam("blocked") String blocked,
            @QueryParam("page") @DefaultValue("1") int pageNumber, @Context ContainerRequestContext request) {
        Store.Application app = app(appName);
        int window = hours == null ? 24 * 30 : hours;
        Reports.EventFilter filter = ConsoleApi.filter(app, null, null, window, type, rule, path, client, blocked);
        int pageIndex = Math.max(1, Math.min(pageNumber, 20_000));
        List<Reports.EventRow> rows = console.reports().events(filter, PAGE_SIZE, (pageIndex - 1) * PAGE_SIZE);
        // Counted up to a bound: a page needs "more than 10,000", not the exact number of a month of events.
        long total = console.reports().countUpTo(filter, COUNT_CAP + 1);
        String base = "/app/" + Html.url(app.name());
        Html h = new Html();
        h.raw("<form method=\"get\" class=\"filters\"").attr("action", base + "/attacks").raw(">");
        filterField(h, "hours", "Hours", String.valueOf(window));
        filterField(h, "type", "Attack type", type);
        filterField(h, "rule", "Rule", rule);
        filterField(h, "path", "Endpoint", path);
        filterField(h, "client", "Client", client);
        h.raw("<label>Outcome <select name=\"blocked\">");
        option(h, "", "any", blocked);
        option(h, "true", "blocked", blocked);
        option(h, "false", "monitored", blocked);
        h.raw("</select></label><button type=\"submit\">Filter</button></form>");
        h.raw("<p>").text(total > COUNT_CAP ? "more than " + String.format(java.util.Locale.ROOT, "%,d", COUNT_CAP)
                : String.valueOf(total)).raw(" attacks").raw(total > COUNT_CAP ? " (narrow the filters to see them all)" : "")
                .raw("</p>");
        h.table(List.of("Received", "Rule", "Type", "Outcome", "Client", "Endpoint", "Input"));
        for (Reports.EventRow row : rows) {
            h.row(Html.fragment().link(base + "/attacks/" + row.id(), Html.time(row.receivedAt())), row.ruleId(), row.attackType(),
                    row.blocked() ? "blocked" : "monitored", row.clientIp(), (row.method() == null ? "" : row.method() + " ")
                            + (row.path() == null ? "" : row.path()), inputSummary(row));
        }
        h.endTable();
        StringBuilder query = new StringBuilder("?hours=" + window);
        for (String[] pair : new String[][] {{"type", type}, {"rule", rule}, {"path", path}, {"client", client},
            {"blocked", blocked}}) {
            if (pair[1] != null && !pair[1].isBlank()) {
                query.append('&').append(pair[0]).append('=').append(Html.url(pair[1]));
            }
        }
        h.raw("<p class=\"pages\">");
        if (pageIndex > 1) {
            h.link(base + "/attacks" + query + "&page=" + (pageIndex - 1), "newer");
        }
        if ((long) pageIndex * PAGE_SIZE < total) {
            h.raw(" ").link(base + "/attacks" + query + "&page=" + (pageIndex + 1), "older");
        }
        h.raw("</p>");
        return page(200, "Attacks", session(request), app, h.toString());
    }

    private static String inputSummary(Reports.EventRow row) {
        if (row.inputName() == null && row.inputValue() == null) {
            return "";
        }
        String value = row.inputValue() == null ? "" : row.inputValue();
        return (row.inputSource() == null ? "" : row.inputSource() + ":") + (row.inputName() == null ? "" : row.inputName())
                + " = " + (value.length() > 80 ? value.substring(0, 80) + "…" : value);
    }

    private static void filterField(Html h, String name, String label, String value) {
        h.raw("<label>").text(label).raw(" <input").attr("name", name).attr("value", value == null ? "" : value).raw("></label>");
    }

    private static void option(Html h, String value, String label, String selected) {
        h.raw("<option").attr("value", value).raw(value.equals(selected == null ? "" : selected) ? " selected>" : ">").text(label)
                .raw("</option>");
    }

    @GET
    @Path("app/{app}/attacks/{id}")
    public Response attack(@PathParam("app") String appName, @PathParam("id") long id, @Context ContainerRequestContext request) {
        Store.Application app = app(appName);
        Reports.EventRow row = console.reports().event(app.id(), id)
                .orElseThrow(() -> new WebApplicationException(page(404, "Not found", session(request), app,
                        "<p>No such attack.</p>")));
        Accounts.Session session = session(request);
        String base = "/app/" + Html.url(app.name());
        Html h = new Html();
        h.raw("<dl class=\"event\">");
        field(h, "Received", Html.time(row.receivedAt()));
        field(h, "Time at the agent", Html.time(row.time()));
        field(h, "Request id", row.requestId());
        field(h, "Rule", row.ruleId());
        field(h, "Attack type", row.attackType());
        field(h, "Confidence", row.confidence());
        field(h, "Outcome", row.blocked() ? "blocked" : "monitored (" + row.mode() + ")");
        field(h, "Reason", row.reason());
        field(h, "Client address", row.clientIp());
        field(h, "Request", (row.method() == null ? "" : row.method() + " ") + (row.path() == null ? "" : row.path()));
        field(h, "Resource", row.resource());
        field(h, "Hook point", row.hookPoint());
        field(h, "Input", (row.inputSource() == null ? "" : row.inputSource()) + (row.inputName() == null ? "" : ":" + row.inputName())
                + (Boolean.TRUE.equals(row.inputTruncated()) ? " (truncated)" : ""));
        h.raw("<dt>Input value (scrubbed)</dt><dd><pre>").text(row.inputValue()).raw("</pre></dd>");
        if (row.statement() != null) {
            h.raw("<dt>Statement</dt><dd><pre>").text(row.statement()).raw("</pre></dd>");
        }
        field(h, "Agent", row.agentId());
        h.raw("</dl>");
        if (row.clientIp() != null && IpRanges.isAddressOrBlock(row.clientIp())) {
            h.element("h3", "Block this client");
            h.form(base + "/ip-blocks", session.csrfToken()).hidden("address", row.clientIp())
                    .hidden("reason", "blocked from attack #" + row.id() + " (" + row.ruleId() + ")")
                    .raw("<label>For <select name=\"minutes\"><option value=\"60\">an hour</option><option value=\"1440\""
                            + " selected>a day</option><option value=\"10080\">a week</option><option value=\"43200\">30 days"
                            + "</option></select></label><button type=\"submit\">Block ").text(row.clientIp())
                    .raw("</button></form>");
        }
        h.element("h3", "A false positive?");
        if (row.inputSource() != null && row.inputName() != null && row.path() != null) {
            h.form(base + "/rules/exclusions", session.csrfToken()).hidden("rule", row.ruleId())
                    .hidden("input", row.inputSource() + ":" + row.inputName()).hidden("path", row.path())
                    .raw("<label>Reason <input name=\"reason\" required maxlength=\"500\"></label><button type=\"submit\">"
                            + "Switch ").text(row.ruleId()).raw(" off for this input on this endpoint</button></form>");
        }
        return page(200, "Attack #" + row.id(), session, app, h.toString());
    }

    private static void field(Html h, String label, String value) {
        h.element("dt", label).element("dd", value == null ? "" : value);
    }

    // ---- inventory

    @GET
    @Path("app/{app}/inventory")
    public Response inventory(@PathParam("app") String appName, @Context ContainerRequestContext request) {
        Store.Application app = app(appName);
        Html h = new Html();
        h.element("p", "Every resource method and JDBC/JPA hook point the application's agents reported at login.");
        h.table(List.of("Hook point", "Kind", "First seen", "Last seen", "Attacks", "Blocked"));
        for (Reports.InventoryRow row : console.reports().inventory(app.id())) {
            h.row(row.symbol(), row.kind(), Html.time(row.firstSeen()), Html.time(row.lastSeen()), row.attacks(), row.blocked());
        }
        h.endTable();
        return page(200, "API inventory", session(request), app, h.toString());
    }

    // ---- rules

    @GET
    @Path("app/{app}/rules")
    public Response rules(@PathParam("app") String appName, @Context ContainerRequestContext request) {
        return rulesPage(request, app(appName), 200, null, null);
    }

    private Response rulesPage(ContainerRequestContext request, Store.Application app, int status, String error,
            String customDraft) {
        Accounts.Session session = session(request);
        String base = "/app/" + Html.url(app.name());
        Map<String, String> modes = console.policy().ruleModes(app.id());
        Policy.ServedPack pack = console.policy().currentPack(app.id());
        Html h = new Html();
        if (error != null) {
            h.raw("<p class=\"error\">").text(error).raw("</p>");
        }
        h.raw("<p>Agents poll for changes every palisade.rules.refresh (30 s by default). Current pack: ")
                .text(pack == null ? "none" : "version " + pack.version() + ", ETag " + pack.etag()).raw("</p>");
        console.config().signing().ifPresent(key -> h.raw("<p>Packs are signed. List this on every agent:</p><pre>")
                .text("palisade.rules.public-keys=" + key.keyId() + "=" + key.publicKeyBase64()).raw("</pre>"));
        h.element("h3", "Built-in rules");
        h.table(List.of("Rule", "Type", "Runs on", "Confidence", "Mode"));
        for (Rule rule : console.policy().builtInRules()) {
            String mode = modes.getOrDefault(rule.id(), "default");
            Html form = Html.fragment().form(base + "/rules/mode", session.csrfToken()).hidden("rule", rule.id())
                    .raw("<select name=\"mode\">");
            for (String choice : List.of("default", "block", "monitor", "off")) {
                option(form, choice, choice, mode);
            }
            form.raw("</select><button type=\"submit\">Set</button></form>");
            h.row(rule.id(), rule.attackType(), rule.target().name().toLowerCase(java.util.Locale.ROOT),
                    rule.confidence().name().toLowerCase(java.util.Locale.ROOT), form);
        }
        h.endTable();
        h.element("p", "default: what the agent's own configuration says (high-confidence rules block, heuristics report).");
        h.element("h3", "Exclusions");
        h.table(List.of("Rule", "Input", "Endpoint", "Reason", ""));
        for (Policy.Exclusion e : console.policy().exclusions(app.id())) {
            h.row(e.ruleId(), e.input(), e.path(), e.reason(), Html.fragment().form(base + "/rules/exclusions/" + e.id() + "/delete",
                    session.csrfToken()).raw("<button type=\"submit\">Remove</button></form>"));
        }
        h.endTable();
        h.form(base + "/rules/exclusions", session.csrfToken()).raw("<label>Rule <input name=\"rule\" required></label>"
                + "<label>Input <input name=\"input\" placeholder=\"query:q\" required></label><label>Endpoint <input name=\"path\""
                + " placeholder=\"/api/search\" required></label><label>Reason <input name=\"reason\" required maxlength=\"500\">"
                + "</label><button type=\"submit\">Add exclusion</button></form>");
        h.element("h3", "Custom rules (a rule pack)");
        String custom = customDraft != null ? customDraft : console.policy().customPack(app.id()).orElse("");
        h.form(base + "/rules/custom", session.csrfToken()).raw("<textarea name=\"pack\" rows=\"14\" cols=\"100\">").text(custom)
                .raw("</textarea><br><button type=\"submit\">Check and save</button></form>");
        h.element("h3", "Changes");
        h.table(List.of("When", "Who", "What", "Detail"));
        for (Policy.AuditEntry entry : console.policy().audit(app.id(), 20)) {
            h.row(Html.time(entry.at()), entry.actor(), entry.action(), entry.detail());
        }
        h.endTable();
        return page(status, "Rules", session, app, h.toString());
    }

    @POST
    @Path("app/{app}/rules/mode")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setMode(@PathParam("app") String appName, @FormParam("csrf") String csrf, @FormParam("rule") String rule,
            @FormParam("mode") String mode, @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        Store.Application app = app(appName);
        try {
            console.policy().setRuleMode(actor(request), app, rule, "default".equals(mode) ? null : mode);
        } catch (Policy.InvalidChangeException e) {
            return rulesPage(request, app, 422, e.getMessage(), null);
        }
        return back("/app/" + Html.url(app.name()) + "/rules");
    }

    @POST
    @Path("app/{app}/rules/exclusions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response addExclusion(@PathParam("app") String appName, @FormParam("csrf") String csrf,
            @FormParam("rule") String rule, @FormParam("input") String input, @FormParam("path") String path,
            @FormParam("reason") String reason, @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        Store.Application app = app(appName);
        try {
            console.policy().addExclusion(actor(request), app, rule, input, path, reason);
        } catch (Policy.InvalidChangeException e) {
            return rulesPage(request, app, 422, e.getMessage(), null);
        }
        return back("/app/" + Html.url(app.name()) + "/rules");
    }

    @POST
    @Path("app/{app}/rules/exclusions/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response removeExclusion(@PathParam("app") String appName, @PathParam("id") long id,
            @FormParam("csrf") String csrf, @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        Store.Application app = app(appName);
        console.policy().removeExclusion(actor(request), app, id);
        return back("/app/" + Html.url(app.name()) + "/rules");
    }

    @POST
    @Path("app/{app}/rules/custom")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setCustom(@PathParam("app") String appName, @FormParam("csrf") String csrf, @FormParam("pack") String pack,
            @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        Store.Application app = app(appName);
        if (pack != null && pack.length() > ConsoleApi.MAX_BODY) {
            return rulesPage(request, app, 413, "A pack is at most " + ConsoleApi.MAX_BODY + " characters.", null);
        }
        try {
            console.policy().setCustomPack(actor(request), app, pack);
        } catch (Policy.InvalidChangeException e) {
            return rulesPage(request, app, 422, e.getMessage(), pack);
        }
        return back("/app/" + Html.url(app.name()) + "/rules");
    }

    // ---- IP blocks

    @GET
    @Path("app/{app}/ip-blocks")
    public Response ipBlocks(@PathParam("app") String appName, @Context ContainerRequestContext request) {
        return ipBlocksPage(request, app(appName), 200, null);
    }

    private Response ipBlocksPage(ContainerRequestContext request, Store.Application app, int status, String error) {
        Accounts.Session session = session(request);
        String base = "/app/" + Html.url(app.name());
        Html h = new Html();
        if (error != null) {
            h.raw("<p class=\"error\">").text(error).raw("</p>");
        }
        h.element("p", "Addresses and CIDR blocks the agents answer with the block response, delivered in the rule pack.");
        h.table(List.of("Address", "Reason", "Until", "By", ""));
        for (Policy.IpBlock block : console.policy().ipBlocks(app.id())) {
            h.row(block.address(), block.reason(), Html.time(block.expiresAt()), block.createdBy(),
                    Html.fragment().form(base + "/ip-blocks/" + block.id() + "/delete", session.csrfToken())
                            .raw("<button type=\"submit\">Unblock</button></form>"));
        }
        h.endTable();
        h.form(base + "/ip-blocks", session.csrfToken()).raw("<label>Address or CIDR <input name=\"address\" required></label>"
                + "<label>For <select name=\"minutes\"><option value=\"60\">an hour</option><option value=\"1440\" selected>a day"
                + "</option><option value=\"10080\">a week</option><option value=\"43200\">30 days</option></select></label>"
                + "<label>Reason <input name=\"reason\" required maxlength=\"500\"></label><button type=\"submit\">Block</button>"
                + "</form>");
        return page(status, "IP blocking", session, app, h.toString());
    }

    @POST
    @Path("app/{app}/ip-blocks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response blockIp(@PathParam("app") String appName, @FormParam("csrf") String csrf,
            @FormParam("address") String address, @FormParam("minutes") @DefaultValue("1440") long minutes,
            @FormParam("reason") String reason, @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        Store.Application app = app(appName);
        try {
            console.policy().blockIp(actor(request), app, address, Duration.ofMinutes(minutes), reason);
        } catch (Policy.InvalidChangeException e) {
            return ipBlocksPage(request, app, 422, e.getMessage());
        }
        return back("/app/" + Html.url(app.name()) + "/ip-blocks");
    }

    @POST
    @Path("app/{app}/ip-blocks/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unblockIp(@PathParam("app") String appName, @PathParam("id") long id, @FormParam("csrf") String csrf,
            @Context ContainerRequestContext request) {
        requireCsrf(request, csrf);
        Store.Application app = app(appName);
        console.policy().unblockIp(actor(request), app, id);
        return back("/app/" + Html.url(app.name()) + "/ip-blocks");
    }

    // ---- shared

    private Store.Application app(String name) {
        return console.store().application(name).orElseThrow(() -> new WebApplicationException(
                Response.status(404).type(HTML).entity("<!doctype html><title>Not found</title><p>No such application.</p>").build()));
    }

    private static Accounts.Session session(ContainerRequestContext request) {
        return (Accounts.Session) request.getProperty(ConsoleAuth.SESSION);
    }

    private static String actor(ContainerRequestContext request) {
        return ConsoleApi.actor(request);
    }

    /** Every form carries the session's token: a page of another site cannot post on the admin's behalf. */
    private static void requireCsrf(ContainerRequestContext request, String csrf) {
        Accounts.Session session = session(request);
        if (session == null || csrf == null || !MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                csrf.getBytes(StandardCharsets.UTF_8))) {
            throw new WebApplicationException(Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                    .entity("the form's token is missing or stale: reload the page").build());
        }
    }

    private static Response back(String location) {
        return Response.seeOther(URI.create(location)).build();
    }

    private static Response page(int status, String title, Accounts.Session session, Store.Application app, String body) {
        Html h = new Html();
        h.raw("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").text(title)
                .raw(" · Palisade console</title><link rel=\"stylesheet\" href=\"/static/console.css\"></head><body><header>"
                        + "<a class=\"brand\" href=\"/\">Palisade console</a>");
        if (app != null) {
            String base = "/app/" + Html.url(app.name());
            h.raw("<nav>").raw("<strong>").text(app.name()).raw("</strong> ").link(base, "Overview").raw(" ")
                    .link(base + "/attacks", "Attacks").raw(" ").link(base + "/inventory", "API inventory").raw(" ")
                    .link(base + "/rules", "Rules").raw(" ").link(base + "/ip-blocks", "IP blocking").raw(" ")
                    .link(base + "/tokens", "Agent tokens").raw("</nav>");
        }
        if (session != null) {
            h.raw("<span class=\"global\">").link("/audit", "Audit").raw(" ").link("/api-tokens", "API tokens").raw("</span>");
            h.form("/logout", session.csrfToken()).raw("<span>").text(session.account())
                    .raw("</span> <button type=\"submit\">Log out</button></form>");
        }
        h.raw("</header><main>").element("h1", title).raw(body).raw("</main></body></html>");
        return Response.status(status).type(HTML).entity(h.toString()).build();
    }
}
