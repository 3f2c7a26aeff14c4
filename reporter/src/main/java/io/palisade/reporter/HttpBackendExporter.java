package io.palisade.reporter;

import io.palisade.core.event.AgentDescription;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The backend exporter, protocol v1 ({@code docs/reference/backend-protocol.md}): logs in once with
 * the agent's description and hook table to get an agent id, then posts batches to
 * {@code /v1/batches}. Every call carries the bearer token, is HTTP/1.1, and has a connect and a
 * read timeout; TLS is verified by the JVM's trust store and the JVM's proxy settings apply.
 *
 * <p>Why {@link HttpURLConnection} and not {@code java.net.http.HttpClient}: on Java 17 an
 * {@code HttpClient} cannot be closed, and its selector thread lives until the client is garbage
 * collected, which would outlive an undeployed application. The calls here run on the reporter's
 * own exporter thread, one at a time, and {@link #abort()} unblocks a call that overran.
 *
 * <p>A non-2xx answer, a timeout or an unreadable login answer is an {@link IOException}; the
 * reporter keeps the batch and backs off. A 401 or 403 also forgets the agent id, so the next attempt
 * logs in again. A 400, 413 or 422 to a batch says the batch itself is bad:
 * {@link BatchRejectedException}, and the reporter drops it rather than retrying it forever.
 */
public final class HttpBackendExporter implements Exporter {

    /** Answers larger than this are not read. */
    static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final URI base;
    private final Optional<String> token;
    private final AgentDescription agent;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private volatile String agentId;
    private volatile HttpURLConnection current;
    private String rulesEtag;
    private volatile boolean closed;

    private final javax.net.ssl.SSLSocketFactory tls;

    public HttpBackendExporter(URI base, Optional<String> token, AgentDescription agent, Duration connectTimeout,
            Duration requestTimeout) {
        this(base, token, agent, connectTimeout, requestTimeout, null);
    }

    /** @param tls sockets that trust {@code palisade.backend.truststore}, or {@code null} for the JVM's defaults */
    public HttpBackendExporter(URI base, Optional<String> token, AgentDescription agent, Duration connectTimeout,
            Duration requestTimeout, javax.net.ssl.SSLSocketFactory tls) {
        this.tls = tls;
        String text = base.toString();
        this.base = URI.create(text.endsWith("/") ? text : text + "/");
        this.token = token;
        this.agent = agent;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    /** The id the backend gave this agent, or {@code null} before a successful login. */
    public String agentId() {
        return agentId;
    }

    @Override
    public void export(Batch batch) throws IOException {
        String id = agentId;
        if (id == null) {
            id = login();
            agentId = id;
        }
        byte[] body = batchBody(id, batch);
        Answer answer = call("POST", "v1/batches", body);
        if (answer.status == 401 || answer.status == 403) {
            agentId = null;
        }
        if (answer.status == 400 || answer.status == 413 || answer.status == 422) {
            throw new BatchRejectedException(answer.status);
        }
        answer.requireSuccess("v1/batches");
    }

    private String login() throws IOException {
        byte[] body = EventEncoder.write(json -> {
            json.writeStartObject()
                    .write("application", agent.application())
                    .write("agent_version", agent.agentVersion())
                    .write("runtime", agent.runtime())
                    .write("protocol", 1)
                    .writeStartArray("hook_points");
            agent.hookPoints().forEach(json::write);
            json.writeEnd().writeEnd();
        });
        Answer answer = call("POST", "v1/agents/login", body);
        answer.requireSuccess("v1/agents/login");
        try (JsonReader reader = EventEncoder.JSON.createReader(new java.io.ByteArrayInputStream(answer.body))) {
            JsonObject object = reader.readObject();
            JsonValue id = object.get("agent_id");
            if (id instanceof JsonString && !((JsonString) id).getString().isBlank()) {
                return ((JsonString) id).getString();
            }
        } catch (RuntimeException unreadable) {
            // reported below, without echoing the answer
        }
        throw new IOException("the backend's login answer has no agent_id");
    }

    /** {@code GET /v1/rules} with the last ETag: the pack on 200, {@code null} on 304 or 404. */
    @Override
    public String fetchRules() throws IOException {
        Answer answer = call("GET", "v1/rules", null, rulesEtag);
        if (answer.status == 304 || answer.status == 404) {
            return null;
        }
        answer.requireSuccess("v1/rules");
        if (answer.body.length >= MAX_ANSWER_BYTES) {
            throw new IOException("the backend's rule pack is larger than " + MAX_ANSWER_BYTES + " bytes");
        }
        rulesEtag = answer.etag;
        return new String(answer.body, StandardCharsets.UTF_8);
    }

    static byte[] batchBody(String agentId, Batch batch) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 + batch.events().stream().mapToInt(e -> e.length + 1).sum());
        byte[] head = EventEncoder.write(json -> {
            json.writeStartObject()
                    .write("agent_id", agentId)
                    .write("batch_id", batch.id())
                    .write("sequence", batch.sequence())
                    .write("sent_at", Instant.now().toString())
                    .writeStartObject("counters");
            for (Map.Entry<String, Long> counter : batch.counters().entrySet()) {
                json.write(counter.getKey(), counter.getValue());
            }
            json.writeEnd().writeEnd();
        });
        // {"agent_id":...,"counters":{...}} + ,"events":[e1,e2]}
        out.write(head, 0, head.length - 1);
        out.writeBytes(",\"events\":[".getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < batch.events().size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(batch.events().get(i));
        }
        out.writeBytes("]}".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private Answer call(String method, String path, byte[] body) throws IOException {
        return call(method, path, body, null);
    }

    private Answer call(String method, String path, byte[] body, String ifNoneMatch) throws IOException {
        URL url = base.resolve(path).toURL();
        HttpURLConnection connection = (HttpURLConnection) url.openConnection();
        if (tls != null && connection instanceof javax.net.ssl.HttpsURLConnection) {
            ((javax.net.ssl.HttpsURLConnection) connection).setSSLSocketFactory(tls);
        }
        current = connection;
        try {
            if (closed) {
                throw new IOException("the reporter is stopping");
            }
            connection.setRequestMethod(method);
            connection.setConnectTimeout(millis(connectTimeout));
            connection.setReadTimeout(millis(requestTimeout));
            connection.setUseCaches(false);
            connection.setInstanceFollowRedirects(false);
            connection.setRequestProperty("Accept", "application/json");
            connection.setRequestProperty("User-Agent", "palisade-agent/" + agent.agentVersion());
            token.ifPresent(t -> connection.setRequestProperty("Authorization", "Bearer " + t));
            if (ifNoneMatch != null) {
                connection.setRequestProperty("If-None-Match", ifNoneMatch);
            }
            if (body != null) {
                connection.setDoOutput(true);
                connection.setRequestProperty("Content-Type", "application/json");
                connection.setFixedLengthStreamingMode(body.length);
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            byte[] answer = status == 304 ? new byte[0]
                    : readBounded(status >= 400 ? connection.getErrorStream() : connection.getInputStream());
            return new Answer(status, answer, connection.getHeaderField("ETag"));
        } finally {
            current = null;
            connection.disconnect();
        }
    }

    private static byte[] readBounded(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        try (in) {
            return in.readNBytes(MAX_ANSWER_BYTES);
        }
    }

    private static int millis(Duration duration) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, duration.toMillis()));
    }

    @Override
    public void close() {
        closed = true;
        abort();
    }

    @Override
    public void abort() {
        HttpURLConnection connection = current;
        if (connection != null) {
            connection.disconnect();
        }
    }

    private record Answer(int status, byte[] body, String etag) {

        void requireSuccess(String call) throws IOException {
            if (status < 200 || status > 299) {
                throw new IOException("the backend answered " + status + " to " + call);
            }
        }
    }
}
