package io.palisade.core.log;

import java.util.Locale;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log message of the agent: its id (the {@code PALnnnn} that starts the line and that
 * {@code docs/reference/log-messages.md} explains), its level, the category it is logged under and its
 * text, a {@link String#format} pattern. Each module lists its messages in one class
 * ({@link CoreMessages}, and {@code InterceptorMessages}, {@code ExtensionMessages},
 * {@code FilterMessages}, {@code ReporterMessages} in theirs), so that every message of a module and
 * its id can be read in one place; call sites name the message and pass its arguments.
 *
 * <p>Arguments never carry request data, SQL text or secrets: a message says what happened to
 * Palisade, and a {@code FINE} one may add the exception.
 */
public record Message(String id, Level level, String category, String pattern) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(pattern, "pattern");
        if (!id.matches("PAL\\d{4}")) {
            throw new IllegalArgumentException("a message id is PAL and four digits: " + id);
        }
    }

    /** A message of {@code level} under {@code category}. */
    public static Message of(String id, Level level, String category, String pattern) {
        return new Message(id, level, category, pattern);
    }

    /** The line as logged: {@code "PALnnnn: "} and the pattern filled with {@code arguments}. */
    public String text(Object... arguments) {
        return id + ": " + (arguments.length == 0 ? pattern : String.format(Locale.ROOT, pattern, arguments));
    }

    public Logger logger() {
        return Logger.getLogger(category);
    }

    /** Whether the message would be logged now (to skip building costly arguments). */
    public boolean isLoggable() {
        return logger().isLoggable(level);
    }

    public void log(Object... arguments) {
        Logger logger = logger();
        if (logger.isLoggable(level)) {
            logger.log(level, text(arguments));
        }
    }

    /** Logs with {@code failure} attached (its stack trace goes where the log's handler puts it). */
    public void log(Throwable failure, Object... arguments) {
        Logger logger = logger();
        if (logger.isLoggable(level)) {
            logger.log(level, text(arguments), failure);
        }
    }
}
