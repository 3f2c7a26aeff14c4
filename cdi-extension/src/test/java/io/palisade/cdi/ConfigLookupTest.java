package io.palisade.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.cdi.support.Containers;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The fallback used when the application has no MicroProfile Config implementation. */
class ConfigLookupTest {

    @Test
    void systemPropertiesThenEnvironmentThenPropertiesFiles() {
        Properties system = new Properties();
        system.setProperty("palisade.mode", "monitor");
        Map<String, String> environment = Map.of(
                "PALISADE_MODE", "block",
                "PALISADE_BLOCK_STATUS", "451",
                "palisade_budget", "2ms");
        ConfigLookup lookup = Containers.withConfig(
                Map.of("palisade.block.status", "418", "palisade.rules.refresh", "1m", "palisade.mod", "typo"),
                () -> ConfigLookup.fallback(Thread.currentThread().getContextClassLoader(), environment, system));
        assertThat(lookup.get("palisade.mode")).isEqualTo("monitor");
        assertThat(lookup.get("palisade.block.status")).isEqualTo("451");
        assertThat(lookup.get("palisade.budget")).isEqualTo("2ms");
        assertThat(lookup.get("palisade.rules.refresh")).isEqualTo("1m");
        assertThat(lookup.get("palisade.enabled")).isNull();
        assertThat(lookup.unknownKeys()).containsExactly("palisade.mod");
    }

    @Test
    void microProfileConfigIsUsedWhenPresent() {
        ConfigLookup lookup = Containers.withConfig(Map.of("palisade.mode", "monitor", "palisade.unknown", "x"),
                () -> ConfigLookup.forApplication(Thread.currentThread().getContextClassLoader()));
        assertThat(lookup.description()).isEqualTo("MicroProfile Config");
        assertThat(lookup.get("palisade.mode")).isEqualTo("monitor");
        assertThat(lookup.unknownKeys()).containsExactly("palisade.unknown");
    }
}
