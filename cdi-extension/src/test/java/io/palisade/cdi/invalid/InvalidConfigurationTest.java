package io.palisade.cdi.invalid;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.cdi.support.Containers;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bad {@code palisade.*} value fails the deployment (Weld reports it as a definition error), saying
 * which key, which value and what is allowed, and never echoing a secret.
 */
class InvalidConfigurationTest {

    @Test
    void aBadValueFailsTheDeploymentWithAClearMessage() {
        assertThatThrownBy(() -> Containers.start(Map.of("palisade.mode", "blok"), Map.of(), SomeBean.class))
                .hasMessageContaining("palisade.mode")
                .hasMessageContaining("'blok'")
                .hasMessageContaining("expected block or monitor")
                .hasMessageContaining("PALISADE_MODE");
    }

    @Test
    void aBadTokenIsNeverEchoed() {
        assertThatThrownBy(() -> Containers.start(Map.of("palisade.backend.url", "https://u:hunter2@backend.example"), Map.of(), SomeBean.class))
                .hasMessageContaining("palisade.backend.url")
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("without credentials");
    }
}
