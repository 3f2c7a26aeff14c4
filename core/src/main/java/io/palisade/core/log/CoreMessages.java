package io.palisade.core.log;

import static java.util.logging.Level.FINE;
import static java.util.logging.Level.INFO;
import static java.util.logging.Level.SEVERE;
import static java.util.logging.Level.WARNING;

/**
 * Every log message of the core module, with its id: hook faults (PAL10xx), settings (PAL11xx),
 * rule packs and rules (PAL12xx), circuit breakers (PAL13xx), and the agent's assembly and lifecycle
 * (PAL2006, PAL203x). Explained in {@code docs/reference/log-messages.md}.
 */
public final class CoreMessages {

    private static final String HOOK = "io.palisade.core.hook";
    private static final String CONFIG = "io.palisade.core.config";
    private static final String RULES = "io.palisade.core.rules";
    private static final String AGENT = "io.palisade.core";

    public static final Message CALLBACK_FAILED = Message.of("PAL1001", WARNING, HOOK,
            "callback '%s' failed at hook point %s with %s; the call proceeded (%s Palisade faults so far; further ones"
                    + " are logged at most once a minute)");
    public static final Message CALLBACK_FAILED_TRACE = Message.of("PAL1002", FINE, HOOK, "callback '%s' failed at %s");

    public static final Message INVALID_SETTING = Message.of("PAL1101", SEVERE, CONFIG,
            "invalid value %s for %s (environment variable %s): %s");
    public static final Message INSECURE_TRANSPORT = Message.of("PAL2006", WARNING, CONFIG,
            "%s is plain http to %s (%s=true): the backend token and rule packs travel unencrypted and unauthenticated");

    public static final Message PACK_IN_FORCE = Message.of("PAL1201", INFO, RULES,
            "rule pack %s from %s%s in force: %s request rules, %s JDBC rules, %s response rules");
    public static final Message PACK_REJECTED = Message.of("PAL1202", WARNING, RULES,
            "rule pack rejected, the previous rules stay in force: %s");
    public static final Message RULE_FAILED = Message.of("PAL1203", FINE, RULES, "rule '%s' failed; the request proceeds");
    public static final Message LOCATION_UNREADABLE = Message.of("PAL1204", WARNING, RULES,
            "the rule pack at %s cannot be read (%s); the rules in force stay");
    public static final Message LOCATION_POLL_FAILED = Message.of("PAL1205", FINE, RULES,
            "the rules location could not be polled (%s)");

    public static final Message SQL_CHECK_DETACHED = Message.of("PAL1301", WARNING, RULES,
            "the SQL check at the JDBC hook points failed repeatedly (a fault of Palisade's own) and is detached for %s s"
                    + " (trip %s); statements run unchecked meanwhile");
    public static final Message SQL_CHECK_ATTACHED = Message.of("PAL1302", INFO, RULES,
            "the SQL check is attached again after its circuit breaker's backoff");
    public static final Message RULE_SKIPPED = Message.of("PAL1303", WARNING, RULES,
            "rule '%s' failed repeatedly (a fault of Palisade's own) and is skipped for %s s (trip %s); the other rules"
                    + " and the SQL check keep running");
    public static final Message RULE_RESUMED = Message.of("PAL1304", INFO, RULES,
            "rule '%s' runs again after its circuit breaker's backoff");

    public static final Message NO_REPORTER = Message.of("PAL2030", WARNING, AGENT,
            "no Palisade reporter found next to the extension; detections are not reported");
    public static final Message REPORTER_STARTED = Message.of("PAL2031", INFO, AGENT,
            "Palisade reporter started; events go to %s");
    public static final Message REPORTER_NOT_CREATED = Message.of("PAL2032", SEVERE, AGENT,
            "the Palisade reporter could not be created (%s); detections are recorded and blocked but not reported");
    public static final Message REPORTER_NOT_STARTED = Message.of("PAL2033", SEVERE, AGENT,
            "the Palisade reporter could not start (%s); detections are not reported");
    public static final Message REPORTER_NOT_STOPPED = Message.of("PAL2034", WARNING, AGENT,
            "the Palisade reporter did not stop cleanly (%s)");
    public static final Message ENGINE_NOT_STARTED = Message.of("PAL2035", SEVERE, AGENT,
            "Palisade's rules engine could not start (%s); the application runs UNPROTECTED");
    public static final Message LOCATION_NOT_FOLLOWED = Message.of("PAL2036", SEVERE, AGENT,
            "the rules location is not followed (%s); the rules read at deployment stay in force");

    private CoreMessages() {
    }
}
