package io.palisade.core.rules;

import io.palisade.core.detect.Detectors;

import io.palisade.core.config.Mode;
import io.palisade.core.config.Settings;
import io.palisade.core.counters.Counters;
import io.palisade.core.hook.HookTable;
import io.palisade.core.request.Detection;
import io.palisade.core.request.Incompleteness;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestInput;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.text.CharSignature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The rules engine of one deployment: holds the {@link RuleSet} in force, swaps it atomically when a
 * pack is {@linkplain #receive received} (from the {@linkplain RuleSources rule sources} or the
 * backend), and evaluates it. A pack is parsed, validated and compiled first, and a bad one never
 * replaces a good one. The SQL check a pack switches on follows every swap through
 * {@link JdbcProtections}.
 *
 * <p>On the request path it screens the client (path allowlist, IP allow- and denylists) and runs
 * the request-phase rules over the request's inputs within {@code palisade.budget}, one method per
 * phase: {@link #inspectBeforeMatching}, {@link #inspectMatched}, {@link #inspectResponse}. Past the
 * budget, critical rules still run on every input and the others on the inputs bound to the resource
 * method; the record is flagged, and {@code palisade.budget.exceeded} decides whether such a request
 * is blocked. The budget never affects the SQL check at the JDBC hooks.
 *
 * <p>Circuit breakers react to Palisade's own faults only, never to input size or time (an attacker
 * controls both): a request rule that keeps throwing is skipped for a while (its own breaker), and the
 * SQL check is detached for a while only when the SQL check itself keeps throwing.
 *
 * <p>Thread-safe: request threads read the current set with one volatile read.
 */
public final class RuleEngine implements PackReceiver {

    static final Logger LOG = Logger.getLogger("io.palisade.core.rules");
    /** The built-in pack, in the core jar. */
    public static final String BUILT_IN = RuleSources.BUILT_IN;
    public static final String IP_DENYLIST_RULE = "ip-denylist";
    /** The rule id of a request blocked because its inspection could not finish ({@code palisade.budget.exceeded=block}). */
    public static final String INSPECTION_INCOMPLETE_RULE = "inspection-incomplete";
    private static final int WARM_UP_ROUNDS = 200;

    private final Settings settings;
    private final Counters counters;
    private final long budgetNanos;
    private final RulePackParser.Pack builtIn;
    private final AtomicReference<InForce> current = new AtomicReference<>();
    private final JdbcProtections jdbc;
    private final Object swapLock = new Object();
    /** (under swapLock) The sequence of the last signed pack put in force; a signed pack must come above it. */
    private long lastSequence = -1;
    private volatile String lastError;

    /**
     * Puts the built-in pack in force (combined with the IP and path lists of the settings) and
     * attaches the SQL check it switches on. {@code palisade.rules.location} is read by
     * {@link RuleSources}, not here.
     *
     * @param table the hook table, or {@code null} when no JDBC or JPA hook point exists
     */
    public RuleEngine(Settings settings, HookTable table, RequestContext requests, Counters counters) {
        this(settings, table, requests, counters, false);
    }

    /**
     * An engine with no rule at all, for when the real one cannot be built (a fault of Palisade's
     * own): the application runs, unprotected, rather than failing to deploy.
     */
    public static RuleEngine inert(Settings settings, RequestContext requests, Counters counters) {
        return new RuleEngine(settings, null, requests, counters, true);
    }

    private RuleEngine(Settings settings, HookTable table, RequestContext requests, Counters counters, boolean inert) {
        this.settings = settings;
        this.counters = counters;
        this.budgetNanos = settings.budget().toNanos();
        this.builtIn = inert ? new RulePackParser.Pack("none", false, List.of(), java.util.Set.of(), List.of(), List.of(),
                List.of()) : RuleSources.builtIn();
        this.jdbc = new JdbcProtections(settings, table, requests, counters);
        install(builtInSet(settings));
    }

    private RuleSet builtInSet(Settings settings) {
        try {
            return RulePackParser.combine(builtIn, null, "built-in", settings.ipDenylist(), settings.ipAllowlist(),
                    settings.pathAllowlist());
        } catch (RulePackException e) {
            throw new IllegalStateException("the built-in rule pack is not valid: " + e.getMessage(), e);
        }
    }

    /** The rules in force. */
    public RuleSet rules() {
        return current.get().rules();
    }

    /** The SQL check at the JDBC and JPA hook points, with its breaker. */
    public JdbcProtections jdbc() {
        return jdbc;
    }

    /**
     * A rule set in force with one breaker per request rule (same order): a rule that keeps throwing
     * is skipped for a while without affecting the others.
     */
    private record InForce(RuleSet rules, CircuitBreaker[] ruleBreakers) {
    }

    private InForce inForce(RuleSet rules) {
        CircuitBreaker[] breakers = new CircuitBreaker[rules.requestRules().size()];
        for (int i = 0; i < breakers.length; i++) {
            String id = rules.requestRules().get(i).id();
            breakers[i] = new CircuitBreaker(50, Duration.ofSeconds(60), Duration.ofSeconds(30), Duration.ofMinutes(10),
                    new CircuitBreaker.Listener() {
                        @Override
                        public void opened(int trip, Duration backoff) {
                            counters.breakerTrip();
                            LOG.warning("PAL1303: rule '" + id + "' failed repeatedly (a fault of Palisade's own) and is"
                                    + " skipped for " + backoff.toSeconds() + " s (trip " + trip + "); the other rules and"
                                    + " the SQL check keep running");
                        }

                        @Override
                        public void closed() {
                            counters.breakerRecovery();
                            LOG.info("PAL1304: rule '" + id + "' runs again after its circuit breaker's backoff");
                        }
                    });
        }
        return new InForce(rules, breakers);
    }

    /** The last rejection's message (never request data), or {@code null}. */
    public String lastError() {
        return lastError;
    }

    /**
     * Validates, compiles and swaps in {@code text}, a pack from a local source. On any problem nothing changes.
     *
     * @throws RulePackException naming the rule and the problem; also logged and counted
     */
    public RuleSet apply(String text, String origin) throws RulePackException {
        return apply(text, origin, false);
    }

    @Override
    public void receive(String text, String origin, boolean remote) throws RulePackException {
        apply(text, origin, remote);
    }

    /**
     * As {@link #apply(String, String)}, for a pack that came over the network ({@code remote}: a
     * rules URL or the backend). With {@code palisade.rules.public-keys} set, a remote pack must be a
     * {@link SignedPack} signed by one of those keys, with a sequence above the last one accepted and
     * an expiry in the future; a local file may be plain or signed. Without keys, signed envelopes
     * are refused (nothing to check them with) and plain packs are taken as before.
     */
    public RuleSet apply(String text, String origin, boolean remote) throws RulePackException {
        RuleSet next;
        Long sequence = null;
        try {
            String packText = text;
            Map<String, java.security.PublicKey> keys = settings.rulesPublicKeys();
            boolean envelope = SignedPack.isEnvelope(text);
            if (envelope && keys.isEmpty()) {
                throw new RulePackException("signed rule pack from " + origin + " cannot be checked: "
                        + io.palisade.core.config.ConfigKeys.RULES_PUBLIC_KEYS + " is not set");
            }
            if (envelope) {
                SignedPack signed = SignedPack.verify(text, origin, keys, java.time.Instant.now());
                synchronized (swapLock) {
                    if (signed.sequence() <= lastSequence) {
                        throw new RulePackException("signed rule pack from " + origin + " has sequence " + signed.sequence()
                                + ", not above " + lastSequence + " in force (a rollback is refused)");
                    }
                }
                packText = signed.pack();
                sequence = signed.sequence();
            } else if (remote && !keys.isEmpty()) {
                throw new RulePackException("rule pack from " + origin + " is not signed, and "
                        + io.palisade.core.config.ConfigKeys.RULES_PUBLIC_KEYS + " requires packs from the network to be");
            }
            RulePackParser.Pack pack = RulePackParser.parse(packText, origin);
            next = RulePackParser.combine(pack, builtIn, origin, settings.ipDenylist(), settings.ipAllowlist(),
                    settings.pathAllowlist());
        } catch (RulePackException e) {
            lastError = e.getMessage();
            counters.rulePackRejected();
            LOG.warning("PAL1202: rule pack rejected, the previous rules stay in force: " + e.getMessage());
            throw e;
        }
        install(next);
        synchronized (swapLock) {
            if (sequence != null) {
                lastSequence = Math.max(lastSequence, sequence);
            }
        }
        lastError = null;
        LOG.info("PAL1201: rule pack " + next.version() + " from " + origin + (sequence != null ? " (signed, sequence "
                + sequence + ")" : "") + " in force: " + next.requestRules().size()
                + " request rules, " + next.jdbcRules().size() + " JDBC rules, " + next.responseRules().size()
                + " response rules");
        return next;
    }

    /** Swaps in a compiled set (package-private: tests install sets no pack can express). */
    void install(RuleSet next) {
        warmUp(next);
        synchronized (swapLock) {
            jdbc.attach(next);
            current.set(inForce(next));
        }
    }

    /**
     * Runs every request rule of {@code rules} over a few made-up inputs before it is in force, so
     * that the first real requests do not pay for class loading and cold code inside their budget
     * (and skip rules for it). Results are thrown away; nothing is counted.
     */
    private void warmUp(RuleSet rules) {
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
     * First thing for a request: marks it exempt when its path is allowlisted, marks an allowlisted
     * client, and returns the detection that blocks a denylisted client (recorded in the record), or
     * {@code null}.
     */
    public Detection screen(RequestRecord record) {
        jdbc.tick(); // lets the SQL check's breaker close once its backoff is over
        RuleSet rules = current.get().rules();
        if (rules.pathAllowed(record.path())) {
            record.exempt(true);
            return null;
        }
        String client = record.clientIp();
        if (client != null && rules.ipAllowlist().contains(client)) {
            // An unknown client (no address, or an unparseable proxy header) is never allowlisted.
            record.allowlisted(true);
            return null;
        }
        if (denylisted(rules, record)) {
            boolean block = settings.mode() == Mode.BLOCK;
            Detection detection = new Detection(IP_DENYLIST_RULE, "denylisted_ip", "request", null,
                    "the client address is denylisted", null, block, Instant.now());
            record.addDetection(detection);
            return block ? detection : null;
        }
        return null;
    }

    /**
     * The client is denylisted when its address is; when the client is unknown because a trusted
     * proxy's header could not be read to the end, the addresses that did parse are matched instead.
     */
    private static boolean denylisted(RuleSet rules, RequestRecord record) {
        if (record.clientIp() != null) {
            return rules.ipDenylist().contains(record.clientIp());
        }
        for (String address : record.parsedAddresses()) {
            if (rules.ipDenylist().contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs the request-phase rules over the whole request at once: both phases below, one after the
     * other. For callers that record every input before inspecting (tests, tools).
     */
    public Detection inspectRequest(RequestRecord record) {
        Detection found = inspectBeforeMatching(record);
        return found != null ? found : inspectMatched(record);
    }

    /**
     * The inspection every request gets, routed or not: the rules over what the request carries before
     * any resource is matched (query, matrix parameters, headers, cookies, and the URI, method and
     * client address). Detections are recorded; the one that blocks is returned, or {@code null}. What
     * was seen is kept in the record, so that {@link #inspectMatched} looks only at what matching adds.
     * Past the budget, non-critical rules wait for matching, where the bound inputs are known.
     */
    public Detection inspectBeforeMatching(RequestRecord record) {
        if (record.exempt()) {
            return null;
        }
        InForce rules = current.get();
        Inspection state = new Inspection(rules, record.inputsView().toArray(new RequestInput[0]));
        record.inspection(state);
        return pass(record, rules, state, false);
    }

    /**
     * After matching, once the inputs the resource method receives are recorded (path parameters, form
     * fields, a JSON body): the rules over what matching added, nothing seen before inspected again. A
     * rule whose conditions matched partly before matching completes here. Without the earlier phase
     * (or when a new pack came in between) every input is inspected. Detections are recorded; the one
     * that blocks is returned, or {@code null}.
     */
    public Detection inspectMatched(RequestRecord record) {
        if (record.exempt()) {
            return null;
        }
        InForce rules = current.get();
        Inspection state = record.inspection() instanceof Inspection earlier && earlier.rules == rules ? earlier : null;
        return pass(record, rules, state, true);
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
    private Detection pass(RequestRecord record, InForce rules, Inspection state, boolean after) {
        List<Rule> requestRules = rules.rules().requestRules();
        List<RequestInput> inputs = record.inputsView();
        if (after && state != null) {
            state.compare(inputs);
        }
        long start = System.nanoTime();
        long spentBefore = record.ruleNanos();
        boolean overrun = false;
        // Each input's character signature, worked out the first time a rule needs it, shared by every rule.
        long[] signatures = new long[inputs.size()];
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
                    LOG.log(Level.FINE, "PAL1203: rule '" + rule.id() + "' failed; the request proceeds", e);
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

    /** HTML bodies larger than this are checked on their first this-many characters only. */
    public static final int MAX_RESPONSE_SCAN = 1024 * 1024;

    /**
     * Reflected XSS at the sink: whether a request input that carries markup (a {@code <} opening a
     * tag, or a quote, in a value shaped like XSS or holding an attribute or a call) appears, from its
     * first markup character on, verbatim in {@code html}, the HTML response about to be written: the
     * page did not escape it, so a browser would parse it as markup. Call only for responses a browser
     * renders as HTML. The detection is recorded; it is returned when it blocks, {@code null} otherwise
     * (and when no response rule is in force, or no input carries markup). Bounded: at most
     * {@link #MAX_RESPONSE_SCAN} characters of the body, each value's first 256 characters of markup.
     */
    public Detection inspectResponse(RequestRecord record, String html) {
        if (record.exempt() || html == null || html.isEmpty()) {
            return null;
        }
        List<Rule> responseRules = current.get().rules().responseRules();
        if (responseRules.isEmpty()) {
            return null;
        }
        String body = html.length() > MAX_RESPONSE_SCAN ? html.substring(0, MAX_RESPONSE_SCAN) : html;
        List<RequestInput> inputs = record.inputsView();
        for (Rule rule : responseRules) {
            List<Exclusion> excluded = rule.exclusions().isEmpty() ? List.of() : applicable(rule.exclusions(), record.path());
            for (int i = 0; i < inputs.size(); i++) {
                RequestInput input = inputs.get(i);
                if (!excluded.isEmpty() && excluded(excluded, input)) {
                    continue;
                }
                String fragment;
                try {
                    fragment = Detectors.reflectableMarkup(input.value());
                } catch (RuntimeException e) {
                    counters.ruleFault();
                    continue;
                }
                if (fragment == null || !body.contains(fragment)) {
                    continue;
                }
                boolean block = Modes.of(rule, settings) == Mode.BLOCK && !record.allowlisted();
                Detection detection = new Detection(rule.id(), rule.attackType(), "response", input,
                        "a request input's markup reached an HTML response unescaped", null, block, Instant.now(),
                        rule.confidence().label());
                record.addDetection(detection);
                return block ? detection : null;
            }
        }
        return null;
    }

    /**
     * Whether some input of {@code record} carries markup that {@link #inspectResponse} would look for:
     * when none does, an HTML response need not be looked at. Cheap: a scan of each value for
     * {@code <} and quotes.
     */
    public static boolean hasReflectableInput(RequestRecord record) {
        List<RequestInput> inputs = record.inputsView();
        for (int i = 0; i < inputs.size(); i++) {
            String value = inputs.get(i).value();
            if ((value.indexOf('<') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\'') >= 0 || value.indexOf('`') >= 0)
                    && Detectors.reflectableMarkup(value) != null) {
                return true;
            }
        }
        return false;
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
    private static final class Inspection {

        final InForce rules;
        /** The inputs as they were: later ones equal to one of these were inspected already. */
        final RequestInput[] seen;
        /** Per rule, the conditions that matched (bit per condition), for rules with several; lazily. */
        int[] partial;
        /** Per rule, whether it produced a detection; lazily. */
        boolean[] fired;
        /** Whether non-critical rules were left for after matching (the budget ran out). */
        boolean deferred;

        Inspection(InForce rules, RequestInput[] seen) {
            this.rules = rules;
            this.seen = seen;
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
            if (earlier.ruleId().equals(INSPECTION_INCOMPLETE_RULE)) {
                return null;
            }
        }
        Detection detection = new Detection(INSPECTION_INCOMPLETE_RULE, "inspection_incomplete", "request", null,
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
    private static List<Exclusion> applicable(List<Exclusion> exclusions, String path) {
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

    private static boolean excluded(List<Exclusion> excluded, RequestInput input) {
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

    /** A short description for logs and the backend: version, origin, rule counts, last error. */
    public Map<String, String> status() {
        RuleSet rules = current.get().rules();
        return Map.of("version", rules.version(), "origin", rules.origin(),
                "rules", String.valueOf(rules.size()), "last_error", lastError == null ? "" : lastError,
                "breaker", jdbc.breaker().isOpen() ? "open" : "closed");
    }
}
