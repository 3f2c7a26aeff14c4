package io.palisade.core.rules;

import io.palisade.core.detect.Transformer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.palisade.core.config.Mode;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The loader: what a valid pack becomes, and every way a pack is refused whole with a message naming the rule. */
class RulePackParserTest {

    /** A pack around {@code rules} (JSON text of the array's items). */
    static String pack(String rules) {
        return "{\"format\":\"palisade-rules/1\",\"version\":\"t1\",\"rules\":[" + rules + "]}";
    }

    static final String XSS_RULE = "{\"id\":\"my-xss\",\"attack_type\":\"xss\",\"conditions\":[{\"inputs\":[\"query\"],"
            + "\"operator\":\"detect_xss\"}]}";

    @Test
    void aValidPackCompilesEveryPart() throws Exception {
        RulePackParser.Pack pack = RulePackParser.parse("""
                {
                  "format": "palisade-rules/1",
                  "version": "2026.12.01-1",
                  "base": "none",
                  "rules": [
                    {"id": "sqli", "attack_type": "sql_injection", "target": "jdbc", "operator": "detect_sql_structure"},
                    {"id": "bad-agent", "name": "Bad agents", "attack_type": "scanner", "mode": "monitor", "priority": 5,
                     "critical": true,
                     "conditions": [{"inputs": ["header:User-Agent"], "transformers": ["lowercase"],
                                     "operator": "phrases", "value": ["badbot"]}]},
                    {"id": "admin-from-outside", "attack_type": "policy",
                     "conditions": [{"inputs": ["uri"], "operator": "regex", "value": "^/admin"},
                                    {"inputs": ["client_ip"], "operator": "ip_match", "value": ["0.0.0.0/0"]}]}
                  ],
                  "disable": ["xss-request"],
                  "data": {"ip_denylist": ["203.0.113.0/24"], "ip_allowlist": ["2001:db8::1"], "path_allowlist": ["/health*"]}
                }""", "test");
        assertThat(pack.version()).isEqualTo("2026.12.01-1");
        assertThat(pack.extendsDefault()).isFalse();
        assertThat(pack.rules()).extracting(Rule::id).containsExactly("sqli", "bad-agent", "admin-from-outside");
        Rule agent = pack.rules().get(1);
        assertThat(agent.mode()).isEqualTo(Mode.MONITOR);
        assertThat(agent.critical()).isTrue();
        assertThat(agent.priority()).isEqualTo(5);
        assertThat(agent.conditions().get(0).transformers()).containsExactly(Transformer.LOWERCASE);
        assertThat(agent.conditions().get(0).inputs().get(0).toString()).isEqualTo("header:user-agent");
        assertThat(pack.disabled()).containsExactly("xss-request");
        assertThat(pack.ipDenylist()).containsExactly("203.0.113.0/24");
        assertThat(pack.pathAllowlist()).containsExactly("/health*");

        RuleSet set = RulePackParser.combine(pack, null, "test", List.of("198.51.100.1"), List.of(), List.of("/ping"));
        assertThat(set.jdbcRules()).extracting(Rule::id).containsExactly("sqli");
        // request rules by priority, then id
        assertThat(set.requestRules()).extracting(Rule::id).containsExactly("bad-agent", "admin-from-outside");
        assertThat(set.ipDenylist().contains("203.0.113.9")).isTrue();
        assertThat(set.ipDenylist().contains("198.51.100.1")).isTrue();
        assertThat(set.ipAllowlist().contains("2001:db8:0:0::1")).isTrue();
        assertThat(set.pathAllowed("/health/live")).isTrue();
        assertThat(set.pathAllowed("/ping")).isTrue();
        assertThat(set.pathAllowed("/ping/x")).isFalse();
    }

    @Test
    void aPackExtendsTheDefaultUnlessItSaysNone() throws Exception {
        RulePackParser.Pack base = RulePackParser.parse(pack(XSS_RULE + ",{\"id\":\"other\",\"attack_type\":\"x\","
                + "\"conditions\":[{\"inputs\":[\"query\"],\"operator\":\"equals\",\"value\":[\"a\"]}]}"), "base");
        String replacing = "{\"id\":\"my-xss\",\"attack_type\":\"xss\",\"mode\":\"monitor\",\"conditions\":[{\"inputs\":[\"json\"],"
                + "\"operator\":\"detect_xss\"}]}";
        RulePackParser.Pack extension = RulePackParser.parse("{\"format\":\"palisade-rules/1\",\"version\":\"e1\","
                + "\"rules\":[" + replacing + "],\"disable\":[\"other\"]}", "ext");
        RuleSet set = RulePackParser.combine(extension, base, "ext", List.of(), List.of(), List.of());
        assertThat(set.version()).isEqualTo("t1+e1");
        assertThat(set.requestRules()).singleElement().satisfies(rule -> {
            assertThat(rule.id()).isEqualTo("my-xss");
            assertThat(rule.mode()).as("the pack's rule replaces the base's of the same id").isEqualTo(Mode.MONITOR);
        });
    }

    @Test
    void modesSetTheModeOfTheBaseRulesAndNameOnlyRulesInForce() throws Exception {
        RulePackParser.Pack base = RulePackParser.parse(pack(XSS_RULE + ",{\"id\":\"other\",\"attack_type\":\"x\","
                + "\"conditions\":[{\"inputs\":[\"query\"],\"operator\":\"equals\",\"value\":[\"a\"]}]}"), "base");
        RulePackParser.Pack extension = RulePackParser.parse("{\"format\":\"palisade-rules/1\",\"version\":\"e1\","
                + "\"rules\":[],\"modes\":{\"my-xss\":\"monitor\",\"other\":\"block\"}}", "ext");
        RuleSet set = RulePackParser.combine(extension, base, "ext", List.of(), List.of(), List.of());
        assertThat(set.requestRules()).extracting(Rule::id, Rule::mode)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("my-xss", Mode.MONITOR),
                        org.assertj.core.groups.Tuple.tuple("other", Mode.BLOCK));

        RulePackParser.Pack typo = RulePackParser.parse("{\"format\":\"palisade-rules/1\",\"version\":\"e2\","
                + "\"rules\":[],\"modes\":{\"my-xs\":\"monitor\"}}", "ext");
        assertThatThrownBy(() -> RulePackParser.combine(typo, base, "ext", List.of(), List.of(), List.of()))
                .isInstanceOf(RulePackException.class).hasMessageContaining("\"modes\" names rule 'my-xs', which is not in force");
        assertThatThrownBy(() -> RulePackParser.parse("{\"format\":\"palisade-rules/1\",\"version\":\"e3\","
                + "\"rules\":[],\"modes\":{\"my-xss\":\"off\"}}", "ext"))
                .isInstanceOf(RulePackException.class).hasMessageContaining("must be \"block\" or \"monitor\" (to switch a rule off, list it in \"disable\")");
    }

    static Stream<Arguments> rejections() {
        String big = "{\"format\":\"palisade-rules/1\",\"version\":\"v\",\"rules\":[],\"pad\":\""
                + "x".repeat(RulePackParser.MAX_PACK_CHARS) + "\"}";
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= RulePackParser.MAX_RULES; i++) {
            many.append(i == 0 ? "" : ",").append(XSS_RULE.replace("my-xss", "r" + i));
        }
        return Stream.of(
                Arguments.of("empty", "  ", "is empty"),
                Arguments.of("too large", big, "is larger than"),
                Arguments.of("not JSON", "{\"format\":", "is not a JSON object"),
                Arguments.of("an array", "[]", "is not a JSON object"),
                Arguments.of("wrong format", "{\"format\":\"palisade-rules/2\",\"version\":\"v\",\"rules\":[]}",
                        "\"format\" must be \"palisade-rules/1\""),
                Arguments.of("no version", "{\"format\":\"palisade-rules/1\",\"rules\":[]}", "\"version\" must be"),
                Arguments.of("bad base", "{\"format\":\"palisade-rules/1\",\"version\":\"v\",\"base\":\"all\",\"rules\":[]}",
                        "\"base\" must be"),
                Arguments.of("unknown pack field", "{\"format\":\"palisade-rules/1\",\"version\":\"v\",\"rule\":[]}",
                        "unknown field 'rule'"),
                Arguments.of("no rules", "{\"format\":\"palisade-rules/1\",\"version\":\"v\"}", "\"rules\" must be an array"),
                Arguments.of("too many rules", pack(many.toString()), "has more than 2000 rules"),
                Arguments.of("rule not an object", pack("1"), "rule #1 is not an object"),
                Arguments.of("bad id", pack(XSS_RULE.replace("my-xss", "my xss")), "rule #1: \"id\" must be"),
                Arguments.of("duplicate id", pack(XSS_RULE + "," + XSS_RULE), "duplicate rule id 'my-xss'"),
                Arguments.of("unknown rule field", pack(XSS_RULE.replace("\"id\"", "\"severity\":\"high\",\"id\"")),
                        "rule 'my-xss': unknown field 'severity'"),
                Arguments.of("bad attack type", pack(XSS_RULE.replace("\"xss\"", "\"Cross Site\"")),
                        "rule 'my-xss': \"attack_type\" must be"),
                Arguments.of("unknown target", pack(XSS_RULE.replace("\"id\"", "\"target\":\"file\",\"id\"")),
                        "rule 'my-xss': unknown target 'file'"),
                Arguments.of("bad mode", pack(XSS_RULE.replace("\"id\"", "\"mode\":\"drop\",\"id\"")),
                        "rule 'my-xss': \"mode\" must be"),
                Arguments.of("bad priority", pack(XSS_RULE.replace("\"id\"", "\"priority\":-1,\"id\"")),
                        "rule 'my-xss': \"priority\" must be a whole number"),
                Arguments.of("bad critical", pack(XSS_RULE.replace("\"id\"", "\"critical\":\"yes\",\"id\"")),
                        "rule 'my-xss': \"critical\" must be true or false"),
                Arguments.of("jdbc rule with another operator", pack("{\"id\":\"j\",\"attack_type\":\"sql_injection\","
                        + "\"target\":\"jdbc\",\"operator\":\"regex\"}"), "rule 'j': a jdbc rule takes"),
                Arguments.of("request rule with a bare operator", pack("{\"id\":\"r\",\"attack_type\":\"x\","
                        + "\"operator\":\"detect_xss\"}"), "rule 'r': a request rule takes its operators inside"),
                Arguments.of("no conditions", pack("{\"id\":\"r\",\"attack_type\":\"x\",\"conditions\":[]}"),
                        "rule 'r': \"conditions\" must hold 1 to 16"),
                Arguments.of("condition not an object", pack("{\"id\":\"r\",\"attack_type\":\"x\",\"conditions\":[true]}"),
                        "rule 'r', condition #1 is not an object"),
                Arguments.of("no inputs", pack(XSS_RULE.replace("[\"query\"]", "[]")),
                        "rule 'my-xss', condition #1: \"inputs\" must name at least one input"),
                Arguments.of("unknown input", pack(XSS_RULE.replace("[\"query\"]", "[\"body\"]")),
                        "rule 'my-xss', condition #1: unknown input 'body'"),
                Arguments.of("input naming nothing", pack(XSS_RULE.replace("[\"query\"]", "[\"header:\"]")),
                        "input 'header:' names no header"),
                Arguments.of("unknown transformer", pack(XSS_RULE.replace("\"operator\"", "\"transformers\":[\"rot13\"],\"operator\"")),
                        "rule 'my-xss', condition #1: unknown transformer 'rot13'"),
                Arguments.of("unknown condition field", pack(XSS_RULE.replace("\"operator\"", "\"negate\":true,\"operator\"")),
                        "rule 'my-xss', condition #1: unknown field 'negate'"),
                Arguments.of("no operator", pack("{\"id\":\"r\",\"attack_type\":\"x\",\"conditions\":[{\"inputs\":[\"query\"]}]}"),
                        "rule 'r', condition #1: \"operator\" is missing"),
                Arguments.of("unknown operator", pack(XSS_RULE.replace("detect_xss", "detect_evil")),
                        "rule 'my-xss', condition #1: unknown operator 'detect_evil'"),
                Arguments.of("invalid regex", pack(XSS_RULE.replace("\"detect_xss\"", "\"regex\",\"value\":\"(unclosed\"")),
                        "rule 'my-xss', condition #1: invalid RE2 regular expression"),
                Arguments.of("regex that needs backtracking", pack(XSS_RULE.replace("\"detect_xss\"",
                        "\"regex\",\"value\":\"(a+)\\\\1\"")), "invalid RE2 regular expression"),
                Arguments.of("empty phrase list", pack(XSS_RULE.replace("\"detect_xss\"", "\"phrases\",\"value\":[]")),
                        "phrases needs a non-empty list"),
                Arguments.of("list of numbers", pack(XSS_RULE.replace("\"detect_xss\"", "\"equals\",\"value\":[1]")),
                        "\"value\" must be an array of strings"),
                Arguments.of("bad IP in ip_match", pack(XSS_RULE.replace("\"detect_xss\"", "\"ip_match\",\"value\":[\"300.1.1.1\"]")),
                        "rule 'my-xss', condition #1"),
                Arguments.of("bad IP in data", "{\"format\":\"palisade-rules/1\",\"version\":\"v\",\"rules\":[],"
                        + "\"data\":{\"ip_denylist\":[\"example.com\"]}}", "'example.com' is not an IP address or CIDR block"),
                Arguments.of("bad path in data", "{\"format\":\"palisade-rules/1\",\"version\":\"v\",\"rules\":[],"
                        + "\"data\":{\"path_allowlist\":[\"health\"]}}", "path 'health' must start with /"),
                Arguments.of("unknown data field", "{\"format\":\"palisade-rules/1\",\"version\":\"v\",\"rules\":[],"
                        + "\"data\":{\"countries\":[]}}", "unknown field 'countries'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void everyProblemRejectsTheWholePack(String what, String text, String message) {
        assertThatThrownBy(() -> RulePackParser.parse(text, "test.json")).as(what).isInstanceOf(RulePackException.class)
                .hasMessageContaining("rule pack from test.json").hasMessageContaining(message);
    }

    @Test
    void theBuiltInPackIsValid() throws Exception {
        RuleEngine engine = new RuleEngine(io.palisade.core.config.Settings.defaults(), null,
                new io.palisade.core.request.RequestContext(), new io.palisade.core.counters.Counters());
        assertThat(engine.rules().origin()).isEqualTo("built-in");
        assertThat(engine.rules().requestRules()).extracting(Rule::id).containsExactly("scanner-user-agent", "scanner-path", "shellshock",
                "jndi-lookup", "xss-exploit", "path-traversal-exploit", "command-injection-exploit", "xss-request",
                "path-traversal", "command-injection", "sqli-request");
        assertThat(engine.rules().jdbcRules()).extracting(Rule::id).containsExactly("sqli-structure");
    }
}
