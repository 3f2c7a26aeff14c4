package io.palisade.core.rules;

import io.palisade.core.config.Confidence;
import io.palisade.core.config.Mode;
import io.palisade.core.config.Settings;

/** Whether a rule blocks or reports, from its own mode, {@code palisade.mode} and {@code palisade.rules.block}. */
final class Modes {

    private Modes() {
    }

    /**
     * A rule's own mode (set by a pack) wins; otherwise {@code palisade.mode=monitor} makes every rule
     * report, and in block mode a heuristic rule blocks only with {@code palisade.rules.block=all}.
     */
    static Mode of(Rule rule, Settings settings) {
        if (rule.mode() != null) {
            return rule.mode();
        }
        if (settings.mode() == Mode.MONITOR) {
            return Mode.MONITOR;
        }
        return rule.confidence() == Confidence.HIGH || settings.rulesBlock() == Confidence.HEURISTIC ? Mode.BLOCK
                : Mode.MONITOR;
    }
}
