package io.palisade.console;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** A real console (embedded PostgreSQL, Weld, Jersey on Grizzly) on a free port of 127.0.0.1, and an HTTP client for it. */
final class RunningConsole implements AutoCloseable {

    static final String ADMIN_PASSWORD = "correct horse battery staple";

    final ConsoleServer server;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    RunningConsole() {
        this(Map.of());
    }

    RunningConsole(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>();
        env.put("CONSOLE_PORT", "0");
        env.put("CONSOLE_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(extra);
        server = ConsoleServer.start(ConsoleConfig.from(env));
    }

    Console console() {
        return server.console();
    }

    URI uri(String path) {
        return server.uri().resolve(path);
    }

    static String basic() {
        return "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(String method, String path, String authorization, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As the admin, through the API. */
    HttpResponse<String> api(String method, String path, String body) throws IOException, InterruptedException {
        return send(method, path, basic(), body);
    }

    @Override
    public void close() {
        server.close();
    }
}
