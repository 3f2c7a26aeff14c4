package io.palisade.core.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.core.testing.MessageCatalogues;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class MessageTest {

    @Test
    void aMessageStartsWithItsIdAndFillsItsPattern() {
        Message message = Message.of("PAL9001", Level.WARNING, "io.palisade.test", "rule '%s' skipped for %d s");
        assertThat(message.text("x", 30)).isEqualTo("PAL9001: rule 'x' skipped for 30 s");
        assertThat(Message.of("PAL9002", Level.INFO, "io.palisade.test", "100% plain").text()).isEqualTo("PAL9002: 100% plain");
        assertThatThrownBy(() -> Message.of("PAL12", Level.INFO, "io.palisade.test", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void itIsLoggedAtItsLevelUnderItsCategoryWithTheFailureAttached() {
        Logger logger = Logger.getLogger("io.palisade.test.messages");
        List<LogRecord> records = new ArrayList<>();
        Handler keep = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(keep);
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.INFO);
        try {
            Message warning = Message.of("PAL9003", Level.WARNING, "io.palisade.test.messages", "failed (%s)");
            Message fine = Message.of("PAL9004", Level.FINE, "io.palisade.test.messages", "detail %s");
            IllegalStateException failure = new IllegalStateException("boom");
            warning.log(failure, "IllegalStateException");
            fine.log("not shown");
            assertThat(fine.isLoggable()).isFalse();
            assertThat(records).hasSize(1);
            assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
            assertThat(records.get(0).getMessage()).isEqualTo("PAL9003: failed (IllegalStateException)");
            assertThat(records.get(0).getThrown()).isSameAs(failure);
        } finally {
            logger.removeHandler(keep);
            logger.setUseParentHandlers(true);
        }
    }

    @Test
    void everyCoreMessageIsInTheReference() throws Exception {
        MessageCatalogues.assertDocumented(CoreMessages.class);
        assertThat(CoreMessages.PACK_IN_FORCE.text("v1", "built-in", "", 3, 1, 1))
                .isEqualTo("PAL1201: rule pack v1 from built-in in force: 3 request rules, 1 JDBC rules, 1 response rules");
    }
}
