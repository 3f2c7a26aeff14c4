package io.palisade.jaxrs;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.event.SecurityEvent;
import io.palisade.core.request.Detection;
import io.palisade.core.request.RequestRecord;

/**
 * The end of a request for Palisade: the record is closed (so no later code on any thread is checked
 * against it) and leaves this thread, the request is counted and, when protections found something,
 * an immutable event built from the record is offered to the reporter (no I/O, no lock). Runs once
 * per record, from whichever comes first: the response filter, the container's end of the request
 * ({@link ContainerEnd}), or {@link BlockedRequestServletFilter} on every path on a servlet container.
 */
final class RequestEnd {

    private RequestEnd() {
    }

    static void finish(PalisadeRuntime runtime, RequestRecord record) {
        if (!runtime.requests().end(record)) {
            return;
        }
        runtime.counters().requestSeen();
        runtime.counters().protectionTime(record.protectionNanos());
        runtime.counters().inspection(record.inputsDropped(), record.detectionsDropped(), !record.inspectionComplete());
        if (!record.hasDetections()) {
            return;
        }
        for (Detection detection : record.detections()) {
            runtime.counters().attack(detection.ruleId(), detection.blocked());
        }
        if (record.blocked()) {
            runtime.counters().requestBlocked();
        }
        runtime.sink().offer(SecurityEvent.of(record));
    }
}
