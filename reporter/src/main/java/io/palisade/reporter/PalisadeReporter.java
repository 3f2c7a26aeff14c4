package io.palisade.reporter;

import io.palisade.core.counters.Counters;
import io.palisade.core.event.Reporter;
import io.palisade.core.event.SecurityEvent;
import io.palisade.core.rules.PackReceiver;
import io.palisade.core.rules.RulePackException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jctools.queues.atomic.MpscAtomicArrayQueue;

/**
 * The reporter of one deployment, on the model of OpenTelemetry's batch processor.
 *
 * <p>Request threads only {@link #offer} finished records to a bounded lock-free queue (JCTools MPSC, the variant built on atomics);
 * when it is full the record is dropped and counted. Everything else happens on two threads owned by
 * the reporter: the <em>worker</em> drains the queue, scrubs and encodes events into an {@link Outbox}
 * capped in bytes (oldest dropped and counted beyond it), which groups them into batches of at most
 * {@code batchSize}: one is sent as soon as that many wait, and on every tick of a Mutiny stream
 * ({@code interval}) whatever waits goes, counters included; the <em>exporter</em> thread runs one
 * {@link Exporter} call at a time under a timeout, as a Mutiny {@link Uni}. A failed export keeps its events and counter
 * deltas and backs off exponentially with jitter. Counters are sent as deltas from the last
 * acknowledged snapshot, so an outage loses no counts.
 *
 * <p>The stream of ticks never sees back-pressure (its subscriber requests everything; a tick the
 * worker could not take is dropped) and never sees an export failure (exports run in their own
 * {@link Uni}); should it end anyway, it is subscribed again.
 *
 * <p>{@link #close()} stops draining, exports what is left once within {@code closeTimeout}, and
 * stops both threads; it is idempotent and no thread survives it.
 */
public final class PalisadeReporter implements Reporter {


    private final MpscAtomicArrayQueue<SecurityEvent> queue;
    private final int queueCapacity;
    /** The byte bound of the queue, and what it holds now ({@link SecurityEvent#estimatedBytes()}). */
    private final long queueBytes;
    private final java.util.concurrent.atomic.AtomicLong queuedBytes = new java.util.concurrent.atomic.AtomicLong();
    private final Counters counters;
    private final Exporter exporter;
    private final EventEncoder encoder;
    private final Duration interval;
    private final int batchSize;
    private final Duration exportTimeout;
    private final Duration closeTimeout;
    private final Duration drainPeriod;
    private final String threadName;
    private final Outbox outbox;
    private final Backoff backoff;
    /** (worker) Batches the backend refused as bad, for logging at growing intervals. */
    private int rejections;
    private final PackReceiver rules;
    private final Duration rulesRefresh;
    /** Every thread the reporter started, so that close() can wait for each to end. */
    private final java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicBoolean rulesPollRunning = new AtomicBoolean();

    private final Object lifecycle = new Object();
    private boolean started;
    private volatile boolean closed;
    private ScheduledThreadPoolExecutor worker;
    private ThreadPoolExecutor sender;
    private ScheduledFuture<?> drainTask;

    // Worker-thread state.
    private Cancellable pipeline;
    private Map<String, Long> acknowledged = Map.of();
    private long sequence;
    /** (worker) The batch whose delivery failed, to be sent again as it was until acknowledged or rejected. */
    private Batch pending;
    /** (worker) The counters' snapshot {@code pending}'s growth was taken from. */
    private Map<String, Long> pendingSnapshot;
    private boolean exportInFlight;
    private long nextAttemptNanos;
    private ScheduledFuture<?> retryTask;
    /** True from the moment an export is handed to the exporter thread until that thread is done with it. */
    private final AtomicBoolean senderBusy = new AtomicBoolean();
    /** (worker) Set once close began: what is drained stays in the outbox for the final export, no new asynchronous export starts. */
    private boolean flushing;

    private PalisadeReporter(Builder builder) {
        // The atomic variant: JCTools' Unsafe-based queues fail on servers whose deployments cannot see
        // sun.misc (WildFly). It rounds the array up to a power of two; the threshold keeps the
        // configured capacity.
        this.queue = new MpscAtomicArrayQueue<>(builder.queueCapacity);
        this.queueCapacity = builder.queueCapacity;
        this.queueBytes = builder.queueBytes;
        this.counters = builder.counters;
        this.exporter = builder.exporter;
        this.encoder = new EventEncoder(builder.scrubber);
        this.interval = builder.interval;
        this.batchSize = builder.batchSize;
        this.exportTimeout = builder.exportTimeout;
        this.closeTimeout = builder.closeTimeout;
        this.drainPeriod = builder.interval.compareTo(Duration.ofMillis(400)) < 0
                ? Duration.ofMillis(Math.max(10, builder.interval.toMillis() / 4)) : Duration.ofMillis(100);
        this.threadName = builder.threadName;
        this.outbox = new Outbox(builder.bufferBytes);
        this.backoff = new Backoff(builder.backoffBase, builder.backoffCap);
        this.rules = builder.rules;
        this.rulesRefresh = builder.rulesRefresh;
    }

    public static Builder builder(Counters counters, Exporter exporter, Scrubber scrubber) {
        return new Builder(counters, exporter, scrubber);
    }

    /** Called on request threads: never blocks, never throws, no I/O, no allocation. */
    @Override
    public boolean offer(SecurityEvent event) {
        if (event != null && !closed) {
            // Bounded in bytes as well as in events: a request can carry large values, and an attacker
            // chooses them.
            long size = event.estimatedBytes();
            if (queuedBytes.addAndGet(size) <= queueBytes && queue.offerIfBelowThreshold(event, queueCapacity)) {
                return true;
            }
            queuedBytes.addAndGet(-size);
        }
        counters.queueDrop();
        return false;
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (started || closed) {
                return;
            }
            started = true;
            worker = new ScheduledThreadPoolExecutor(1, runnable -> thread(runnable, threadName));
            worker.setRemoveOnCancelPolicy(true);
            worker.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
            sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                    runnable -> thread(runnable, threadName + "-export"));
            worker.execute(this::subscribe);
            drainTask = worker.scheduleWithFixedDelay(this::drainSafely, drainPeriod.toMillis(), drainPeriod.toMillis(),
                    TimeUnit.MILLISECONDS);
            if (rules != null) {
                worker.scheduleWithFixedDelay(this::pollRules, rulesRefresh.toMillis(), rulesRefresh.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    private Thread thread(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /**
     * (worker) Builds the stream that sets the pace: a tick every {@code interval} on the worker, even
     * when no event came, which is what carries the counters and the retries. Events do not travel
     * in it: the drain puts them into the outbox, the one place they are grouped into batches (of at
     * most {@code batchSize}, sent at once when that many wait). Public Mutiny API only; a tick the
     * worker could not take in time is skipped.
     */
    private void subscribe() {
        if (closed) {
            return;
        }
        pipeline = Multi.createFrom().ticks().onExecutor(worker).every(interval)
                .onOverflow().drop()
                .subscribe().with(tick -> exportIfDue(), this::onPipelineFailure, this::onPipelineEnd);
    }

    private void onPipelineFailure(Throwable failure) {
        ReporterMessages.STREAM_FAILED.log(failure.getClass().getName());
        resubscribe();
    }

    private void onPipelineEnd() {
        resubscribe();
    }

    private void resubscribe() {
        if (!closed) {
            try {
                worker.execute(this::subscribe);
            } catch (RuntimeException rejected) {
                // shutting down
            }
        }
    }

    private void drainSafely() {
        try {
            drain(Integer.MAX_VALUE);
        } catch (RuntimeException e) {
            ReporterMessages.RECORD_NOT_PROCESSED.log(e.getClass().getName());
        }
    }

    /**
     * (worker) Every {@code palisade.rules.refresh}: on the exporter thread, since both may block on
     * I/O, ask the backend for a newer pack ({@code palisade.rules.location} is followed by the
     * engine's own rule sources, with or without a reporter). A bad pack is
     * rejected by the engine (logged, counted) and the rules in force stay.
     */
    private void pollRules() {
        if (closed || !rulesPollRunning.compareAndSet(false, true)) {
            return;
        }
        try {
            sender.execute(() -> {
                try {
                    String remote = exporter.fetchRules();
                    if (remote != null) {
                        rules.receive(remote, "backend", true);
                    }
                } catch (RulePackException rejected) {
                    // logged and counted by the engine
                } catch (IOException | RuntimeException e) {
                    ReporterMessages.RULES_NOT_FETCHED.log(e.getClass().getSimpleName());
                } finally {
                    rulesPollRunning.set(false);
                }
            });
        } catch (RuntimeException rejected) {
            rulesPollRunning.set(false);
        }
    }

    /**
     * (worker) Moves records from the queue into the outbox as scrubbed, encoded events; once a batch's
     * worth waits, it goes out without waiting for the next tick.
     */
    private void drain(int max) {
        SecurityEvent event;
        int drained = 0;
        int dropped = 0;
        while (drained++ < max && (event = queue.poll()) != null) {
            queuedBytes.addAndGet(-event.estimatedBytes());
            List<byte[]> events;
            try {
                events = encoder.encode(event);
            } catch (RuntimeException e) {
                counters.ruleFault();
                ReporterMessages.EVENT_NOT_ENCODED.log(e, event.requestId());
                continue;
            }
            for (byte[] encoded : events) {
                dropped += outbox.add(encoded);
            }
        }
        if (dropped > 0) {
            counters.bufferDrops(dropped);
        }
        if (!flushing && outbox.size() >= batchSize) {
            exportIfDue();
        }
    }

    /** (worker) Starts an export unless one is in flight, the backoff is running or there is nothing to send. */
    private void exportIfDue() {
        if (flushing || exportInFlight || senderBusy.get() || System.nanoTime() - nextAttemptNanos < 0) {
            return;
        }
        Batch batch;
        Map<String, Long> snapshot;
        if (pending != null) {
            // A retry: the same id and counters, the same events less what the cap dropped meanwhile.
            batch = new Batch(pending.id(), sequence + 1, outbox.inFlight(), pending.counters());
            snapshot = pendingSnapshot;
        } else {
            snapshot = counters.snapshot();
            batch = new Batch(UUID.randomUUID().toString(), sequence + 1, outbox.takeBatch(batchSize),
                    Counters.delta(snapshot, acknowledged));
            if (batch.isEmpty()) {
                outbox.release();
                return;
            }
            pending = batch;
            pendingSnapshot = snapshot;
        }
        sequence++;
        exportInFlight = true;
        senderBusy.set(true);
        // The export's own failure comes back as an item: after a timeout the late outcome is simply
        // ignored, never handed to Mutiny's dropped-exception handler (which prints to stderr).
        Uni.createFrom().item(() -> runExport(batch))
                .runSubscriptionOn(sender)
                .ifNoItem().after(exportTimeout).on(worker).fail()
                .emitOn(worker)
                .subscribe().with(outcome -> {
                    if (outcome.failure() == null) {
                        exported(snapshot);
                    } else if (outcome.failure() instanceof BatchRejectedException) {
                        rejected(batch, (BatchRejectedException) outcome.failure());
                    } else {
                        exportFailed(outcome.failure());
                    }
                }, this::exportFailed);
    }

    /** How an export ended: {@code failure} is {@code null} when the batch was accepted. */
    private record Outcome(Throwable failure) {
    }

    /** (exporter thread) Never throws. */
    private Outcome runExport(Batch batch) {
        try {
            exporter.export(batch);
            return new Outcome(null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(e);
        } finally {
            senderBusy.set(false);
        }
    }

    /** (worker) */
    private void exported(Map<String, Long> snapshot) {
        exportInFlight = false;
        pending = null;
        outbox.delivered();
        acknowledged = snapshot;
        if (backoff.failures() > 0) {
            ReporterMessages.DELIVERS_AGAIN.log(backoff.failures());
        }
        backoff.succeeded();
        if (outbox.size() >= batchSize) {
            exportIfDue();
        }
    }

    /**
     * (worker) The backend refused the batch as bad: its events are dropped and counted, its counters
     * are not acknowledged (they go out with the next batch), and no backoff is needed (the backend is
     * up). Logged once per status, then at growing intervals.
     */
    private void rejected(Batch batch, BatchRejectedException rejection) {
        exportInFlight = false;
        pending = null;
        outbox.delivered();
        counters.batchRejected(batch.events().size());
        backoff.succeeded();
        rejections++;
        if (Integer.bitCount(rejections) == 1) {
            ReporterMessages.BATCH_REJECTED.log(rejection.status(), batch.events().size(), rejections);
        }
    }

    /** (worker) */
    private void exportFailed(Throwable failure) {
        exportInFlight = false; // the batch stays pending: the retry repeats it
        if (failure instanceof io.smallrye.mutiny.TimeoutException) {
            exporter.abort();
        }
        counters.exportFailure();
        Duration wait = backoff.failed();
        nextAttemptNanos = System.nanoTime() + wait.toNanos();
        Throwable cause = failure;
        if (backoff.failures() == 1 || Integer.bitCount(backoff.failures()) == 1) {
            // The message names the call and the status only; nothing from the batch.
            ReporterMessages.DELIVERY_FAILED.log(cause.getClass().getSimpleName(), safeMessage(cause), outbox.size(),
                    wait.toMillis(), backoff.failures());
        }
        if (retryTask != null) {
            retryTask.cancel(false);
        }
        if (!closed) {
            retryTask = worker.schedule(this::exportIfDue, wait.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Exception messages from our exporters carry no data; others are not echoed. */
    private static String safeMessage(Throwable cause) {
        if (cause instanceof IOException && cause.getMessage() != null && cause.getMessage().startsWith("the backend")) {
            return cause.getMessage();
        }
        return cause instanceof io.smallrye.mutiny.TimeoutException ? "no answer in time" : "see FINE log";
    }

    @Override
    public void close() {
        ScheduledThreadPoolExecutor worker;
        ThreadPoolExecutor sender;
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            worker = this.worker;
            sender = this.sender;
        }
        if (worker == null) {
            return;
        }
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        try {
            worker.submit(this::prepareFlush).get(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            // Let an export already under way finish (within the close timeout), then send the rest once.
            while (System.nanoTime() - deadline < 0) {
                if (!senderBusy.get() && worker.submit(this::finalExport).get(remainingMillis(deadline),
                        TimeUnit.MILLISECONDS)) {
                    break;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            ReporterMessages.FLUSH_FAILED.log(e.getClass().getSimpleName());
        } finally {
            exporter.close();
            stop(worker, deadline);
            stop(sender, deadline);
            awaitThreads(deadline);
            long lost = queue.size() + outbox.size();
            if (lost > 0) {
                ReporterMessages.STOPPED_WITH_UNDELIVERED.log(lost);
            }
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }

    /** (worker) Stops the periodic tasks and the stream of ticks, and drains the queue into the outbox. */
    private void prepareFlush() {
        flushing = true;
        drainTask.cancel(false);
        if (retryTask != null) {
            retryTask.cancel(false);
        }
        drain(Integer.MAX_VALUE);
        if (pipeline != null) {
            pipeline.cancel();
        }
    }

    /**
     * (worker) One synchronous export of everything left, within the close timeout.
     *
     * @return {@code false} when an earlier export's outcome has not been processed yet: try again
     */
    private boolean finalExport() throws InterruptedException {
        if (exportInFlight) {
            return false;
        }
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        if (pending != null) {
            // The failed batch first, as itself (a backend that stored it already stores nothing).
            if (!finalAttempt(new Batch(pending.id(), sequence + 1, outbox.inFlight(), pending.counters()), pendingSnapshot,
                    deadline)) {
                return true;
            }
        }
        Map<String, Long> snapshot = counters.snapshot();
        Batch batch = new Batch(UUID.randomUUID().toString(), sequence + 1, outbox.takeBatch(Integer.MAX_VALUE),
                Counters.delta(snapshot, acknowledged));
        if (batch.isEmpty()) {
            outbox.release();
            return true;
        }
        finalAttempt(batch, snapshot, deadline);
        return true;
    }

    /** (worker) @return whether the backend took the batch before {@code deadline} */
    private boolean finalAttempt(Batch batch, Map<String, Long> snapshot, long deadline) throws InterruptedException {
        sequence++;
        try {
            long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            Outcome outcome = sender.submit(() -> runExport(batch)).get(left, TimeUnit.MILLISECONDS);
            if (outcome.failure() != null) {
                throw new IOException("export failed on close", outcome.failure());
            }
            outbox.delivered();
            acknowledged = snapshot;
            pending = null;
            return true;
        } catch (InterruptedException e) {
            outbox.release();
            throw e;
        } catch (Exception e) {
            outbox.release();
            counters.exportFailure();
            return false;
        }
    }

    private void stop(ExecutorService executor, long deadline) {
        executor.shutdownNow();
        try {
            long end = Math.max(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200));
            // A blocking HTTP read ignores interrupts: keep closing the connection until the thread ends.
            while (!executor.awaitTermination(20, TimeUnit.MILLISECONDS)) {
                exporter.abort();
                if (System.nanoTime() - end > 0) {
                    ReporterMessages.THREAD_NOT_STOPPED.log();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A terminated pool's last thread may still be on its way out: waits until each has gone, so
     * that no Palisade thread outlives {@link #close()}.
     */
    private void awaitThreads(long deadline) {
        long end = Math.max(deadline, System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200));
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
                if (thread.isAlive()) {
                    ReporterMessages.THREAD_NOT_STOPPED.log();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Records waiting in the queue; for tests and diagnostics. */
    int queued() {
        return queue.size();
    }

    /** Bytes held in the outbox; for tests and diagnostics. */
    long bufferedBytes() {
        return outbox.bytes();
    }

    /** Events waiting in the outbox (including an export in flight); for tests and diagnostics. */
    int buffered() {
        return outbox.size();
    }

    /** Builder with validated setters and named defaults. */
    public static final class Builder {

        public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(20);
        public static final int DEFAULT_BATCH_SIZE = 1000;
        public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
        /** {@code palisade.reporter.queue-bytes}: 16 MiB. */
        public static final long DEFAULT_QUEUE_BYTES = 16L * 1024 * 1024;
        public static final long DEFAULT_BUFFER_BYTES = 8L * 1024 * 1024;
        public static final Duration DEFAULT_EXPORT_TIMEOUT = Duration.ofSeconds(15);
        public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(5);
        public static final Duration DEFAULT_BACKOFF_BASE = Duration.ofSeconds(1);
        public static final Duration DEFAULT_BACKOFF_CAP = Duration.ofMinutes(5);

        private final Counters counters;
        private final Exporter exporter;
        private final Scrubber scrubber;
        private Duration interval = DEFAULT_INTERVAL;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
        private long queueBytes = DEFAULT_QUEUE_BYTES;
        private long bufferBytes = DEFAULT_BUFFER_BYTES;
        private Duration exportTimeout = DEFAULT_EXPORT_TIMEOUT;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        private Duration backoffBase = DEFAULT_BACKOFF_BASE;
        private Duration backoffCap = DEFAULT_BACKOFF_CAP;
        private String threadName = "palisade-reporter";
        private PackReceiver rules;
        private Duration rulesRefresh = Duration.ofSeconds(30);

        private Builder(Counters counters, Exporter exporter, Scrubber scrubber) {
            this.counters = Objects.requireNonNull(counters, "counters");
            this.exporter = Objects.requireNonNull(exporter, "exporter");
            this.scrubber = Objects.requireNonNull(scrubber, "scrubber");
        }

        public Builder interval(Duration interval) {
            this.interval = positive(interval, "interval");
            return this;
        }

        public Builder batchSize(int batchSize) {
            this.batchSize = atLeast(batchSize, 1, "batchSize");
            return this;
        }

        /** The most the hand-off queue holds in (estimated) bytes; beyond, events are dropped and counted. */
        public Builder queueBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("queueBytes must be at least 1024, not " + bytes);
            }
            this.queueBytes = bytes;
            return this;
        }

        public Builder queueCapacity(int queueCapacity) {
            this.queueCapacity = atLeast(queueCapacity, 2, "queueCapacity");
            return this;
        }

        public Builder bufferBytes(long bufferBytes) {
            if (bufferBytes < 1024) {
                throw new IllegalArgumentException("bufferBytes must be at least 1024: " + bufferBytes);
            }
            this.bufferBytes = bufferBytes;
            return this;
        }

        public Builder exportTimeout(Duration exportTimeout) {
            this.exportTimeout = positive(exportTimeout, "exportTimeout");
            return this;
        }

        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = positive(closeTimeout, "closeTimeout");
            return this;
        }

        public Builder backoff(Duration base, Duration cap) {
            positive(base, "backoff base");
            if (cap.compareTo(base) < 0) {
                throw new IllegalArgumentException("backoff cap " + cap + " is below its base " + base);
            }
            this.backoffBase = base;
            this.backoffCap = cap;
            return this;
        }

        /** Name of the worker thread; the exporter thread adds {@code -export}. */
        public Builder threadName(String threadName) {
            this.threadName = Objects.requireNonNull(threadName, "threadName");
            return this;
        }

        /** Where the backend's packs go, asked for every {@code refresh}; none by default. */
        public Builder rules(PackReceiver rules, Duration refresh) {
            this.rules = Objects.requireNonNull(rules, "rules");
            this.rulesRefresh = positive(refresh, "rules refresh");
            return this;
        }

        public PalisadeReporter build() {
            return new PalisadeReporter(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive: " + value);
            }
            return value;
        }

        private static int atLeast(int value, int min, String name) {
            if (value < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
            }
            return value;
        }
    }
}
