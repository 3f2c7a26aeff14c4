package io.palisade.core.rules;

import io.palisade.core.log.CoreMessages;
import io.palisade.core.config.Settings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Where the rules of a deployment come from, apart from the backend (which the reporter asks): the
 * built-in pack in the core jar, which every other pack is combined with, and
 * {@code palisade.rules.location}, read once at deployment and then every
 * {@code palisade.rules.refresh} on a thread of its own, so that a local rules file is followed with
 * or without a reporter. Packs go to a {@link PackReceiver}; a pack that cannot be read or is invalid
 * leaves the rules in force.
 *
 * <p>{@link #start()} and {@link #close()} follow the application's lifecycle; both are idempotent.
 */
public final class RuleSources implements AutoCloseable {

    /** The built-in pack, in the core jar. */
    public static final String BUILT_IN = "io/palisade/core/rules/default-pack.json";

    private final PackReceiver receiver;
    private final RuleLocation location;
    private final Duration refresh;
    /** One poll at a time: a {@link RuleLocation} is not thread-safe. Not this object's lock, so close never waits on I/O. */
    private final Object pollLock = new Object();
    private ScheduledExecutorService poller;
    private boolean closed;

    public RuleSources(Settings settings, PackReceiver receiver) {
        this.receiver = receiver;
        this.refresh = settings.rulesRefresh();
        this.location = settings.rulesLocation()
                .map(where -> new RuleLocation(where, settings.backendTls().orElse(null))).orElse(null);
    }

    /**
     * The built-in pack, parsed once per class loader. It is part of the agent jar: a missing or invalid
     * one is a broken build and throws.
     */
    public static RulePackParser.Pack builtIn() {
        return BuiltIn.PACK;
    }

    /** Whether {@code palisade.rules.location} is set. */
    public boolean hasLocation() {
        return location != null;
    }

    /**
     * Reads {@code palisade.rules.location} when it changed since the last read, and hands it over.
     * Never throws; may block on I/O for a few seconds ({@link RuleLocation#TIMEOUT}), so it runs at
     * deployment or on this object's own thread, never a request's.
     *
     * @return whether a new pack is now in force
     */
    public boolean poll() {
        if (location == null) {
            return false;
        }
        synchronized (pollLock) {
            return location.poll(receiver);
        }
    }

    /** Starts following the location every {@code palisade.rules.refresh}; nothing to do without one. */
    public synchronized void start() {
        if (location == null || closed || poller != null) {
            return;
        }
        poller = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "palisade-rules");
            thread.setDaemon(true);
            return thread;
        });
        long millis = refresh.toMillis();
        poller.scheduleWithFixedDelay(this::pollQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException | LinkageError e) {
            CoreMessages.LOCATION_POLL_FAILED.log(e.getClass().getName());
        }
    }

    /** Stops the polling thread; a poll under way finishes on its own (it is bounded by its timeouts). */
    @Override
    public synchronized void close() {
        closed = true;
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
    }

    private static final class BuiltIn {

        static final RulePackParser.Pack PACK = load();

        private static RulePackParser.Pack load() {
            try (InputStream in = RuleSources.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
                if (in == null) {
                    throw new IllegalStateException("the built-in rule pack " + BUILT_IN + " is missing from the agent jar");
                }
                return RulePackParser.parse(new String(in.readNBytes(RulePackParser.MAX_PACK_CHARS + 1),
                        StandardCharsets.UTF_8), "built-in");
            } catch (IOException | RulePackException e) {
                throw new IllegalStateException("the built-in rule pack is not valid: " + e.getMessage(), e);
            }
        }
    }
}
