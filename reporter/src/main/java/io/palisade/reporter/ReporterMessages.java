package io.palisade.reporter;

import static java.util.logging.Level.FINE;
import static java.util.logging.Level.INFO;
import static java.util.logging.Level.WARNING;

import io.palisade.core.log.Message;

/**
 * Every log message of the reporter (PAL50xx), with its id; explained in
 * {@code docs/reference/log-messages.md}. None carries an event's content: batches are counted, causes
 * are named by their class and status.
 */
final class ReporterMessages {

    private static final String REPORTER = "io.palisade.reporter";

    static final Message STREAM_FAILED = Message.of("PAL5002", WARNING, REPORTER,
            "the reporter's stream failed with %s; starting it again");
    static final Message RECORD_NOT_PROCESSED = Message.of("PAL5003", WARNING, REPORTER,
            "the reporter could not process a request record (%s)");
    static final Message EVENT_NOT_ENCODED = Message.of("PAL5004", FINE, REPORTER,
            "could not encode the events of request %s");
    static final Message DELIVERY_FAILED = Message.of("PAL5005", WARNING, REPORTER,
            "the reporter could not deliver a batch (%s: %s); %d events kept, retrying in %d ms (attempt %d)");
    static final Message DELIVERS_AGAIN = Message.of("PAL5006", INFO, REPORTER,
            "the reporter delivers again after %d failed attempts");
    static final Message FLUSH_FAILED = Message.of("PAL5007", WARNING, REPORTER, "the reporter could not flush on close (%s)");
    static final Message STOPPED_WITH_UNDELIVERED = Message.of("PAL5008", WARNING, REPORTER,
            "the reporter stopped with %d events undelivered");
    static final Message THREAD_NOT_STOPPED = Message.of("PAL5009", WARNING, REPORTER,
            "a reporter thread did not stop in time");
    static final Message RULES_NOT_FETCHED = Message.of("PAL5010", FINE, REPORTER, "could not ask the backend for rules (%s)");
    static final Message BATCH_REJECTED = Message.of("PAL5011", WARNING, REPORTER,
            "the backend rejected a batch as invalid (%s); its %d events are dropped and counted (batches_rejected: %d),"
                    + " its counters go with the next batch");

    private ReporterMessages() {
    }
}
