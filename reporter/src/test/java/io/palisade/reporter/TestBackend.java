package io.palisade.reporter;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP backend on 127.0.0.1 speaking protocol v1, whose behaviour a test switches: accept,
 * answer 500, answer garbage, or hang until released. It keeps every body it accepted, raw, and the
 * time of every attempt.
 */
final class TestBackend implements AutoCloseable {

    /** {@code STORE_THEN_500}: keeps the batch, then answers 500, as when the acknowledgement is lost. */
    enum Behaviour { ACCEPT, FAIL_500, GARBAGE, HANG, REJECT_400, REJECT_413, STORE_THEN_500 }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private volatile Behaviour behaviour = Behaviour.ACCEPT;
    private volatile CountDownLatch release = new CountDownLatch(1);
    final List<String> acceptedBatches = new CopyOnWriteArrayList<>();
    final List<String> logins = new CopyOnWriteArrayList<>();
    final List<Long> attemptNanos = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();

    TestBackend() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(threads);
        server.createContext("/v1/agents/login", exchange -> handle(exchange, true));
        server.createContext("/v1/batches", exchange -> handle(exchange, false));
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    void behave(Behaviour next) {
        if (behaviour == Behaviour.HANG && next != Behaviour.HANG) {
            release.countDown();
        }
        if (next == Behaviour.HANG) {
            release = new CountDownLatch(1);
        }
        behaviour = next;
    }

    private void handle(HttpExchange exchange, boolean login) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            attemptNanos.add(System.nanoTime());
            switch (behaviour) {
                case HANG -> {
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, 503, "{}");
                }
                case FAIL_500 -> answer(exchange, 500, "{\"error\":\"down\"}");
                case REJECT_400, REJECT_413 -> {
                    if (login) {
                        logins.add(new String(body, StandardCharsets.UTF_8));
                        answer(exchange, 200, "{\"agent_id\":\"agent-7\"}");
                    } else {
                        answer(exchange, behaviour == Behaviour.REJECT_400 ? 400 : 413, "{\"error\":\"bad batch\"}");
                    }
                }
                case GARBAGE -> answer(exchange, 200, "<html>not json");
                case STORE_THEN_500 -> {
                    if (login) {
                        answer(exchange, 200, "{\"agent_id\":\"agent-7\"}");
                    } else {
                        acceptedBatches.add(new String(body, StandardCharsets.UTF_8));
                        answer(exchange, 500, "{}");
                    }
                }
                case ACCEPT -> {
                    String text = new String(body, StandardCharsets.UTF_8);
                    if (login) {
                        logins.add(text);
                        answer(exchange, 200, "{\"agent_id\":\"agent-7\"}");
                    } else {
                        acceptedBatches.add(text);
                        answer(exchange, 202, "{}");
                    }
                }
            }
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Every event of every accepted batch. */
    List<JsonObject> events() {
        List<JsonObject> events = new ArrayList<>();
        for (String batch : acceptedBatches) {
            for (JsonValue event : parse(batch).getJsonArray("events")) {
                events.add(event.asJsonObject());
            }
        }
        return events;
    }

    /** The sum of each counter over every accepted batch. */
    Map<String, Long> counterTotals() {
        Map<String, Long> totals = new ConcurrentHashMap<>();
        for (String batch : acceptedBatches) {
            parse(batch).getJsonObject("counters").forEach((name, value) ->
                    totals.merge(name, ((jakarta.json.JsonNumber) value).longValue(), Long::sum));
        }
        return totals;
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = EventEncoder.JSON.createReader(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
