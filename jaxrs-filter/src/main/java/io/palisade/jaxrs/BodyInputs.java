package io.palisade.jaxrs;

import io.palisade.core.request.Incompleteness;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestRecord;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * Turns a JSON body into request inputs: its leaves (strings and numbers) named by their key paths,
 * {@code user.name}, {@code items[2]}, {@code $} for a top-level value. Anything it cannot make sense of
 * (bad encoding, malformed or truncated JSON) ends collection quietly: the request goes on untouched,
 * and what was understood is inspected.
 */
final class BodyInputs {

    private static final JsonProviderImpl JSON = new JsonProviderImpl();

    /** Receives leaves in document order; answers whether to go on. */
    @FunctionalInterface
    interface LeafSink {
        boolean leaf(String name, String value);
    }

    private BodyInputs() {
    }

    /**
     * The leaves of a body the resource method does not receive, as unbound inputs: at most to
     * {@code maxDepth}, and only while the record has room. Leaves deeper than the bound flag the record.
     */
    static void json(byte[] body, int length, int maxDepth, RequestRecord record) {
        boolean cut = leaves(body, length, maxDepth, (name, value) -> record.addInput(InputSource.JSON, name, value));
        if (cut) {
            record.incomplete(Incompleteness.BODY_CUT);
        }
    }

    /** Characters of a leaf's path at most (the record cuts names to 256 anyway). */
    static final int MAX_PATH = 256;

    /** Every leaf of a body the resource method receives, at any depth the parser accepts. */
    static List<String[]> all(byte[] body) {
        List<String[]> leaves = new ArrayList<>();
        leaves(body, body.length, Integer.MAX_VALUE, (name, value) -> leaves.add(new String[] {name, value}));
        return leaves;
    }

    static List<String[]> all(InputStream body) {
        try {
            return all(body.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A parser over the body. JSON between systems is UTF-8 (RFC 8259): decoded here into a string the
     * parser reads directly, which spares the 8 KiB a stream decoder allocates per request. A body that
     * starts like UTF-16 or UTF-32 (a NUL or their byte-order marks) is left to the parser's detection.
     */
    private static JsonParser parser(byte[] body, int length) {
        if (length >= 2 && (body[0] == 0 || body[1] == 0 || (body[0] & 0xFF) == 0xFE || (body[0] & 0xFF) == 0xFF)) {
            return JSON.createParser(new ByteArrayInputStream(body, 0, length));
        }
        int start = length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF ? 3 : 0;
        return JSON.createParser(new java.io.StringReader(new String(body, start, length - start,
                java.nio.charset.StandardCharsets.UTF_8)));
    }

    /**
     * Walks the leaves of {@code in} into {@code sink}.
     *
     * @return whether leaves deeper than {@code maxDepth} were skipped
     */
    static boolean leaves(byte[] body, int length, int maxDepth, LeafSink sink) {
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> arrayIndexes = new ArrayDeque<>();
        String key = null;
        boolean skipped = false;
        try (JsonParser parser = parser(body, length)) {
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                switch (event) {
                    case KEY_NAME:
                        key = parser.getString();
                        break;
                    case START_OBJECT:
                    case START_ARRAY:
                        path.push(segment(path, arrayIndexes, key));
                        arrayIndexes.push(event == JsonParser.Event.START_ARRAY ? new int[] {0} : objectMarker());
                        key = null;
                        break;
                    case END_OBJECT:
                    case END_ARRAY:
                        path.pop();
                        arrayIndexes.pop();
                        break;
                    case VALUE_STRING:
                    case VALUE_NUMBER:
                        String name = segment(path, arrayIndexes, key);
                        if (path.size() <= maxDepth) {
                            if (!sink.leaf(name.isEmpty() ? "$" : name, parser.getString())) {
                                return skipped;
                            }
                        } else {
                            skipped = true;
                        }
                        key = null;
                        break;
                    default:
                        segment(path, arrayIndexes, key);
                        key = null;
                }
            }
        } catch (RuntimeException e) {
            // Malformed, truncated, or deeper than the parser's own limit (Parsson throws a bare
            // RuntimeException past 1,000 levels): keep what was collected.
        }
        return skipped;
    }

    /** Marks an object on the index stack: its values are named by key, not index. */
    private static int[] objectMarker() {
        return new int[] {-1};
    }

    /**
     * The path of the next value inside the current container, advancing an array's index, cut to
     * {@link #MAX_PATH} characters: a path is a name for rules and events, and whole paths of deep
     * bodies with long keys would grow with the square of the body (each leaf repeating every key
     * above it).
     */
    private static String segment(Deque<String> path, Deque<int[]> arrayIndexes, String key) {
        String parent = path.isEmpty() ? "" : path.peek();
        int[] index = arrayIndexes.peek();
        String name;
        if (index != null && index[0] >= 0) {
            name = parent + "[" + index[0]++ + "]";
        } else if (key == null) {
            return parent;
        } else if (parent.isEmpty()) {
            name = key;
        } else {
            name = parent + "." + (key.length() > MAX_PATH ? key.substring(0, MAX_PATH) : key);
        }
        return name.length() > MAX_PATH ? name.substring(0, MAX_PATH) : name;
    }
}
