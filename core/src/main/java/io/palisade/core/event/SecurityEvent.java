package io.palisade.core.event;

import io.palisade.core.request.Detection;
import io.palisade.core.request.Incompleteness;
import io.palisade.core.request.RequestInput;
import io.palisade.core.request.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What the reporter receives for a finished request that holds detections: an immutable, bounded
 * copy of what the events need, built on the request thread when the request ends. The request
 * record itself never leaves the request.
 *
 * <p>Bounded: the path and every value are cut ({@link #MAX_PATH}, {@link #MAX_VALUE}); the inputs kept
 * besides the detections' own are only those whose value (or credential after an authorization scheme)
 * appears in the path, a statement or a detected value, which is what scrubbing has to redact there.
 *
 * @param inputs the request's inputs that scrubbing may need (see above), values cut
 * @param incompleteness why the request-phase rules could not see everything, empty when they could
 * @param inputsDropped unbound inputs left out by the input bound
 * @param detectionsDropped detections beyond the per-request bound
 */
public record SecurityEvent(String requestId, String method, String path, String clientIp, String resource,
        List<Detection> detections, List<RequestInput> inputs, Set<Incompleteness> incompleteness, int inputsDropped,
        int detectionsDropped) {

    /** Characters of the path kept. */
    public static final int MAX_PATH = 2048;
    /** Characters of an input value kept (events show fewer; scrubbing matches on these). */
    public static final int MAX_VALUE = 4096;

    public SecurityEvent {
        detections = List.copyOf(detections);
        inputs = List.copyOf(inputs);
        incompleteness = Set.copyOf(incompleteness);
    }

    /** The event of a closed record; call only for records with detections. */
    public static SecurityEvent of(RequestRecord record) {
        List<Detection> detections = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        String path = cut(record.path(), MAX_PATH);
        if (path != null) {
            texts.add(path);
        }
        for (Detection detection : record.detections()) {
            RequestInput input = detection.input();
            RequestInput kept = input == null ? null
                    : new RequestInput(input.source(), input.name(), cut(input.value(), MAX_VALUE), input.bound());
            detections.add(kept == input ? detection : detection.withInput(kept));
            if (kept != null) {
                texts.add(kept.value());
            }
            if (detection.evidence() != null) {
                texts.add(detection.evidence());
            }
        }
        List<RequestInput> inputs = new ArrayList<>();
        for (RequestInput input : record.inputsView()) {
            if (appearsIn(input.value(), texts)) {
                inputs.add(new RequestInput(input.source(), input.name(), cut(input.value(), MAX_VALUE), input.bound()));
            }
        }
        return new SecurityEvent(record.id(), record.method(), path, record.clientIp(), record.resource(), detections,
                inputs, record.incompleteness(), record.inputsDropped(), record.detectionsDropped());
    }

    private static boolean appearsIn(String value, List<String> texts) {
        if (value.length() < 2) {
            return false;
        }
        int space = value.indexOf(' ');
        String credential = space > 0 ? value.substring(space + 1).strip() : null;
        for (String text : texts) {
            if (text.contains(value) || credential != null && credential.length() >= 2 && text.contains(credential)) {
                return true;
            }
        }
        return false;
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    /**
     * About how many bytes of heap this event holds: two a character of its texts, and a few dozen a
     * detection and an input. What the reporter's hand-off queue counts against its byte bound. No
     * allocation.
     */
    public long estimatedBytes() {
        long bytes = 128 + chars(requestId) + chars(method) + chars(path) + chars(clientIp) + chars(resource);
        for (int i = 0; i < detections.size(); i++) {
            Detection detection = detections.get(i);
            bytes += 96 + chars(detection.ruleId()) + chars(detection.reason()) + chars(detection.evidence())
                    + chars(detection.hookPoint());
            RequestInput input = detection.input();
            if (input != null) {
                bytes += 48 + chars(input.name()) + chars(input.value());
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            bytes += 48 + chars(inputs.get(i).name()) + chars(inputs.get(i).value());
        }
        return bytes;
    }

    private static long chars(String text) {
        return text == null ? 0 : 40 + 2L * text.length();
    }

    /** Whether the request-phase rules saw everything the request carried. */
    public boolean inspectionComplete() {
        return incompleteness.isEmpty();
    }
}
