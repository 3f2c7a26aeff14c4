package io.palisade.core.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What Palisade knows about one HTTP request: who sent it, what it asked for, its inputs, and what
 * protections found. Created first thing for every request and closed when the request ends, on every
 * path. Owned by the request: it may travel to the threads that serve the request, but never to the
 * reporter, which receives an immutable event built from it.
 *
 * <p>Inputs come in two kinds. <em>Bound</em> inputs are those the matched resource method receives
 * through its parameters: they are always kept whole, however many other inputs the request carries.
 * <em>Unbound extras</em> (every other parameter, header and cookie) are kept up to
 * {@link RequestLimits#maxInputs()}; beyond that they are counted and the record is flagged
 * {@link Incompleteness#INPUTS_DROPPED}. Values are references to the runtime's own strings, never
 * cut: the SQL check matches them whole.
 *
 * <p>Thread-safety: mutators and readers synchronize on the record, so an asynchronous resource that
 * finishes on another thread still sees a consistent record. Uncontended, that is a few nanoseconds.
 */
public final class RequestRecord {

    /** Detections kept per request; further ones are counted ({@link #detectionsDropped()}). */
    public static final int MAX_DETECTIONS = 16;
    private static final int MAX_NAME_LENGTH = 256;

    /**
     * Inputs that arrive after the request filters ran, such as the rest of a JSON body the
     * application reads while the resource method runs. Asked for them before a SQL check.
     */
    @FunctionalInterface
    public interface LateInputs {
        /** Adds what arrived since the last call to {@code record}; never throws. */
        void collect(RequestRecord record);
    }

    private final String id;
    private final String method;
    private final String path;
    private final String clientIp;
    private final RequestLimits limits;
    private final List<RequestInput> inputs = new ArrayList<>();
    private final List<Detection> detections = new ArrayList<>(2);
    private List<String> parsedAddresses = List.of();
    private String resource;
    private int extras;
    private int inputsDropped;
    private int detectionsDropped;
    private int incompleteness;
    private boolean blocked;
    private volatile boolean closed;
    private long protectionNanos;
    private long ruleNanos;
    private LateInputs lateInputs;
    private volatile boolean exempt;
    private volatile boolean allowlisted;
    private Object inspection;

    public RequestRecord(String id, String method, String path, String clientIp, RequestLimits limits) {
        this.id = id;
        this.method = method;
        this.path = path;
        this.clientIp = clientIp;
        this.limits = limits;
    }

    public String id() {
        return id;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** The client's address, or {@code null} when it is unknown (no socket address, or an unparseable proxy header). */
    public String clientIp() {
        return clientIp;
    }

    /**
     * Addresses that parsed on the way to the client through trusted proxies' headers, when the client
     * itself stayed unknown: a denylist still matches them.
     */
    public synchronized List<String> parsedAddresses() {
        return parsedAddresses;
    }

    public synchronized void parsedAddresses(List<String> addresses) {
        this.parsedAddresses = List.copyOf(addresses);
    }

    public RequestLimits limits() {
        return limits;
    }

    /** The matched resource method's hook point symbol, once known. */
    public synchronized String resource() {
        return resource;
    }

    public synchronized void resource(String symbol) {
        this.resource = symbol;
    }

    /**
     * Adds an unbound input (one the resource method may not receive). Once
     * {@link RequestLimits#maxInputs()} of them are kept, further ones are counted and dropped, and the
     * record is flagged. {@code null} names or values are ignored.
     *
     * @return whether there was room for it
     */
    public synchronized boolean addInput(InputSource source, String name, String value) {
        if (value == null || name == null) {
            return true;
        }
        if (extras >= limits.maxInputs()) {
            inputsDropped++;
            incompleteness |= Incompleteness.INPUTS_DROPPED.bit();
            return false;
        }
        extras++;
        add(new RequestInput(source, cutName(name), value, false));
        return true;
    }

    /** Adds an input the resource method receives: always kept, whole. {@code null} names or values are ignored. */
    public synchronized void addBoundInput(InputSource source, String name, String value) {
        if (value != null && name != null) {
            add(new RequestInput(source, cutName(name), value, true));
        }
    }

    /**
     * Makes sure the values the resource method receives as {@code source:name} are recorded, whole
     * and marked bound: inputs recorded before matching are marked when they are exactly these values;
     * otherwise (some were dropped as extras) they are replaced by these values.
     */
    public synchronized void bind(InputSource source, String name, List<String> values) {
        if (name == null || values == null || values.isEmpty()) {
            return;
        }
        String kept = cutName(name);
        // The inputs recorded under this name, in order, are exactly the values: mark them (no copy of the list).
        int count = 0;
        boolean same = true;
        for (int i = 0; i < inputs.size(); i++) {
            RequestInput input = inputs.get(i);
            if (input.source() == source && sameName(source, input.name(), kept)) {
                same = same && count < values.size() && input.value().equals(values.get(count));
                count++;
            }
        }
        if (same && count == values.size()) {
            for (int i = 0; i < inputs.size(); i++) {
                RequestInput input = inputs.get(i);
                if (input.source() == source && sameName(source, input.name(), kept)) {
                    if (!input.bound()) {
                        extras--;
                    }
                    inputs.set(i, input.asBound());
                }
            }
            return;
        }
        for (int i = inputs.size() - 1; i >= 0; i--) {
            RequestInput input = inputs.get(i);
            if (input.source() == source && sameName(source, input.name(), kept)) {
                inputs.remove(i);
                if (!input.bound()) {
                    extras--;
                }
            }
        }
        for (String value : values) {
            if (value != null) {
                add(new RequestInput(source, kept, value, true));
            }
        }
    }

    /**
     * Replaces the bound inputs from {@code source} with {@code leaves} (name, value pairs): a bound body
     * parsed again once the application has read more of it.
     */
    public synchronized void replaceBoundInputs(InputSource source, List<String[]> leaves) {
        inputs.removeIf(input -> input.source() == source && input.bound());
        for (String[] leaf : leaves) {
            if (leaf[0] != null && leaf[1] != null) {
                add(new RequestInput(source, cutName(leaf[0]), leaf[1], true));
            }
        }
    }

    private static boolean sameName(InputSource source, String a, String b) {
        return source == InputSource.HEADER ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    private void add(RequestInput input) {
        if (input.value().length() > limits.maxValueLength()) {
            incompleteness |= Incompleteness.VALUE_CUT.bit();
        }
        inputs.add(input);
    }

    private static String cutName(String name) {
        return name.length() > MAX_NAME_LENGTH ? name.substring(0, MAX_NAME_LENGTH) : name;
    }

    /** A snapshot of the inputs. */
    public synchronized List<RequestInput> inputs() {
        return List.copyOf(inputs);
    }

    /** The inputs without copying, for detectors on the request thread; do not keep it. */
    public synchronized List<RequestInput> inputsView() {
        return Collections.unmodifiableList(inputs);
    }

    /** Unbound inputs left out because of {@link RequestLimits#maxInputs()}. */
    public synchronized int inputsDropped() {
        return inputsDropped;
    }

    /** Where inputs that arrive late come from (a bound body still being read); replaces any previous one. */
    public synchronized void lateInputs(LateInputs source) {
        this.lateInputs = source;
    }

    /** Brings the inputs up to date with what the application has read so far; cheap when nothing is pending. */
    public void settle() {
        LateInputs source;
        synchronized (this) {
            source = lateInputs;
        }
        if (source != null) {
            source.collect(this);
        }
    }

    /** Notes that the rules could not inspect everything, and why. */
    public synchronized void incomplete(Incompleteness reason) {
        incompleteness |= reason.bit();
    }

    /** Whether the rules saw everything the request carried. */
    public synchronized boolean inspectionComplete() {
        return incompleteness == 0;
    }

    /** Why the inspection was incomplete, in declaration order; empty when it was complete. */
    public synchronized Set<Incompleteness> incompleteness() {
        Set<Incompleteness> reasons = EnumSet.noneOf(Incompleteness.class);
        for (Incompleteness reason : Incompleteness.values()) {
            if ((incompleteness & reason.bit()) != 0) {
                reasons.add(reason);
            }
        }
        return reasons;
    }

    public synchronized void addDetection(Detection detection) {
        if (detection.blocked()) {
            blocked = true;
        }
        if (detections.size() < MAX_DETECTIONS) {
            detections.add(detection);
        } else {
            detectionsDropped++;
        }
    }

    public synchronized List<Detection> detections() {
        return List.copyOf(detections);
    }

    /** Detections beyond {@link #MAX_DETECTIONS}: counted, not kept. */
    public synchronized int detectionsDropped() {
        return detectionsDropped;
    }

    /** Whether a protection blocked something in this request: the response must be the block response. */
    public synchronized boolean blocked() {
        return blocked;
    }

    /** Whether protections skip this request entirely ({@code palisade.path.allowlist}). */
    public boolean exempt() {
        return exempt;
    }

    public void exempt(boolean value) {
        exempt = value;
    }

    /**
     * What the rules engine's inspection before matching leaves for the one after it (which inputs it
     * saw, which rules it ran); opaque here, owned by the engine. {@code null} until then.
     */
    public synchronized Object inspection() {
        return inspection;
    }

    public synchronized void inspection(Object state) {
        inspection = state;
    }

    /** Whether the client is never blocked ({@code palisade.ip.allowlist}): detections are only recorded. */
    public boolean allowlisted() {
        return allowlisted;
    }

    public void allowlisted(boolean value) {
        allowlisted = value;
    }

    /** Whether protections found anything: only such records are worth reporting. */
    public synchronized boolean hasDetections() {
        return !detections.isEmpty();
    }

    /** Adds time Palisade spent on this request. */
    public synchronized void addProtectionNanos(long nanos) {
        protectionNanos += nanos;
    }

    /** Time Palisade spent on this request so far. */
    public synchronized long protectionNanos() {
        return protectionNanos;
    }

    /** Adds time the request-phase rules spent on this request (counted in {@link #protectionNanos()} too). */
    public synchronized void addRuleNanos(long nanos) {
        ruleNanos += nanos;
        protectionNanos += nanos;
    }

    /**
     * Time the request-phase rules spent on this request so far: what {@code palisade.budget} bounds.
     * Reading inputs is not in it, so a one-off cost (a class loaded on the first request) does not
     * make rules skip.
     */
    public synchronized long ruleNanos() {
        return ruleNanos;
    }

    /** Whether the request has ended; one volatile read, no lock (asked on every hooked JDBC call). */
    public boolean closed() {
        return closed;
    }

    /**
     * Ends the record: it is no longer current anywhere, and late inputs are no longer collected.
     *
     * @return whether this call closed it (only the first does)
     */
    public synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        lateInputs = null;
        return true;
    }

    @Override
    public String toString() {
        return "RequestRecord[" + id + " " + method + " " + path + "]";
    }
}
