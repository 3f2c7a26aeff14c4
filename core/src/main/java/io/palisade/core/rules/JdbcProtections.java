package io.palisade.core.rules;

import io.palisade.core.log.CoreMessages;
import io.palisade.core.config.Settings;
import io.palisade.core.counters.Counters;
import io.palisade.core.detect.sql.SqlInjectionProtection;
import io.palisade.core.hook.CallbackSet;
import io.palisade.core.hook.HookPoint;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.Installation;
import io.palisade.core.request.RequestContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL check at the JDBC and JPA hook points, attached through the hook table as the rules in
 * force ask, under a circuit breaker that reacts to the check's own faults only.
 *
 * <p>{@link #attach} puts the callbacks a rule set switches on in place before the previous ones
 * leave ({@link HookTable#install} then {@link Installation#detach}), so no call runs unchecked during
 * a swap. When the callbacks of a JDBC hook point keep throwing (a fault of Palisade's own, never
 * input size or time, which an attacker controls), the breaker opens: the check is detached for its
 * backoff, then attached again with the rules in force at that moment.
 *
 * <p>Thread-safe: attach, detach and the breaker's transitions take this object's lock.
 */
public final class JdbcProtections {

    private final Settings settings;
    private final HookTable table;
    private final RequestContext requests;
    /** Opens on repeated faults of the JDBC callbacks and detaches them for its backoff. */
    private final CircuitBreaker breaker;
    /** The rules the check should follow; attached unless the breaker is open. */
    private RuleSet wanted;
    private List<Installation> installed = List.of();

    /** @param table the hook table holding the JDBC and JPA hook points; {@code null} when there is none */
    JdbcProtections(Settings settings, HookTable table, RequestContext requests, Counters counters) {
        this.settings = settings;
        this.table = table;
        this.requests = requests;
        this.breaker = new CircuitBreaker(50, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(10),
                new CircuitBreaker.Listener() {
                    @Override
                    public void opened(int trip, Duration backoff) {
                        counters.breakerTrip();
                        CoreMessages.SQL_CHECK_DETACHED.log(backoff.toSeconds(), trip);
                        detach();
                    }

                    @Override
                    public void closed() {
                        counters.breakerRecovery();
                        CoreMessages.SQL_CHECK_ATTACHED.log();
                        synchronized (JdbcProtections.this) {
                            if (wanted != null) {
                                install(wanted);
                            }
                        }
                    }
                });
        if (table != null) {
            // Only faults of the JDBC callbacks (the SQL check) count towards detaching them.
            table.faults().onFault(hookPoint -> {
                if (hookPoint.kind().name().startsWith("JDBC")) {
                    breaker.record();
                }
            });
        }
    }

    /** Follows {@code rules} from now on: attaches what it switches on (unless the breaker is open), then detaches the rest. */
    synchronized void attach(RuleSet rules) {
        wanted = rules;
        if (!breaker.isOpen()) {
            install(rules);
        }
    }

    /** Lets the breaker close once its backoff is over; called on every request, costs a volatile read when closed. */
    void tick() {
        breaker.allows();
    }

    /** The breaker: it opens only on faults of the SQL check itself. */
    public CircuitBreaker breaker() {
        return breaker;
    }

    /** Hook points the SQL check is attached to now; for diagnostics and tests. */
    public synchronized List<HookPoint> hookPoints() {
        List<HookPoint> points = new ArrayList<>();
        installed.forEach(i -> points.addAll(i.callbacks().keySet()));
        return points;
    }

    /** (locked) The new callbacks in place first, then the previous ones out. */
    private void install(RuleSet rules) {
        if (table == null) {
            return;
        }
        List<Installation> next = new ArrayList<>();
        for (Rule rule : rules.jdbcRules()) {
            CallbackSet set = new SqlInjectionProtection(requests, Modes.of(rule, settings), rule.id()).callbacks(table);
            if (!set.isEmpty()) {
                next.add(table.install(set));
            }
        }
        installed.forEach(Installation::detach);
        installed = List.copyOf(next);
    }

    private synchronized void detach() {
        installed.forEach(Installation::detach);
        installed = List.of();
    }
}
