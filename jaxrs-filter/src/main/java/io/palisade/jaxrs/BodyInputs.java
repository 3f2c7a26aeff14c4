package io.palisade.jaxrs;

import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestRecord;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * Turns the inspected prefix of a JSON body into request inputs. Anything it cannot make
 * sense of (bad encoding, malformed or truncated JSON) ends collection quietly: the request goes on
 * untouched, and only what was understood is inspected.
 */
final class BodyInputs {

    private static final JsonProviderImpl JSON = new JsonProviderImpl();

    private BodyInputs() {
    }

    /** Collects the leaves (strings, numbers) with their key paths: {@code user.name}, {@code items[2]}. */
    static void json(byte[] body, int length, int maxDepth, RequestRecord record) {
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> arrayIndexes = new ArrayDeque<>();
        String key = null;
        try (JsonParser parser = JSON.createParser(new ByteArrayInputStream(body, 0, length))) {
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
                        if (path.size() <= maxDepth) {
                            String name = segment(path, arrayIndexes, key);
                            if (!record.addInput(InputSource.JSON, name.isEmpty() ? "$" : name, parser.getString())) {
                                return;
                            }
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
    }

    /** Marks an object on the index stack: its values are named by key, not index. */
    private static int[] objectMarker() {
        return new int[] {-1};
    }

    /** The full path of the next value inside the current container, advancing an array's index. */
    private static String segment(Deque<String> path, Deque<int[]> arrayIndexes, String key) {
        String parent = path.isEmpty() ? "" : path.peek();
        int[] index = arrayIndexes.peek();
        if (index != null && index[0] >= 0) {
            return parent + "[" + index[0]++ + "]";
        }
        if (key == null) {
            return parent;
        }
        return parent.isEmpty() ? key : parent + "." + key;
    }
}
