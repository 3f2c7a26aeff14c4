package io.palisade.core.rules;

import io.palisade.core.log.CoreMessages;
import io.palisade.core.config.Mode;
import io.palisade.core.config.Settings;
import io.palisade.core.counters.Counters;
import io.palisade.core.request.Detection;
import io.palisade.core.request.Incompleteness;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestInput;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.text.CharSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The request rules' evaluation for {@link RuleEngine}: one pass of the rules over a request's inputs
 * in priority order within the request's budget, the conditions of a rule, the inputs a condition
 * selects, exclusions, and what a pass before resource matching leaves for the one after it
 * ({@link Inspection}). Stateless between requests; the rule set in force and its per-rule breakers
 * come in as an {@link InForce}.
 */
final class RequestRules {

    private static final int WARM_UP_ROUNDS = 200;

    private final Settings settings;
    private final Counters counters;
    private final long budgetNanos;

    RequestRules(Settings settings, Counters counters) {
        this.settings = settings;
        this.counters = counters;
        this.budgetNanos = settings.budget().toNanos();
    }

    /**
     * A rule set in force with one breaker per request rule (same order): a rule that keeps throwing
     * is skipped for a while without affecting the others.
     */
    record InForce(RuleSet rules, CircuitBreaker[] ruleBreakers) {
    }

    InForce inForce(RuleSet rules) {
        CircuitBreaker[] breakers = new CircuitBreaker[rules.requestRules().size()];
        for (int i = 0; i < breakers.length; i++) {
            String id = rules.requestRules().get(i).id();
            breakers[i] = new CircuitBreaker(50, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(10),
                    new CircuitBreaker.Listener() {
                        @Override
                        public void opened(int trip, Duration backoff) {
                            counters.breakerTrip();
                            CoreMessages.RULE_SKIPPED.log(id, backoff.toSeconds(), trip);
                        }

                        @Override
                        public void closed() {
                            counters.breakerRecovery();
                            CoreMessages.RULE_RESUMED.log(id);
                        }
                    });
        }
        return new InForce(rules, breakers);
    }

    /**
     * Runs every request rule of {@code rules} over a few made-up inputs before it is in force, so
     * that the first real requests do not pay for class loading and cold code inside their budget
     * (and skip rules for it). Results are thrown away; nothing is counted.
     */
    void warmUp(RuleSet rules) {
        RequestRecord sample = new RequestRecord("warm-up", "GET", "/warm-up/../x", "192.0.2.1", RequestLimits.DEFAULT);
        for (InputSource source : InputSource.values()) {
            sample.addInput(source, "q", "O'Brien & Sons; 50% off <b>new</b> ../ (x) %3Cscript%3E $(id)");
            sample.addInput(source, "User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0");
        }
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Rule rule : rules.requestRules()) {
                try {
                    evaluate(rule, sample, sample.inputsView(), false);
                } catch (RuntimeException e) {
                    // a faulty rule shows up on real requests, where it is counted
                }
            }
        }
    }

    /**
     * One pass of the request rules, in priority order, within the request's budget: before matching
     * ({@code after} false: remember what was seen and what fired, leave non-critical rules for later
     * once the budget is spent) or after it (skip what fired, look at what is new; past the budget a
     * non-critical rule runs on the inputs the resource receives). A rule that throws is counted and
     * skipped; one that keeps throwing is skipped for a while by its own breaker.
     *
     * @param state the first pass's record of the request; after matching {@code null} means "inspect everything"
     */
    Detection pass(RequestRecord record, InForce rules, Inspection state, boolean after) {
        List<Rule> requestRules = rules.rules().requestRules();
        List<RequestInput> inputs = record.inputsView();
        if (after && state != null) {
            state.compare(inputs);
        }
        long start = System.nanoTime();
        long spentBefore = record.ruleNanos();
        boolean overrun = false;
        // Each input's character signature, worked out the first time a rule needs it, shared by every rule
        // (one buffer per request, zeroed for each pass).
        long[] signatures = state != null ? state.signatures(inputs.size()) : new long[inputs.size()];
        try {
            for (int i = 0; i < requestRules.size(); i++) {
                Rule rule = requestRules.get(i);
                if (after && state != null && state.hasFired(i)) {
                    continue;
                }
                CircuitBreaker ruleBreaker = rules.ruleBreakers()[i];
                if (!ruleBreaker.allows()) {
                    record.incomplete(Incompleteness.RULE_SKIPPED);
                    continue;
                }
                // The clock is read before every other rule (a read costs tens of nanoseconds; a rule
                // between two reads is bounded by its per-value limit).
                if (!overrun && (i & 1) == 0 && spentBefore + (System.nanoTime() - start) > budgetNanos) {
                    overrun = true;
                    counters.budgetOverrun();
                }
                if (!after && overrun && !rule.critical()) {
                    state.deferred = true; // runs after matching, on the inputs the resource receives
                    continue;
                }
                Detection found;
                try {
                    if (!after) {
                        found = evaluate(rule, record, inputs, false, state, i, false, signatures);
                    } else {
                        // One the first pass deferred looks at every input, the others at what is new.
                        boolean boundOnly = overrun && !rule.critical();
                        boolean whole = state == null || state.deferred && !rule.critical();
                        found = whole ? evaluate(rule, record, inputs, boundOnly, null, i, false, signatures)
                                : evaluate(rule, record, inputs, boundOnly, state, i, true, signatures);
                    }
                } catch (RuntimeException e) {
                    counters.ruleFault();
                    ruleBreaker.record();
                    CoreMessages.RULE_FAILED.log(e, rule.id());
                    continue;
                }
                if (found != null) {
                    if (!after) {
                        state.fired(i);
                    }
                    if (report(record, found)) {
                        return found;
                    }
                }
            }
            return after ? unfinished(record) : null;
        } finally {
            record.addRuleNanos(System.nanoTime() - start);
        }
    }

    /** Records {@code found} (once per attack type and input, unless it blocks); whether it blocks. */
    private static boolean report(RequestRecord record, Detection found) {
        if (found.blocked()) {
            record.addDetection(found);
            return true;
        }
        // A payload the exploit rule reported is not reported again by the heuristic of the same type.
        if (!reported(record, found)) {
            record.addDetection(found);
        }
        return false;
    }

    private static boolean reported(RequestRecord record, Detection found) {
        for (Detection earlier : record.detections()) {
            if (earlier.attackType().equals(found.attackType()) && earlier.input() == found.input()) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the inspection before matching saw and found, for the one after it. Owned by one request's
     * thread at a time.
     */
    static final class Inspection {

        final InForce rules;
        /** The inputs as they were: later ones equal to one of these were inspected already. */
        final RequestInput[] seen;
        /** Per rule, the conditions that matched (bit per condition), for rules with several; lazily. */
        int[] partial;
        /** Per rule, whether it produced a detection; lazily. */
        boolean[] fired;
        /** Whether non-critical rules were left for after matching (the budget ran out). */
        boolean deferred;

        /** The passes' signature buffer (see {@link #signatures}). */
        private long[] signatures;

        Inspection(InForce rules, RequestInput[] seen) {
            this.rules = rules;
            this.seen = seen;
        }

        /** A zeroed buffer for at least {@code count} signatures, the same array for both passes when it fits. */
        long[] signatures(int count) {
            if (signatures == null || signatures.length < count) {
                signatures = new long[Math.max(count, 8)];
            } else {
                java.util.Arrays.fill(signatures, 0L);
            }
            return signatures;
        }

        void fired(int rule) {
            if (fired == null) {
                fired = new boolean[rules.rules().requestRules().size()];
            }
            fired[rule] = true;
        }

        boolean hasFired(int rule) {
            return fired != null && fired[rule];
        }

        void matched(int rule, int condition) {
            if (partial == null) {
                partial = new int[rules.rules().requestRules().size()];
            }
            partial[rule] |= 1 << condition;
        }

        boolean matchedBefore(int rule, int condition) {
            return partial != null && (partial[rule] & 1 << condition) != 0;
        }

        /** Per input after matching: whether it was there before (worked out once per pass, not per rule). */
        boolean[] old;

        /** Works out, once, which of {@code inputs} (after matching) were there before matching. */
        void compare(List<RequestInput> inputs) {
            old = new boolean[inputs.size()];
            for (int i = 0; i < old.length; i++) {
                RequestInput input = inputs.get(i);
                if (i < seen.length && same(seen[i], input)) {
                    old[i] = true; // the usual case: what was there keeps its place
                    continue;
                }
                for (RequestInput earlier : seen) {
                    if (same(earlier, input)) {
                        old[i] = true;
                        break;
                    }
                }
            }
        }

        /** Whether the input at {@code index} was there before matching (the same value from the same place). */
        boolean saw(RequestInput input, int index) {
            return old != null && index < old.length && old[index];
        }

        private static boolean same(RequestInput a, RequestInput b) {
            return a == b || a.source() == b.source() && (a.value() == b.value() || a.value().equals(b.value()))
                    && a.name().equals(b.name());
        }
    }

    /**
     * With {@code palisade.budget.exceeded=block}, the detection that blocks a request whose
     * inspection could not finish: the budget ran out, or unbound inputs were left out by the input
     * bound. {@code null} otherwise, or when the request was already judged so.
     */
    private Detection unfinished(RequestRecord record) {
        if (settings.budgetExceeded() != Mode.BLOCK || record.allowlisted()) {
            return null;
        }
        java.util.Set<Incompleteness> reasons = record.incompleteness();
        if (!reasons.contains(Incompleteness.BUDGET) && !reasons.contains(Incompleteness.INPUTS_DROPPED)) {
            return null;
        }
        for (Detection earlier : record.detections()) {
            if (earlier.ruleId().equals(RuleEngine.INSPECTION_INCOMPLETE_RULE)) {
                return null;
            }
        }
        Detection detection = new Detection(RuleEngine.INSPECTION_INCOMPLETE_RULE, "inspection_incomplete", "request", null,
                "the request's inspection could not finish (palisade.budget.exceeded=block)", null, true, Instant.now());
        record.addDetection(detection);
        return detection;
    }

    /**
     * @param boundOnly past the budget: look only at the inputs the resource method receives (and flag
     *                  the record when others were left out)
     */
    private Detection evaluate(Rule rule, RequestRecord record, List<RequestInput> inputs, boolean boundOnly) {
        return evaluate(rule, record, inputs, boundOnly, null, -1, false, null);
    }

    /**
     * @param state with a rule index: before matching ({@code after} false), remember which conditions
     *              matched; after matching, take those as matched and look only at inputs not seen
     *              before. {@code null}: every input, nothing remembered
     */
    private Detection evaluate(Rule rule, RequestRecord record, List<RequestInput> inputs, boolean boundOnly,
            Inspection state, int index, boolean after, long[] signatures) {
        RequestInput witness = null;
        String what = null;
        boolean failed = false;
        List<Exclusion> excluded = rule.exclusions().isEmpty() ? List.of() : applicable(rule.exclusions(), record.path());
        List<Rule.Condition> conditions = rule.conditions();
        for (int c = 0; c < conditions.size(); c++) {
            if (after && state.matchedBefore(index, c)) {
                if (what == null) {
                    what = "an earlier input";
                }
                continue;
            }
            Rule.Condition condition = conditions.get(c);
            Match match = match(condition, record, inputs, boundOnly, after ? state : null, excluded, signatures);
            if (match == null) {
                if (state == null || after || conditions.size() == 1) {
                    return null;
                }
                failed = true; // before matching, go on: what matched is remembered for later
                continue;
            }
            if (state != null && !after && conditions.size() > 1) {
                state.matched(index, c);
            }
            if (witness == null && match.input != null) {
                witness = match.input;
            }
            if (what == null) {
                what = match.what;
            }
        }
        if (failed) {
            return null;
        }
        boolean block = Modes.of(rule, settings) == Mode.BLOCK && !record.allowlisted();
        return new Detection(rule.id(), rule.attackType(), "request", witness,
                rule.conditions().get(0).operator().name() + " matched " + what, null, block, Instant.now(),
                rule.confidence().label());
    }

    private record Match(RequestInput input, String what) {
    }

    /**
     * @param seenBefore after matching: inputs it saw (and the URI, method and client, which it
     *                   inspected) are skipped; {@code null} to look at everything
     */
    private static Match match(Rule.Condition condition, RequestRecord record, List<RequestInput> inputs,
            boolean boundOnly, Inspection seenBefore, List<Exclusion> excluded, long[] signatures) {
        int bound = record.limits().maxValueLength();
        List<InputSelector> selectors = condition.inputs();
        for (int s = 0; seenBefore == null && s < selectors.size(); s++) {
            InputSelector selector = selectors.get(s);
            switch (selector.kind()) {
                case URI:
                    if (!excludedUri(excluded) && test(condition, record.path(), bound, CharSignature.UNKNOWN)) {
                        return new Match(null, "uri");
                    }
                    break;
                case METHOD:
                    if (test(condition, record.method(), bound, CharSignature.UNKNOWN)) {
                        return new Match(null, "method");
                    }
                    break;
                case CLIENT_IP:
                    if (record.clientIp() != null && test(condition, record.clientIp(), bound, CharSignature.UNKNOWN)) {
                        return new Match(null, "client_ip");
                    }
                    break;
                default:
                    break;
            }
        }
        // Inputs once each, in the order received; a source no selector looks at costs one bit test.
        for (int i = 0; i < inputs.size(); i++) {
            RequestInput input = inputs.get(i);
            if (!condition.selects(input)
                    || seenBefore != null && seenBefore.saw(input, i) || !excluded.isEmpty() && excluded(excluded, input)) {
                continue;
            }
            if (boundOnly && !input.bound()) {
                record.incomplete(Incompleteness.BUDGET);
                continue;
            }
            if (test(condition, input.value(), bound, signature(signatures, i, input.value(), bound))) {
                return new Match(input, input.source().label());
            }
        }
        return null;
    }

    /** The exclusions of a rule that apply on {@code path}; usually none. */
    static List<Exclusion> applicable(List<Exclusion> exclusions, String path) {
        List<Exclusion> found = null;
        for (Exclusion exclusion : exclusions) {
            if (exclusion.appliesTo(path)) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(exclusion);
            }
        }
        return found == null ? List.of() : found;
    }

    static boolean excluded(List<Exclusion> excluded, RequestInput input) {
        for (int e = 0; e < excluded.size(); e++) {
            if (excluded.get(e).excludes(input)) {
                return true;
            }
        }
        return false;
    }

    private static boolean excludedUri(List<Exclusion> excluded) {
        for (int e = 0; e < excluded.size(); e++) {
            if (excluded.get(e).excludesUri()) {
                return true;
            }
        }
        return false;
    }

    /** Input {@code i}'s signature, computed once per pass ({@code signatures} null: not kept). */
    private static long signature(long[] signatures, int i, String value, int bound) {
        if (signatures == null || i >= signatures.length) {
            return CharSignature.of(value, bound);
        }
        long signature = signatures[i];
        if (signature == 0) {
            signature = CharSignature.of(value, bound);
            signatures[i] = signature;
        }
        return signature;
    }

    /**
     * Rules see at most {@code bound} characters of a value: their cost per value is bounded and linear.
     * A value whose {@code signature} lacks what the operator needs is not tested at all.
     */
    private static boolean test(Rule.Condition condition, String value, int bound, long signature) {
        if (value == null) {
            return false;
        }
        if (signature != CharSignature.UNKNOWN && condition.untransformed()) {
            if (!condition.operator().admits(signature)) {
                return false;
            }
        } else if (!condition.mayMatch(value, bound)) {
            return false;
        }
        String inspected = value.length() > bound ? value.substring(0, bound) : value;
        return condition.operator().matches(condition.transform(inspected));
    }
}
