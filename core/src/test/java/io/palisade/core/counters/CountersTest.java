package io.palisade.core.counters;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.counters.Counters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CountersTest {

    @Test
    void deltasAreWhatGrewSinceTheAcknowledgedSnapshot() {
        Counters counters = new Counters(() -> 2);
        counters.requestSeen();
        counters.attack("sqli-structure", true);
        Map<String, Long> first = counters.snapshot();
        assertThat(Counters.delta(first, Map.of())).containsEntry("requests", 1L)
                .containsEntry("attacks.sqli-structure.block", 1L).containsEntry("rule_faults", 2L)
                .doesNotContainKey("attacks.sqli-structure.monitor");
        counters.requestSeen();
        counters.attack("sqli-structure", false);
        counters.protectionTime(30_000);
        counters.protectionTime(7_000_000);
        Map<String, Long> delta = Counters.delta(counters.snapshot(), first);
        assertThat(delta).containsOnly(Map.entry("requests", 1L), Map.entry("attacks.sqli-structure.monitor", 1L),
                Map.entry("protection_time_us.lt_50", 1L), Map.entry("protection_time_us.ge_5000", 1L));
    }
}
