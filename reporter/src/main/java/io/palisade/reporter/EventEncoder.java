package io.palisade.reporter;

import io.palisade.core.request.Detection;
import io.palisade.core.request.RequestInput;
import io.palisade.core.event.SecurityEvent;
import io.palisade.core.request.Incompleteness;
import jakarta.json.stream.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * Turns a finished request's event into attack events: one JSON object per detection, scrubbed and
 * truncated, encoded as UTF-8. The schema is {@code docs/reference/events.md}. Runs on the reporter's
 * worker thread.
 */
final class EventEncoder {

    /** Characters of an input's value kept in an event. */
    static final int MAX_VALUE = 512;
    /** Characters of a SQL statement kept in an event. */
    static final int MAX_STATEMENT = 1024;
    static final int MAX_PATH = 512;

    static final JsonProviderImpl JSON = new JsonProviderImpl();

    private final Scrubber scrubber;

    EventEncoder(Scrubber scrubber) {
        this.scrubber = scrubber;
    }

    /** The request's attack events; empty when it holds no detection. */
    List<byte[]> encode(SecurityEvent record) {
        List<Detection> detections = record.detections();
        if (detections.isEmpty()) {
            return List.of();
        }
        Set<String> secrets = knownSecrets(record);
        List<byte[]> events = new ArrayList<>(detections.size());
        for (Detection detection : detections) {
            events.add(write(generator -> attack(generator, record, detection, secrets)));
        }
        return events;
    }

    /** The values of the request's secret-named inputs, and the credential part of authorization headers. */
    private Set<String> knownSecrets(SecurityEvent record) {
        Set<String> secrets = new LinkedHashSet<>();
        for (RequestInput input : record.inputs()) {
            if (scrubber.secretName(input.name())) {
                secrets.add(input.value());
                int space = input.value().indexOf(' ');
                if (space > 0) {
                    secrets.add(input.value().substring(space + 1).strip());
                }
            }
        }
        return secrets;
    }

    private void attack(JsonGenerator json, SecurityEvent record, Detection detection, Set<String> secrets) {
        json.writeStartObject()
                .write("type", "attack")
                .write("request_id", record.requestId())
                .write("time", detection.time().toString())
                .write("rule_id", detection.ruleId())
                .write("attack_type", detection.attackType())
                .write("confidence", detection.confidence());
        writeNullable(json, "hook_point", detection.hookPoint());
        json.write("blocked", detection.blocked())
                .write("mode", detection.blocked() ? "block" : "monitor");
        writeNullable(json, "client_ip", record.clientIp());
        writeNullable(json, "method", record.method());
        writeNullable(json, "path", cut(scrubber.text(record.path(), secrets), MAX_PATH));
        writeNullable(json, "resource", record.resource());
        json.write("reason", detection.reason());
        RequestInput input = detection.input();
        if (input != null) {
            String value = scrubber.value(input.name(), input.value(), secrets);
            json.writeStartObject("input")
                    .write("source", input.source().label())
                    .write("name", cut(input.name(), 256))
                    .write("value", cut(value, MAX_VALUE))
                    .write("truncated", value.length() > MAX_VALUE)
                    .write("bound", input.bound())
                    .writeEnd();
        }
        json.write("inspection_complete", record.inspectionComplete());
        if (!record.inspectionComplete()) {
            json.writeStartArray("inspection_incomplete");
            for (Incompleteness reason : Incompleteness.values()) {
                if (record.incompleteness().contains(reason)) {
                    json.write(reason.label());
                }
            }
            json.writeEnd();
        }
        if (detection.evidence() != null && detection.hookPoint() != null && detection.hookPoint().startsWith("jdbc:")) {
            json.write("statement", cut(scrubber.sql(detection.evidence(), secrets), MAX_STATEMENT));
        }
        json.writeEnd();
    }

    private static void writeNullable(JsonGenerator json, String name, String value) {
        if (value == null) {
            json.writeNull(name);
        } else {
            json.write(name, value);
        }
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static byte[] write(Consumer<JsonGenerator> body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            body.accept(generator);
        }
        return out.toByteArray();
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
