package io.palisade.jaxrs;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.request.Detection;
import io.palisade.core.request.RequestRecord;

/**
 * The end of a request for Palisade: the record leaves the thread, the request is counted and,
 * when protections found something, offered to the reporter (no I/O, no lock). Runs once per
 * record, from the response filter or, when an exception escaped JAX-RS, from
 * {@link BlockedRequestServletFilter}.
 */
final class RequestEnd {

    private RequestEnd() {
    }

    static void finish(PalisadeRuntime runtime, RequestRecord record) {
        synchronized (record) {
            if (record.closed()) {
                return;
            }
            record.close();
        }
        runtime.requests().end(record);
        runtime.counters().requestSeen();
        runtime.counters().protectionTime(record.protectionNanos());
        if (!record.hasDetections()) {
            return;
        }
        for (Detection detection : record.detections()) {
            runtime.counters().attack(detection.ruleId(), detection.blocked());
        }
        if (record.blocked()) {
            runtime.counters().requestBlocked();
        }
        runtime.sink().offer(record);
    }
}
