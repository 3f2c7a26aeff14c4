package io.palisade.jaxrs;

import static java.util.logging.Level.FINE;
import static java.util.logging.Level.INFO;
import static java.util.logging.Level.WARNING;

import io.palisade.core.log.Message;

/**
 * Every log message of the JAX-RS and servlet layer (PAL40xx), with its id; explained in
 * {@code docs/reference/log-messages.md}. None carries request data: a request is named by its id.
 */
final class FilterMessages {

    private static final String JAXRS = "io.palisade.jaxrs";

    static final Message INPUTS_UNREADABLE = Message.of("PAL4001", FINE, JAXRS, "could not read all inputs of request %s");
    static final Message RESPONSE_UNCHECKED = Message.of("PAL4001", FINE, JAXRS, "could not check the response of request %s");
    static final Message SERVLET_RECORD_NOT_OPENED = Message.of("PAL4001", FINE, JAXRS,
            "could not open a record for a request served outside JAX-RS");
    static final Message NO_RUNTIME = Message.of("PAL4002", INFO, JAXRS,
            "no Palisade runtime in this application (Palisade disabled?): JAX-RS filters not installed");
    static final Message NO_CDI = Message.of("PAL4003", WARNING, JAXRS,
            "CDI is not available to the JAX-RS application; Palisade's request protection is not installed");
    static final Message NO_PEER_ADDRESS = Message.of("PAL4004", INFO, JAXRS,
            "the client's socket address is not available in this JAX-RS runtime; client IP rules and lists do not apply");
    static final Message BLOCK_NOT_WRITTEN = Message.of("PAL4005", FINE, JAXRS,
            "could not write the block response after an unmapped exception");
    static final Message SERVLET_FILTER_NOT_ADDED = Message.of("PAL4006", WARNING, JAXRS,
            "the servlet filter for blocked requests could not be added; a blocked request whose exception the"
                    + " application leaves unmapped answers the container's error");
    static final Message RECORD_NOT_ENDED = Message.of("PAL4007", FINE, JAXRS,
            "could not end the request record after the servlet chain");
    static final Message PAGE_TOO_LARGE = Message.of("PAL4010", FINE, JAXRS,
            "an HTML response larger than the check's bound is written unchecked");

    private FilterMessages() {
    }
}
