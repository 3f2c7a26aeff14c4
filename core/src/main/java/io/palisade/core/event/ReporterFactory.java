package io.palisade.core.event;

import io.palisade.core.counters.Counters;

import io.palisade.core.config.Settings;
import io.palisade.core.rules.PackReceiver;

/**
 * Creates the reporter of a deployment. Found with {@link java.util.ServiceLoader} in the agent's own
 * class loader, which keeps the CDI layer free of the reporter's dependencies (Mutiny, JSON-P).
 */
public interface ReporterFactory {

    /**
     * A reporter that has not started any thread yet.
     *
     * @param packs where packs the backend serves go; the reporter asks for them every
     *        {@code palisade.rules.refresh}
     */
    Reporter create(Settings settings, Counters counters, AgentDescription agent, PackReceiver packs);
}
