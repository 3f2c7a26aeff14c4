package io.palisade.core.counters;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Palisade's metrics for one deployment: cumulative, lock-free counters that request threads
 * increment and the reporter reads. Nothing is ever reset; the reporter sends the difference
 * between a {@link #snapshot()} and the last snapshot the backend acknowledged, so an outage loses
 * no counts (see {@link #delta}).
 *
 * <p>Counting an attack allocates only the first time a rule is seen.
 */
public final class Counters {

    /** Upper bounds, in microseconds, of the protection-time histogram's buckets; the last is open. */
    static final long[] TIME_BUCKETS_MICROS = {10, 25, 50, 100, 250, 1_000, 5_000};

    private final LongAdder requests = new LongAdder();
    private final LongAdder blocked = new LongAdder();
    private final LongAdder budgetOverruns = new LongAdder();
    private final LongAdder ruleFaults = new LongAdder();
    private final LongAdder queueDrops = new LongAdder();
    private final LongAdder bufferDrops = new LongAdder();
    private final LongAdder exportFailures = new LongAdder();
    private final LongAdder batchesRejected = new LongAdder();
    private final LongAdder eventsRejected = new LongAdder();
    private final LongAdder rulePacksRejected = new LongAdder();
    private final LongAdder breakerTrips = new LongAdder();
    private final LongAdder breakerRecoveries = new LongAdder();
    private final LongAdder inputsDropped = new LongAdder();
    private final LongAdder detectionsDropped = new LongAdder();
    private final LongAdder inspectionsIncomplete = new LongAdder();
    private final LongAdder[] protectionTime = new LongAdder[TIME_BUCKETS_MICROS.length + 1];
    /** Per rule: [0] detections in monitor mode, [1] detections that blocked. */
    private final ConcurrentHashMap<String, LongAdder[]> attacks = new ConcurrentHashMap<>();
    private final LongSupplier hookFaults;

    /** @param hookFaults faults counted elsewhere (the hook table's callback faults), added to {@code rule_faults} */
    public Counters(LongSupplier hookFaults) {
        this.hookFaults = hookFaults;
        for (int i = 0; i < protectionTime.length; i++) {
            protectionTime[i] = new LongAdder();
        }
    }

    public Counters() {
        this(() -> 0);
    }

    public void requestSeen() {
        requests.increment();
    }

    public void requestBlocked() {
        blocked.increment();
    }

    /** A detection by {@code ruleId}; {@code block} when it blocked the call, not just recorded it. */
    public void attack(String ruleId, boolean block) {
        LongAdder[] pair = attacks.get(ruleId);
        if (pair == null) {
            pair = attacks.computeIfAbsent(ruleId, id -> new LongAdder[] {new LongAdder(), new LongAdder()});
        }
        pair[block ? 1 : 0].increment();
    }

    public void budgetOverrun() {
        budgetOverruns.increment();
    }

    public void ruleFault() {
        ruleFaults.increment();
    }

    public void rulePackRejected() {
        rulePacksRejected.increment();
    }

    public void breakerTrip() {
        breakerTrips.increment();
    }

    public void breakerRecovery() {
        breakerRecoveries.increment();
    }

    /**
     * What one finished request left uninspected: unbound inputs beyond the input bound, detections
     * beyond the per-request bound, and whether its inspection was incomplete for any reason.
     */
    public void inspection(int inputs, int detections, boolean incomplete) {
        if (inputs > 0) {
            inputsDropped.add(inputs);
        }
        if (detections > 0) {
            detectionsDropped.add(detections);
        }
        if (incomplete) {
            inspectionsIncomplete.increment();
        }
    }

    public void queueDrop() {
        queueDrops.increment();
    }

    /** Events the reporter dropped because its buffer reached its byte cap. */
    public void bufferDrops(long count) {
        bufferDrops.add(count);
    }

    public void exportFailure() {
        exportFailures.increment();
    }

    /** A batch the backend refused as bad (400, 413, 422): its {@code events} are dropped, not retried. */
    public void batchRejected(int events) {
        batchesRejected.increment();
        eventsRejected.add(events);
    }

    /** Time Palisade spent on one request, into the histogram. */
    public void protectionTime(long nanos) {
        long micros = nanos / 1_000;
        int bucket = 0;
        while (bucket < TIME_BUCKETS_MICROS.length && micros >= TIME_BUCKETS_MICROS[bucket]) {
            bucket++;
        }
        protectionTime[bucket].increment();
    }

    public long queueDrops() {
        return queueDrops.sum();
    }

    public long bufferDrops() {
        return bufferDrops.sum();
    }

    public long exportFailures() {
        return exportFailures.sum();
    }

    /**
     * Every counter by name, sorted: {@code requests}, {@code blocked}, {@code attacks.<rule>.block},
     * {@code attacks.<rule>.monitor}, {@code budget_overruns}, {@code rule_faults}, {@code queue_drops},
     * {@code buffer_drops}, {@code export_failures}, {@code batches_rejected}, {@code events_rejected},
     * {@code rule_packs_rejected}, {@code breaker_trips},
     * {@code breaker_recoveries}, {@code inputs_dropped}, {@code detections_dropped}, {@code inspections_incomplete},
     * {@code protection_time_us.lt_<bound>} and
     * {@code protection_time_us.ge_<last bound>}. Zero counters are included.
     */
    public Map<String, Long> snapshot() {
        Map<String, Long> values = new TreeMap<>();
        values.put("requests", requests.sum());
        values.put("blocked", blocked.sum());
        values.put("budget_overruns", budgetOverruns.sum());
        values.put("rule_faults", ruleFaults.sum() + hookFaults.getAsLong());
        values.put("queue_drops", queueDrops.sum());
        values.put("buffer_drops", bufferDrops.sum());
        values.put("export_failures", exportFailures.sum());
        values.put("batches_rejected", batchesRejected.sum());
        values.put("events_rejected", eventsRejected.sum());
        values.put("rule_packs_rejected", rulePacksRejected.sum());
        values.put("breaker_trips", breakerTrips.sum());
        values.put("breaker_recoveries", breakerRecoveries.sum());
        values.put("inputs_dropped", inputsDropped.sum());
        values.put("detections_dropped", detectionsDropped.sum());
        values.put("inspections_incomplete", inspectionsIncomplete.sum());
        for (Map.Entry<String, LongAdder[]> rule : attacks.entrySet()) {
            values.put("attacks." + rule.getKey() + ".monitor", rule.getValue()[0].sum());
            values.put("attacks." + rule.getKey() + ".block", rule.getValue()[1].sum());
        }
        for (int i = 0; i < TIME_BUCKETS_MICROS.length; i++) {
            values.put("protection_time_us.lt_" + TIME_BUCKETS_MICROS[i], protectionTime[i].sum());
        }
        values.put("protection_time_us.ge_" + TIME_BUCKETS_MICROS[TIME_BUCKETS_MICROS.length - 1],
                protectionTime[TIME_BUCKETS_MICROS.length].sum());
        return values;
    }

    /**
     * What {@code now} adds to {@code acknowledged}: the non-zero differences, by name. Counters only
     * grow, so a name missing from {@code acknowledged} counts from zero.
     */
    public static Map<String, Long> delta(Map<String, Long> now, Map<String, Long> acknowledged) {
        Map<String, Long> delta = new TreeMap<>();
        for (Map.Entry<String, Long> entry : now.entrySet()) {
            long difference = entry.getValue() - acknowledged.getOrDefault(entry.getKey(), 0L);
            if (difference != 0) {
                delta.put(entry.getKey(), difference);
            }
        }
        return delta;
    }
}
