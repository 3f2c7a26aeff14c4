package io.palisade.reporter;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Encoded events waiting to be delivered, oldest first, bounded by their total size in bytes. When
 * an event does not fit, the oldest are dropped until it does, and the drops are returned to the
 * caller to count. The events of the batch being exported stay at the head until the export
 * succeeds, so a failed export loses nothing but what the cap forces out.
 *
 * <p>Not thread-safe: only the reporter's worker thread touches it.
 */
final class Outbox {

    private final long capacityBytes;
    private final ArrayDeque<byte[]> events = new ArrayDeque<>();
    private long bytes;
    /** How many events at the head belong to the export in flight. */
    private int inFlight;

    Outbox(long capacityBytes) {
        if (capacityBytes < 1) {
            throw new IllegalArgumentException("capacityBytes must be positive: " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    /** @return how many events were dropped to make room (an event larger than the cap drops itself) */
    int add(byte[] event) {
        if (event.length > capacityBytes) {
            return 1;
        }
        int dropped = 0;
        while (bytes + event.length > capacityBytes) {
            byte[] oldest = events.pollFirst();
            bytes -= oldest.length;
            dropped++;
            if (inFlight > 0) {
                inFlight--;
            }
        }
        events.addLast(event);
        bytes += event.length;
        return dropped;
    }

    /** Marks up to {@code max} of the oldest events as in flight and returns them. */
    List<byte[]> takeBatch(int max) {
        if (inFlight != 0) {
            throw new IllegalStateException("an export is already in flight");
        }
        int count = Math.min(max, events.size());
        List<byte[]> batch = new ArrayList<>(count);
        Iterator<byte[]> iterator = events.iterator();
        for (int i = 0; i < count; i++) {
            batch.add(iterator.next());
        }
        inFlight = count;
        return batch;
    }

    /** The export in flight succeeded: its events (those the cap did not already drop) are gone. */
    void delivered() {
        for (int i = 0; i < inFlight; i++) {
            bytes -= events.pollFirst().length;
        }
        inFlight = 0;
    }

    /**
     * The export in flight failed: its events that the cap has not dropped since, oldest first. They
     * stay in flight, so the retry sends them under the same batch id, and nothing newer joins them
     * (a backend that stored the first attempt recognises the retry by its id and stores nothing).
     */
    List<byte[]> inFlight() {
        List<byte[]> batch = new ArrayList<>(inFlight);
        Iterator<byte[]> iterator = events.iterator();
        for (int i = 0; i < inFlight; i++) {
            batch.add(iterator.next());
        }
        return batch;
    }

    /** Nothing is in flight any more (the batch was empty, or the final export gave up): the events stay. */
    void release() {
        inFlight = 0;
    }

    int size() {
        return events.size();
    }

    long bytes() {
        return bytes;
    }
}
