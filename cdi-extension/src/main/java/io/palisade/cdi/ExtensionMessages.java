package io.palisade.cdi;

import static java.util.logging.Level.FINE;
import static java.util.logging.Level.INFO;
import static java.util.logging.Level.SEVERE;
import static java.util.logging.Level.WARNING;

import io.palisade.core.log.Message;

/**
 * Every log message of the CDI extension (configuration and instrumentation at deployment, PAL20xx),
 * with its id; explained in {@code docs/reference/log-messages.md}.
 */
final class ExtensionMessages {

    private static final String CDI = "io.palisade.cdi";

    static final Message NO_MICROPROFILE_CONFIG = Message.of("PAL2002", FINE, CDI,
            "no MicroProfile Config implementation; reading palisade.* keys directly");
    static final Message UNKNOWN_KEY = Message.of("PAL2003", WARNING, CDI,
            "unknown configuration key %s is ignored; see the configuration reference for the keys Palisade reads");
    static final Message PROPERTIES_UNREADABLE = Message.of("PAL2004", WARNING, CDI,
            "could not read %s; using defaults for keys set there");
    static final Message DISABLED = Message.of("PAL2005", INFO, CDI,
            "Palisade is disabled (palisade.enabled=false): the application runs unprotected");
    static final Message TABLE_FROZEN = Message.of("PAL2010", INFO, CDI,
            "Palisade hook table frozen: %d hook points (%d JAX-RS resource methods, %d JDBC, %d JPA); DataSources hooked:"
                    + " %d bean classes, %d producers, %d @Resource fields; entity managers hooked: %d injected fields,"
                    + " %d producers; mode %s; resource methods %s");
    static final Message HOOK_POINTS = Message.of("PAL2011", FINE, CDI, "hook points: %s");
    static final Message NOT_HOOKED = Message.of("PAL2012", WARNING, CDI,
            "Palisade could not hook %s. Resource classes that are not CDI beans are still protected by the JAX-RS filter;"
                    + " DataSources and entity managers that are not hooked are not.");
    static final Message TABLE_NOT_YET = Message.of("PAL2013", SEVERE, CDI,
            "the hook table is frozen at the end of deployment; it is not available yet");
    static final Message NO_TABLE = Message.of("PAL2014", SEVERE, CDI, "Palisade is disabled; there is no hook table");
    static final Message FIELD_NOT_WRAPPED = Message.of("PAL2021", WARNING, CDI,
            "could not wrap the value of field %s (%s): its queries are not protected");
    static final Message JPA_SUPPORT_FAILED = Message.of("PAL2041", WARNING, CDI,
            "Jakarta Persistence is present but Palisade's JPA support could not start (%s); JPA queries are NOT protected");

    private ExtensionMessages() {
    }
}
