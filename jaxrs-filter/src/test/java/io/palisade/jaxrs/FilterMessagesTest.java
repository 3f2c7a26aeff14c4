package io.palisade.jaxrs;

import io.palisade.core.testing.MessageCatalogues;
import org.junit.jupiter.api.Test;

class FilterMessagesTest {

    @Test
    void everyMessageIsInTheLogMessageReference() throws Exception {
        MessageCatalogues.assertDocumented(FilterMessages.class);
    }
}
