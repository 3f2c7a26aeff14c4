package io.palisade.reporter;

import io.palisade.core.config.Settings;
import io.palisade.core.event.AgentDescription;
import io.palisade.core.counters.Counters;
import io.palisade.core.event.Reporter;
import io.palisade.core.event.ReporterFactory;
import io.palisade.core.rules.PackReceiver;
import java.time.Duration;

/**
 * Builds the reporter from the deployment's settings: the HTTP backend when
 * {@code palisade.backend.url} is set, JSON lines on {@code io.palisade.events} otherwise. Registered
 * in {@code META-INF/services/io.palisade.core.event.ReporterFactory}.
 */
public final class DefaultReporterFactory implements ReporterFactory {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public Reporter create(Settings settings, Counters counters, AgentDescription agent, PackReceiver rules) {
        Exporter exporter = settings.backendUrl()
                .<Exporter>map(url -> new HttpBackendExporter(url, settings.backendToken(), agent, CONNECT_TIMEOUT,
                        REQUEST_TIMEOUT, settings.backendTls().orElse(null)))
                .orElseGet(LogExporter::new);
        return PalisadeReporter.builder(counters, exporter, new Scrubber(settings.scrubKeyPattern(), settings.scrubValuePattern()))
                .interval(settings.reporterInterval())
                .batchSize(settings.reporterBatchSize())
                .queueCapacity(settings.reporterQueueCapacity())
                .queueBytes(settings.reporterQueueBytes())
                .closeTimeout(settings.reporterShutdownTimeout())
                .threadName("palisade-reporter[" + agent.application() + "]")
                .rules(rules, settings.rulesRefresh())
                .build();
    }
}
