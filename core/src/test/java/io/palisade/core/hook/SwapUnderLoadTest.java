package io.palisade.core.hook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Eight threads call hook points while rule sets are swapped thousands of times. Each set puts two
 * callbacks on every hook point: a call must see a whole set (both, never one), and at least one set.
 */
class SwapUnderLoadTest {

    private static final int CALLERS = 8;
    private static final int SWAPS = 5_000;

    @Test
    void noCallSeesAHalfInstalledChainOrRunsUnprotected() throws Exception {
        JdbcHooks jdbc = new JdbcHooks();
        HookTable table = HookTable.builder().jdbc(jdbc).build();
        List<HookPoint> targets = List.of(jdbc.executeQuery, jdbc.prepareStatement, jdbc.addBatch, jdbc.execute);

        Installation installed = table.install(ruleSet(0, targets));
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong calls = new AtomicLong();
        AtomicLong violations = new AtomicLong();
        List<String> firstViolations = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(CALLERS);

        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        List<Future<?>> callers = new ArrayList<>();
        for (int t = 0; t < CALLERS; t++) {
            int offset = t;
            callers.add(pool.submit(() -> {
                started.countDown();
                int i = offset;
                while (!stop.get()) {
                    HookPoint hookPoint = targets.get(i++ % targets.size());
                    CallbackChain chain = hookPoint.chain();
                    String problem = check(chain, hookPoint);
                    if (problem != null) {
                        violations.incrementAndGet();
                        synchronized (firstViolations) {
                            if (firstViolations.size() < 5) {
                                firstViolations.add(problem);
                            }
                        }
                    }
                    calls.incrementAndGet();
                }
            }));
        }
        started.await();
        for (int generation = 1; generation <= SWAPS; generation++) {
            installed = table.replace(installed, ruleSet(generation, targets));
        }
        stop.set(true);
        for (Future<?> caller : callers) {
            caller.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(firstViolations).isEmpty();
        assertThat(violations.get()).isZero();
        assertThat(calls.get()).isGreaterThan(SWAPS);
        for (HookPoint target : targets) {
            assertThat(target.chain().callbacks()).extracting(Callback::id)
                    .containsExactly("gen" + SWAPS + "-a", "gen" + SWAPS + "-b");
        }
    }

    /** Runs the chain as a hooked call would and returns what is wrong with what ran, or null. */
    private static String check(CallbackChain chain, HookPoint hookPoint) {
        if (chain == null) {
            return "unprotected call at " + hookPoint;
        }
        Invocation invocation = chain.enter(hookPoint, Arguments.of("SELECT 1"));
        if (!invocation.aborted()) {
            return "no set aborted the call at " + hookPoint;
        }
        // Each generation's "a" callback aborts only if its own "b" is in the same chain.
        List<Callback> callbacks = chain.callbacks();
        for (Callback callback : callbacks) {
            String id = callback.id();
            String partner = id.endsWith("-a") ? id.replace("-a", "-b") : id.replace("-b", "-a");
            if (callbacks.stream().noneMatch(c -> c.id().equals(partner))) {
                return "half a set at " + hookPoint + ": " + callbacks;
            }
        }
        return null;
    }

    private static CallbackSet ruleSet(int generation, List<HookPoint> targets) {
        Callback a = Callback.builder("gen" + generation + "-a").priority(1)
                .prolog(inv -> Verdict.abort("generation " + generation)).build();
        Callback b = Callback.builder("gen" + generation + "-b").priority(2)
                .prolog(inv -> Verdict.CONTINUE).build();
        CallbackSet.Builder set = CallbackSet.builder();
        for (HookPoint target : targets) {
            set.add(target, a).add(target, b);
        }
        return set.build();
    }
}
