package io.palisade.core;

import io.palisade.core.log.CoreMessages;
import io.palisade.core.config.Settings;
import io.palisade.core.counters.Counters;
import io.palisade.core.event.AgentDescription;
import io.palisade.core.event.EventSink;
import io.palisade.core.event.Reporter;
import io.palisade.core.event.ReporterFactory;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import io.palisade.core.request.RequestContext;
import io.palisade.core.rules.RuleEngine;
import io.palisade.core.rules.RuleSources;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The agent of one deployment, assembled once its hook table is frozen: the counters, the rules
 * engine with its rule sources, the reporter, and the {@link PalisadeRuntime} the JAX-RS layer reads;
 * {@link #start()} and {@link #stop()} follow the application. A plain class: the CDI extension
 * creates it at the end of deployment, tests create it without a container.
 *
 * <p>Fails open at every step: an engine that cannot be built becomes an inert one (the application
 * runs unprotected, said at SEVERE), a reporter that cannot be created or started leaves detections
 * recorded and blocked but not reported.
 */
public final class PalisadeAgent {


    private final Settings settings;
    private final RequestContext requests;
    private final RuleSources sources;
    private final Reporter reporter;
    private final PalisadeRuntime runtime;
    private boolean started;
    private boolean stopped;

    private PalisadeAgent(Settings settings, RequestContext requests, RuleSources sources, Reporter reporter,
            PalisadeRuntime runtime) {
        this.settings = settings;
        this.requests = requests;
        this.sources = sources;
        this.reporter = reporter;
        this.runtime = runtime;
    }

    /**
     * Builds the agent of a deployment. Reads {@code palisade.rules.location} once (it may block on I/O
     * for a few seconds); starts no thread.
     *
     * @param table the frozen hook table
     * @param protectQueries whether the table holds JDBC or JPA hook points the SQL check attaches to
     * @param application the application's name when {@code palisade.app.name} is not set
     * @param reporters the reporter factories to try, in order (the first one builds the reporter);
     *        none: detections are logged as not reported
     */
    public static PalisadeAgent assemble(Settings settings, HookTable table, boolean protectQueries, String application,
            Iterable<ReporterFactory> reporters) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(table, "table");
        RequestContext requests = new RequestContext();
        Counters counters = new Counters(table.faults()::count);
        // The engine attaches the protections its pack switches on (SQL injection at the JDBC hook
        // points by default) and runs the request-phase rules.
        RuleEngine rules;
        RuleSources sources = null;
        try {
            rules = new RuleEngine(settings, protectQueries ? table : null, requests, counters);
            sources = new RuleSources(settings, rules);
            sources.poll();
        } catch (RuntimeException | LinkageError e) {
            CoreMessages.ENGINE_NOT_STARTED.log(e, e);
            rules = RuleEngine.inert(settings, requests, counters);
            sources = null;
        }
        String name = settings.appName().orElse(application);
        AgentDescription agent = new AgentDescription(name, AgentDescription.currentAgentVersion(),
                AgentDescription.currentRuntime(), table.all().stream().map(HookPoint::symbol).collect(Collectors.toList()));
        Reporter reporter = createReporter(settings, counters, agent, rules, reporters);
        PalisadeRuntime runtime = new PalisadeRuntime(settings, table, requests, counters,
                reporter != null ? reporter : EventSink.DISCARD, rules);
        return new PalisadeAgent(settings, requests, sources, reporter, runtime);
    }

    /** The first factory's reporter; {@code null} when there is none or it fails. */
    private static Reporter createReporter(Settings settings, Counters counters, AgentDescription agent, RuleEngine rules,
            Iterable<ReporterFactory> reporters) {
        try {
            for (ReporterFactory factory : reporters) {
                return factory.create(settings, counters, agent, rules);
            }
        } catch (RuntimeException | LinkageError e) {
            // Fail open: without a reporter the application is still protected, only not reported on.
            CoreMessages.REPORTER_NOT_CREATED.log(e, e);
            return null;
        }
        CoreMessages.NO_REPORTER.log();
        return null;
    }

    /** What the JAX-RS layer and the interceptors read at run time. */
    public PalisadeRuntime runtime() {
        return runtime;
    }

    /** The reporter, or {@code null} when there is none. */
    public Reporter reporter() {
        return reporter;
    }

    /**
     * With the application: requests are recorded from now on, the rules location is followed, the
     * reporter's threads start. Idempotent; nothing after {@link #stop()}.
     */
    public synchronized void start() {
        if (started || stopped) {
            return;
        }
        started = true;
        requests.activate();
        if (sources != null) {
            try {
                sources.start();
            } catch (RuntimeException | LinkageError e) {
                CoreMessages.LOCATION_NOT_FOLLOWED.log(e, e);
            }
        }
        if (reporter == null) {
            return;
        }
        try {
            reporter.start();
        } catch (RuntimeException | LinkageError e) {
            CoreMessages.REPORTER_NOT_STARTED.log(e, e);
            return;
        }
        CoreMessages.REPORTER_STARTED.log(settings.backendUrl().map(url -> "the backend at " + url)
                .orElse("the log category io.palisade.events"));
    }

    /**
     * Before the application goes away: no more requests recorded, the rules location no longer
     * followed, the reporter flushed within its bound and stopped. Idempotent.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        requests.deactivate();
        if (sources != null) {
            sources.close();
        }
        if (reporter != null) {
            try {
                reporter.close();
            } catch (RuntimeException | LinkageError e) {
                CoreMessages.REPORTER_NOT_STOPPED.log(e, e);
            }
        }
    }
}
