package io.palisade.interceptor.log;

import io.palisade.core.testing.MessageCatalogues;
import org.junit.jupiter.api.Test;

class InterceptorMessagesTest {

    @Test
    void everyMessageIsInTheLogMessageReference() throws Exception {
        MessageCatalogues.assertDocumented(InterceptorMessages.class);
    }
}
