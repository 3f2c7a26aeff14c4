package io.palisade.core.event;

import java.util.List;
import java.util.Objects;

/**
 * What the agent tells the backend about itself when it logs in.
 *
 * @param application the application's name ({@code palisade.app.name})
 * @param agentVersion the agent jar's version
 * @param runtime the Java runtime, e.g. {@code Eclipse Adoptium 17.0.15}
 * @param hookPoints the symbols of every hook point in the frozen hook table
 */
public record AgentDescription(String application, String agentVersion, String runtime, List<String> hookPoints) {

    public AgentDescription {
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(agentVersion, "agentVersion");
        Objects.requireNonNull(runtime, "runtime");
        hookPoints = List.copyOf(hookPoints);
    }

    /** This JVM's vendor and version. */
    public static String currentRuntime() {
        return System.getProperty("java.vendor", "unknown") + " " + System.getProperty("java.version", "unknown");
    }

    /** The version in the agent jar's manifest, or {@code dev} when running from classes. */
    public static String currentAgentVersion() {
        String version = AgentDescription.class.getPackage().getImplementationVersion();
        return version != null ? version : "dev";
    }
}
