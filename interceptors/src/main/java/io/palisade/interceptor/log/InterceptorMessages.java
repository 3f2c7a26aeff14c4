package io.palisade.interceptor.log;

import static java.util.logging.Level.FINE;
import static java.util.logging.Level.INFO;
import static java.util.logging.Level.WARNING;

import io.palisade.core.log.Message;

/**
 * Every log message of the interceptors module (JDBC and JPA delegates), with its id; explained in
 * {@code docs/reference/log-messages.md}.
 */
public final class InterceptorMessages {

    private static final String JDBC = "io.palisade.interceptor.jdbc";
    private static final String JPA = "io.palisade.interceptor.jpa";

    public static final Message ESCAPING_MODE_UNKNOWN = Message.of("PAL3001", FINE, JDBC,
            "could not read the session's string escaping mode; assuming the default");
    public static final Message LOCAL_ROLLBACK_FAILED = Message.of("PAL3010", FINE, JPA,
            "could not mark the resource-local transaction for rollback");
    public static final Message JTA_ROLLBACK_FAILED = Message.of("PAL3010", WARNING, JPA,
            "a blocked query's JTA transaction could not be marked for rollback (%s); the block response is sent"
                    + " regardless");
    public static final Message UNIT_PROPERTIES_UNREADABLE = Message.of("PAL3011", FINE, JPA,
            "persistence unit properties unreadable");
    public static final Message UNIT_DATABASE_UNKNOWN = Message.of("PAL3011", INFO, JPA,
            "the database of a persistence unit could not be told; its native queries are read as ANSI SQL");
    public static final Message JPA32_DELEGATES_MISSING = Message.of("PAL2040", WARNING, JPA,
            "the runtime provides Jakarta Persistence 3.2 but Palisade's 3.2 delegates are missing (%s); entity managers"
                    + " are not wrapped and JPA queries are NOT protected");
    public static final Message WRAP_FAILED = Message.of("PAL2040", WARNING, JPA, "could not wrap an entity manager%s");

    private InterceptorMessages() {
    }
}
