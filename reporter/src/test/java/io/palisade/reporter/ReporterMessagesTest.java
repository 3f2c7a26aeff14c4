package io.palisade.reporter;

import io.palisade.core.testing.MessageCatalogues;
import org.junit.jupiter.api.Test;

class ReporterMessagesTest {

    @Test
    void everyMessageIsInTheLogMessageReference() throws Exception {
        MessageCatalogues.assertDocumented(ReporterMessages.class);
    }
}
