package io.palisade.core.request;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What Palisade knows about one HTTP request: who sent it, what it asked for, its inputs (bounded by
 * {@link RequestLimits}), and what protections found. Created first thing for every request and
 * closed when the response is written.
 *
 * <p>Thread-safety: mutators and readers synchronize on the record, so an asynchronous resource that
 * finishes on another thread still sees a consistent record. Uncontended, that is a few nanoseconds.
 */
public final class RequestRecord {

    private static final int MAX_DETECTIONS = 16;

    private final String id;
    private final String method;
    private final String path;
    private final String clientIp;
    private final RequestLimits limits;
    private final List<RequestInput> inputs = new ArrayList<>();
    private final List<Detection> detections = new ArrayList<>(2);
    private String resource;
    private int inputsDropped;
    private boolean blocked;
    private boolean closed;
    private long protectionNanos;
    private long ruleNanos;
    private volatile boolean exempt;
    private volatile boolean allowlisted;

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

    public String clientIp() {
        return clientIp;
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
     * Adds an input, cut to the value limit; once the input limit is reached further inputs are
     * counted and dropped. {@code null} values are ignored.
     *
     * @return whether there was room for it
     */
    public synchronized boolean addInput(InputSource source, String name, String value) {
        if (value == null || name == null) {
            return true;
        }
        if (inputs.size() >= limits.maxInputs()) {
            inputsDropped++;
            return false;
        }
        boolean truncated = value.length() > limits.maxValueLength();
        String kept = truncated ? value.substring(0, limits.maxValueLength()) : value;
        String keptName = name.length() > 256 ? name.substring(0, 256) : name;
        inputs.add(new RequestInput(source, keptName, kept, truncated));
        return true;
    }

    /** A snapshot of the inputs. */
    public synchronized List<RequestInput> inputs() {
        return List.copyOf(inputs);
    }

    /** The inputs without copying, for detectors on the request thread; do not keep it. */
    public synchronized List<RequestInput> inputsView() {
        return Collections.unmodifiableList(inputs);
    }

    public synchronized int inputsDropped() {
        return inputsDropped;
    }

    public synchronized void addDetection(Detection detection) {
        if (detection.blocked()) {
            blocked = true;
        }
        if (detections.size() < MAX_DETECTIONS) {
            detections.add(detection);
        }
    }

    public synchronized List<Detection> detections() {
        return List.copyOf(detections);
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

    public synchronized boolean closed() {
        return closed;
    }

    public synchronized void close() {
        closed = true;
    }

    @Override
    public String toString() {
        return "RequestRecord[" + id + " " + method + " " + path + "]";
    }
}
