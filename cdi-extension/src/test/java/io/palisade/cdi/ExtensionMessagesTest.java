package io.palisade.cdi;

import io.palisade.core.testing.MessageCatalogues;
import org.junit.jupiter.api.Test;

class ExtensionMessagesTest {

    @Test
    void everyMessageIsInTheLogMessageReference() throws Exception {
        MessageCatalogues.assertDocumented(ExtensionMessages.class);
    }
}
