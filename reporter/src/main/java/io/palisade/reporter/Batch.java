package io.palisade.reporter;

import java.util.List;
import java.util.Map;

/**
 * One delivery to the backend: encoded events (possibly none) and the counters' growth since the last
 * delivery the backend acknowledged.
 *
 * @param id random, the same on every attempt to deliver this batch (the backend stores a batch once)
 * @param sequence increases by one per export attempt, starting at 1
 * @param events UTF-8 JSON objects, see {@code docs/reference/events.md}
 * @param counters non-zero counter deltas by name
 */
public record Batch(String id, long sequence, List<byte[]> events, Map<String, Long> counters) {

    public Batch {
        java.util.Objects.requireNonNull(id, "id");
        events = List.copyOf(events);
        counters = Map.copyOf(counters);
    }

    boolean isEmpty() {
        return events.isEmpty() && counters.isEmpty();
    }
}
