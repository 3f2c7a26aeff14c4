package io.palisade.it.server;

import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Requests to a deployment on a server, always on 127.0.0.1 whatever host the adapter reports
 * (Payara's reports a non-loopback address).
 */
final class ServerHttp {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final URL deployed;

    ServerHttp(URL deployed) {
        this.deployed = deployed;
    }

    /** The deployment's root, rebuilt on 127.0.0.1. */
    URI base() {
        String path = deployed.getPath();
        return URI.create("http://127.0.0.1:" + deployed.getPort() + path + (path.endsWith("/") ? "" : "/"));
    }

    /** @param headers name, value, name, value, ... */
    HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base().resolve(pathAndQuery)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String type, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base().resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A query or path value, percent-encoded (spaces as %20). */
    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
