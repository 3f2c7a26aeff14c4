package io.palisade.console;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Configuration;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Who is calling, decided before any resource runs:
 * <ul>
 * <li>{@code /v1/...} (agents): a live agent token ({@code Authorization: Bearer}), else 401 and nothing stored;</li>
 * <li>{@code /api/...} (scripts): HTTP Basic for the admin account or a console API token, else 401 (never a
 * redirect, never a browser prompt);</li>
 * <li>pages: the session cookie, else a redirect to the login page;</li>
 * <li>{@code /login} and {@code /static/...}: anyone.</li>
 * </ul>
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class ConsoleAuth implements ContainerRequestFilter {

    static final String COOKIE = "palisade_console";
    static final String AGENT = "console.agent";
    static final String ACTOR = "console.actor";
    static final String SESSION = "console.session";
    static final String SESSION_COOKIE = "console.session-cookie";
    static final String CLIENT = "console.client";

    /** The name under which {@link ConsoleServer} puts the {@link Console} into Jersey's configuration. */
    static final String CONSOLE_PROPERTY = "io.palisade.console";

    @Context
    private Configuration configuration;

    private Console console() {
        return (Console) configuration.getProperty(CONSOLE_PROPERTY);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        // The socket's peer, which the server's own handler put there (ConsoleServer); never a header.
        Object peer = request.getProperty(CLIENT);
        String client = peer instanceof String ? (String) peer : "unknown";
        request.setProperty(CLIENT, client);
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/")) {
            path = path.substring(1);
        }
        if (path.startsWith("v1/")) {
            Optional<Store.AgentAuth> auth = bearer(request).flatMap(token -> console().store().agentToken(token));
            if (auth.isEmpty()) {
                request.abortWith(ConsoleResponses.json(401, "{\"error\":\"a valid agent token is required\"}"));
                return;
            }
            request.setProperty(AGENT, auth.get());
        } else if (path.startsWith("api/") || path.equals("api")) {
            Optional<String> actor = apiCaller(request, client);
            if (actor.isEmpty()) {
                request.abortWith(ConsoleResponses.json(401, "{\"error\":\"HTTP Basic for the admin account or a console API"
                        + " token (Authorization: Bearer) is required\"}"));
                return;
            }
            request.setProperty(ACTOR, actor.get());
        } else if (!path.equals("login") && !path.startsWith("static/")) {
            Cookie cookie = request.getCookies().get(COOKIE);
            Optional<Accounts.Session> session = cookie == null ? Optional.empty() : console().accounts().session(cookie.getValue());
            if (session.isEmpty()) {
                if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
                    request.abortWith(ConsoleResponses.secured(Response.seeOther(URI.create("/login"))).build());
                } else {
                    request.abortWith(ConsoleResponses.secured(Response.status(403).type(MediaType.TEXT_PLAIN_TYPE)
                            .entity("log in first")).build());
                }
                return;
            }
            request.setProperty(SESSION, session.get());
            request.setProperty(SESSION_COOKIE, cookie.getValue());
            request.setProperty(ACTOR, session.get().account());
        }
    }

    private static Optional<String> bearer(ContainerRequestContext request) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() || token.length() > 200 ? Optional.empty() : Optional.of(token);
    }

    private Optional<String> apiCaller(ContainerRequestContext request, String client) {
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return Optional.empty();
        }
        if (header.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String account = decoded.substring(0, colon);
            Accounts accounts = console().accounts();
            if (accounts.rateLimited(client, account)) {
                return Optional.empty();
            }
            return accounts.checkPassword(client, account, decoded.substring(colon + 1)) ? Optional.of(account) : Optional.empty();
        }
        return bearer(request).flatMap(token -> console().accounts().apiToken(token)).map(label -> "api-token:" + label);
    }
}
