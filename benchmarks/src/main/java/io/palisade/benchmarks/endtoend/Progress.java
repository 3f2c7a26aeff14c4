package io.palisade.benchmarks.endtoend;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the end-to-end harness has to say while it runs (figures, the report's path), through a logger
 * of its own whose lines are the plain text, as a report reads.
 */
final class Progress {

    private static final Logger LOG = plainLogger();

    private Progress() {
    }

    static void say(String text) {
        LOG.info(text.stripTrailing());
    }

    private static Logger plainLogger() {
        Logger logger = Logger.getLogger("io.palisade.benchmarks.e2e");
        logger.setUseParentHandlers(false);
        ConsoleHandler console = new ConsoleHandler();
        console.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return formatMessage(record) + System.lineSeparator();
            }
        });
        logger.addHandler(console);
        return logger;
    }
}
