package io.palisade.core.rules;

import io.palisade.core.log.CoreMessages;
import io.palisade.core.detect.Detectors;

import io.palisade.core.config.Mode;
import io.palisade.core.config.Settings;
import io.palisade.core.counters.Counters;
import io.palisade.core.hook.HookTable;
import io.palisade.core.request.Detection;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestInput;
import io.palisade.core.request.RequestRecord;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

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

    /** The built-in pack, in the core jar. */
    public static final String BUILT_IN = RuleSources.BUILT_IN;
    public static final String IP_DENYLIST_RULE = "ip-denylist";
    /** The rule id of a request blocked because its inspection could not finish ({@code palisade.budget.exceeded=block}). */
    public static final String INSPECTION_INCOMPLETE_RULE = "inspection-incomplete";

    private final Settings settings;
    private final Counters counters;
    private final RulePackParser.Pack builtIn;
    private final RequestRules requestRules;
    private final AtomicReference<RequestRules.InForce> current = new AtomicReference<>();
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
        this.builtIn = inert ? new RulePackParser.Pack("none", false, List.of(), java.util.Set.of(), List.of(), List.of(),
                List.of()) : RuleSources.builtIn();
        this.jdbc = new JdbcProtections(settings, table, requests, counters);
        this.requestRules = new RequestRules(settings, counters);
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
            CoreMessages.PACK_REJECTED.log(e.getMessage());
            throw e;
        }
        install(next);
        synchronized (swapLock) {
            if (sequence != null) {
                lastSequence = Math.max(lastSequence, sequence);
            }
        }
        lastError = null;
        CoreMessages.PACK_IN_FORCE.log(next.version(), origin, sequence != null ? " (signed, sequence " + sequence + ")" : "",
                next.requestRules().size(), next.jdbcRules().size(), next.responseRules().size());
        return next;
    }

    /** Swaps in a compiled set (package-private: tests install sets no pack can express). */
    void install(RuleSet next) {
        requestRules.warmUp(next);
        synchronized (swapLock) {
            jdbc.attach(next);
            current.set(requestRules.inForce(next));
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
        RequestRules.InForce rules = current.get();
        RequestRules.Inspection state = new RequestRules.Inspection(rules, record.inputsView().toArray(new RequestInput[0]));
        record.inspection(state);
        return requestRules.pass(record, rules, state, false);
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
        RequestRules.InForce rules = current.get();
        RequestRules.Inspection state = record.inspection() instanceof RequestRules.Inspection earlier
                && earlier.rules == rules ? earlier : null;
        return requestRules.pass(record, rules, state, true);
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
            List<Exclusion> excluded = rule.exclusions().isEmpty() ? List.of() : RequestRules.applicable(rule.exclusions(), record.path());
            for (int i = 0; i < inputs.size(); i++) {
                RequestInput input = inputs.get(i);
                if (!excluded.isEmpty() && RequestRules.excluded(excluded, input)) {
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

    /** A short description for logs and the backend: version, origin, rule counts, last error. */
    public Map<String, String> status() {
        RuleSet rules = current.get().rules();
        return Map.of("version", rules.version(), "origin", rules.origin(),
                "rules", String.valueOf(rules.size()), "last_error", lastError == null ? "" : lastError,
                "breaker", jdbc.breaker().isOpen() ? "open" : "closed");
    }
}
