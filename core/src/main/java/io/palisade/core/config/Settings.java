package io.palisade.core.config;

import java.net.URI;
import java.time.Duration;
import java.security.PublicKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Palisade's configuration, read once at deployment and validated. Immutable.
 *
 * @param backendToken never logged; {@link #toString()} redacts it
 * @param appName the name the backend knows the application by; when absent the CDI layer derives one
 * @param interceptResourceMethods whether JAX-RS resource methods are intercepted, so that callbacks can be
 *                                 attached to their hook points ({@code palisade.hooks.resource-methods})
 * @param rulesBlock which rules block when they set no mode of their own ({@code palisade.rules.block}):
 *                   {@code HIGH} only high-confidence ones (the heuristics report), {@code HEURISTIC} all
 * @param reporterQueueBytes the hand-off queue's bound in (estimated) bytes ({@code palisade.reporter.queue-bytes})
 * @param budgetExceeded what happens to a request whose inspection could not finish (budget spent, inputs
 *                       left out): {@code MONITOR} lets it through flagged, {@code BLOCK} blocks it
 */
public record Settings(
        boolean enabled,
        Mode mode,
        Optional<String> rulesLocation,
        Duration rulesRefresh,
        List<String> ipDenylist,
        List<String> ipAllowlist,
        List<String> pathAllowlist,
        String scrubKeyPattern,
        String scrubValuePattern,
        Optional<URI> backendUrl,
        Optional<String> backendToken,
        Duration reporterInterval,
        int reporterBatchSize,
        int reporterQueueCapacity,
        int blockStatus,
        Optional<String> blockRedirect,
        List<String> trustedProxies,
        String clientIpHeader,
        Duration budget,
        Mode budgetExceeded,
        Optional<String> appName,
        boolean interceptResourceMethods,
        Map<String, PublicKey> rulesPublicKeys,
        boolean backendAllowInsecure,
        Optional<javax.net.ssl.SSLSocketFactory> backendTls,
        Duration reporterShutdownTimeout,
        Confidence rulesBlock,
        long reporterQueueBytes) {

    public Settings {
        ipDenylist = List.copyOf(ipDenylist);
        ipAllowlist = List.copyOf(ipAllowlist);
        pathAllowlist = List.copyOf(pathAllowlist);
        trustedProxies = List.copyOf(trustedProxies);
        rulesPublicKeys = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rulesPublicKeys));
    }

    /** The defaults: what an application gets with no {@code palisade.*} key at all. */
    public static Settings defaults() {
        return SettingsReader.read(key -> null);
    }

    @Override
    public String toString() {
        return "Settings[enabled=" + enabled + ", mode=" + mode + ", rulesLocation=" + rulesLocation
                + ", rulesRefresh=" + rulesRefresh + ", ipDenylist=" + ipDenylist + ", ipAllowlist=" + ipAllowlist
                + ", pathAllowlist=" + pathAllowlist + ", backendUrl=" + backendUrl
                + ", backendToken=" + backendToken.map(t -> "<redacted>") + ", reporterInterval=" + reporterInterval
                + ", reporterBatchSize=" + reporterBatchSize + ", reporterQueueCapacity=" + reporterQueueCapacity
                + ", blockStatus=" + blockStatus + ", blockRedirect=" + blockRedirect + ", trustedProxies="
                + trustedProxies + ", clientIpHeader=" + clientIpHeader + ", budget=" + budget
                + ", budgetExceeded=" + budgetExceeded + ", appName=" + appName
                + ", interceptResourceMethods=" + interceptResourceMethods + ", rulesPublicKeys=" + rulesPublicKeys.keySet()
                + ", backendAllowInsecure=" + backendAllowInsecure + ", backendTruststore=" + backendTls.isPresent()
                + ", reporterShutdownTimeout=" + reporterShutdownTimeout + ", rulesBlock=" + rulesBlock + ", reporterQueueBytes=" + reporterQueueBytes + "]";
    }
}
