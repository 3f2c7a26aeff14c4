package io.palisade.core.config;

import java.util.Locale;

/**
 * How sure a rule is that what it matches is an attack. Decides, with {@code palisade.rules.block},
 * whether a rule that sets no mode of its own blocks or only reports.
 */
public enum Confidence {
    /** No benign reading: Log4j lookups, shellshock, scanner signatures, a statement whose structure an input changed. */
    HIGH,
    /** A shape attacks have and some ordinary text has too: the request-input heuristics. */
    HEURISTIC;

    /** The word in packs, configuration and events: {@code high}, {@code heuristic}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
