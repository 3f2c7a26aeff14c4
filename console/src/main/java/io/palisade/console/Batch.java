package io.palisade.console;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * A batch as an agent posts it ({@code docs/reference/events.md}), read and checked whole before
 * anything is stored. Everything in it came from an agent whose inputs came from attackers: every text
 * is bounded here, and shown escaped wherever it is shown.
 */
record Batch(String agentId, String id, Map<String, Long> counters, List<Event> events) {

    static final int MAX_BYTES = 32 * 1024 * 1024;
    static final int MAX_EVENTS = 10_000;
    static final int MAX_COUNTERS = 500;
    /** Longer texts are cut: an agent sends at most 1,024 characters in any field it fills. */
    static final int MAX_TEXT = 4_096;
    private static final JsonProviderImpl JSON = new JsonProviderImpl();

    record Event(Instant time, String requestId, String ruleId, String attackType, String confidence, String hookPoint,
            boolean blocked, String mode, String clientIp, String method, String path, String resource, String reason,
            String inputSource, String inputName, String inputValue, Boolean inputTruncated, String statement) {
    }

    /** A batch that is wrong as it is: answered 422, and the agent does not send it again. */
    static final class InvalidBatchException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidBatchException(String message) {
            super(message);
        }
    }

    static Batch parse(byte[] body) throws InvalidBatchException {
        JsonObject root;
        try (JsonReader reader = JSON.createReader(new ByteArrayInputStream(body))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new InvalidBatchException("the batch is not a JSON object");
        }
        String agentId = text(root, "agent_id", true, "the batch");
        String id = text(root, "batch_id", false, "the batch");
        if (id != null && !Names.isToken(id, 100, "_.:-")) {
            throw new InvalidBatchException("batch_id must be 1 to 100 letters, digits, '_', '.', ':' or '-'");
        }
        Map<String, Long> counters = new LinkedHashMap<>();
        JsonValue counterValue = root.get("counters");
        if (counterValue != null && counterValue != JsonValue.NULL) {
            if (!(counterValue instanceof JsonObject)) {
                throw new InvalidBatchException("counters must be an object");
            }
            JsonObject object = (JsonObject) counterValue;
            if (object.size() > MAX_COUNTERS) {
                throw new InvalidBatchException("more than " + MAX_COUNTERS + " counters");
            }
            for (Map.Entry<String, JsonValue> counter : object.entrySet()) {
                if (!Names.isToken(counter.getKey(), 128, "_.:<>-")) {
                    throw new InvalidBatchException("a counter name must be 1 to 128 letters, digits or _.:<>-");
                }
                if (!(counter.getValue() instanceof JsonNumber) || !((JsonNumber) counter.getValue()).isIntegral()
                        || ((JsonNumber) counter.getValue()).longValue() < 0) {
                    throw new InvalidBatchException("counter values must be whole numbers, 0 or more");
                }
                counters.put(counter.getKey(), ((JsonNumber) counter.getValue()).longValueExact());
            }
        }
        List<Event> events = new ArrayList<>();
        JsonValue eventsValue = root.get("events");
        if (eventsValue != null && eventsValue != JsonValue.NULL) {
            if (!(eventsValue instanceof JsonArray)) {
                throw new InvalidBatchException("events must be an array");
            }
            JsonArray array = (JsonArray) eventsValue;
            if (array.size() > MAX_EVENTS) {
                throw new InvalidBatchException("more than " + MAX_EVENTS + " events");
            }
            for (int i = 0; i < array.size(); i++) {
                if (!(array.get(i) instanceof JsonObject)) {
                    throw new InvalidBatchException("event #" + (i + 1) + " is not an object");
                }
                JsonObject event = array.getJsonObject(i);
                if (!"attack".equals(text(event, "type", false, "event #" + (i + 1)))) {
                    continue; // other event types are for later protocol versions; not an error
                }
                events.add(event(event, "event #" + (i + 1)));
            }
        }
        return new Batch(agentId, id, counters, events);
    }

    private static Event event(JsonObject event, String where) throws InvalidBatchException {
        Instant time;
        String timeText = text(event, "time", false, where);
        try {
            time = timeText == null ? Instant.now() : Instant.parse(timeText);
        } catch (DateTimeParseException e) {
            throw new InvalidBatchException(where + ": time must be an ISO-8601 instant");
        }
        JsonValue blocked = event.get("blocked");
        if (blocked != JsonValue.TRUE && blocked != JsonValue.FALSE) {
            throw new InvalidBatchException(where + ": blocked must be true or false");
        }
        String source = null;
        String name = null;
        String value = null;
        Boolean truncated = null;
        JsonValue input = event.get("input");
        if (input instanceof JsonObject) {
            JsonObject in = (JsonObject) input;
            source = text(in, "source", false, where + ", input");
            name = text(in, "name", false, where + ", input");
            value = text(in, "value", false, where + ", input");
            JsonValue cut = in.get("truncated");
            truncated = cut == JsonValue.TRUE ? Boolean.TRUE : cut == JsonValue.FALSE ? Boolean.FALSE : null;
        } else if (input != null && input != JsonValue.NULL) {
            throw new InvalidBatchException(where + ": input must be an object");
        }
        return new Event(time, text(event, "request_id", false, where), text(event, "rule_id", true, where),
                text(event, "attack_type", true, where), text(event, "confidence", false, where),
                text(event, "hook_point", false, where), blocked == JsonValue.TRUE, text(event, "mode", false, where),
                text(event, "client_ip", false, where), text(event, "method", false, where), text(event, "path", false, where),
                text(event, "resource", false, where), text(event, "reason", false, where), source, name, value, truncated,
                text(event, "statement", false, where));
    }

    /** A string field, cut to {@link #MAX_TEXT}; {@code null} when absent or null and not required. */
    private static String text(JsonObject object, String key, boolean required, String where) throws InvalidBatchException {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            if (required) {
                throw new InvalidBatchException(where + ": " + key + " is required");
            }
            return null;
        }
        if (!(value instanceof JsonString)) {
            throw new InvalidBatchException(where + ": " + key + " must be a string");
        }
        String text = ((JsonString) value).getString();
        if (required && text.isBlank()) {
            throw new InvalidBatchException(where + ": " + key + " must not be empty");
        }
        // PostgreSQL text cannot hold NUL: replaced, so that an attacker's NUL never fails a whole batch.
        text = text.indexOf('\0') >= 0 ? text.replace('\0', '\uFFFD') : text;
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
    }
}
