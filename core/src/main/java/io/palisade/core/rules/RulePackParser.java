package io.palisade.core.rules;

import io.palisade.core.detect.Operator;
import io.palisade.core.detect.Transformer;

import io.palisade.core.config.Confidence;
import io.palisade.core.config.Mode;
import io.palisade.core.net.IpRanges;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * Reads a rule pack (format {@code palisade-rules/1}, see {@code docs/reference/rule-packs.md}),
 * validates all of it, and compiles it. Any problem rejects the whole pack with a
 * {@link RulePackException} naming the rule and the problem. Thread-safe.
 */
public final class RulePackParser {

    public static final String FORMAT = "palisade-rules/1";
    /** Characters a pack may have. */
    public static final int MAX_PACK_CHARS = 1024 * 1024;
    public static final int MAX_RULES = 2_000;
    static final String SQL_STRUCTURE = "detect_sql_structure";
    static final String XSS_REFLECTED = "detect_xss_reflected";

    private static final JsonProviderImpl JSON = new JsonProviderImpl();
    private static final Set<String> PACK_FIELDS = Set.of("format", "version", "base", "rules", "disable", "data",
            "exclusions", "modes");
    private static final Set<String> EXCLUSION_FIELDS = Set.of("rule", "input", "path", "reason");
    static final int MAX_EXCLUSIONS = 1_000;
    private static final Set<String> RULE_FIELDS = Set.of("id", "name", "attack_type", "target", "mode", "priority",
            "critical", "conditions", "operator", "confidence");
    private static final Set<String> CONDITION_FIELDS = Set.of("inputs", "transformers", "operator", "value");
    private static final Set<String> DATA_FIELDS = Set.of("ip_denylist", "ip_allowlist", "path_allowlist");

    private RulePackParser() {
    }

    /** A pack as read, before it is combined with a base. */
    public record Pack(String version, boolean extendsDefault, List<Rule> rules, Set<String> disabled,
            List<String> ipDenylist, List<String> ipAllowlist, List<String> pathAllowlist, List<Exclusion> exclusions,
            Map<String, Mode> modes) {

        public Pack {
            modes = Map.copyOf(modes);
        }

        public Pack(String version, boolean extendsDefault, List<Rule> rules, Set<String> disabled,
                List<String> ipDenylist, List<String> ipAllowlist, List<String> pathAllowlist, List<Exclusion> exclusions) {
            this(version, extendsDefault, rules, disabled, ipDenylist, ipAllowlist, pathAllowlist, exclusions, Map.of());
        }

        public Pack(String version, boolean extendsDefault, List<Rule> rules, Set<String> disabled,
                List<String> ipDenylist, List<String> ipAllowlist, List<String> pathAllowlist) {
            this(version, extendsDefault, rules, disabled, ipDenylist, ipAllowlist, pathAllowlist, List.of());
        }
    }

    /**
     * @param origin where the text came from, for messages
     * @throws RulePackException when anything in it is not valid
     */
    public static Pack parse(String text, String origin) throws RulePackException {
        if (text == null || text.isBlank()) {
            throw new RulePackException("rule pack from " + origin + " is empty");
        }
        if (text.length() > MAX_PACK_CHARS) {
            throw new RulePackException("rule pack from " + origin + " is larger than " + MAX_PACK_CHARS + " characters");
        }
        JsonObject root;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new RulePackException("rule pack from " + origin + " is not a JSON object ("
                    + e.getClass().getSimpleName() + ")");
        } catch (RuntimeException e) {
            throw new RulePackException("rule pack from " + origin + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        String where = "rule pack from " + origin;
        unknownFields(root, PACK_FIELDS, where);
        String format = string(root, "format", where, null);
        if (!FORMAT.equals(format)) {
            throw new RulePackException(where + ": \"format\" must be \"" + FORMAT + "\"");
        }
        String version = string(root, "version", where, null);
        if (version == null || version.isBlank() || version.length() > 64) {
            throw new RulePackException(where + ": \"version\" must be a non-empty string of at most 64 characters");
        }
        String base = string(root, "base", where, "default");
        if (!base.equals("default") && !base.equals("none")) {
            throw new RulePackException(where + ": \"base\" must be \"default\" (extend the built-in pack) or \"none\"");
        }
        JsonArray rules = array(root, "rules", where);
        if (rules.size() > MAX_RULES) {
            throw new RulePackException(where + " has more than " + MAX_RULES + " rules");
        }
        List<Rule> compiled = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < rules.size(); i++) {
            if (rules.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new RulePackException(where + ": rule #" + (i + 1) + " is not an object");
            }
            Rule rule = rule(rules.getJsonObject(i), where, i + 1);
            if (!ids.add(rule.id())) {
                throw new RulePackException(where + ": duplicate rule id '" + rule.id() + "'");
            }
            compiled.add(rule);
        }
        Set<String> disabled = new HashSet<>(strings(root, "disable", where));
        JsonObject data = root.containsKey("data") ? object(root, "data", where) : JsonValue.EMPTY_JSON_OBJECT;
        unknownFields(data, DATA_FIELDS, where + ", data");
        List<String> deny = strings(data, "ip_denylist", where + ", data");
        List<String> allow = strings(data, "ip_allowlist", where + ", data");
        List<String> paths = strings(data, "path_allowlist", where + ", data");
        for (String address : concat(deny, allow)) {
            if (!IpRanges.isAddressOrBlock(address)) {
                throw new RulePackException(where + ", data: '" + address + "' is not an IP address or CIDR block");
            }
        }
        for (String path : paths) {
            if (!RuleSet.isPathPattern(path)) {
                throw new RulePackException(where + ", data: path '" + path + "' must start with / and may end with *");
            }
        }
        return new Pack(version, base.equals("default"), compiled, disabled, deny, allow, paths, exclusions(root, where),
                modes(root, where));
    }

    /** {@code "modes": {"xss-exploit": "monitor"}}: the mode of rules the pack does not define (the base's). */
    private static Map<String, Mode> modes(JsonObject root, String where) throws RulePackException {
        if (!root.containsKey("modes")) {
            return Map.of();
        }
        JsonObject modes = object(root, "modes", where);
        Map<String, Mode> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonValue> entry : modes.entrySet()) {
            JsonValue value = entry.getValue();
            String text = value instanceof JsonString ? ((JsonString) value).getString() : null;
            if (!"block".equals(text) && !"monitor".equals(text)) {
                throw new RulePackException(where + ", modes: the mode of '" + entry.getKey()
                        + "' must be \"block\" or \"monitor\" (to switch a rule off, list it in \"disable\")");
            }
            result.put(entry.getKey(), text.equals("block") ? Mode.BLOCK : Mode.MONITOR);
        }
        return result;
    }

    private static List<Exclusion> exclusions(JsonObject root, String packWhere) throws RulePackException {
        if (!root.containsKey("exclusions")) {
            return List.of();
        }
        JsonArray list = array(root, "exclusions", packWhere);
        if (list.size() > MAX_EXCLUSIONS) {
            throw new RulePackException(packWhere + " has more than " + MAX_EXCLUSIONS + " exclusions");
        }
        List<Exclusion> exclusions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String where = packWhere + ", exclusion #" + (i + 1);
            if (list.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                throw new RulePackException(where + " is not an object");
            }
            JsonObject json = list.getJsonObject(i);
            unknownFields(json, EXCLUSION_FIELDS, where);
            string(json, "reason", where, null);
            String rule = string(json, "rule", where, null);
            if (rule == null) {
                throw new RulePackException(where + ": \"rule\" is required (the id of the rule to switch off)");
            }
            String inputText = string(json, "input", where, null);
            if (inputText == null) {
                throw new RulePackException(where + ": \"input\" is required, e.g. \"json:bio\", \"query:q\" or \"uri\"");
            }
            InputSelector input;
            try {
                input = InputSelector.parse(inputText);
            } catch (IllegalArgumentException e) {
                throw new RulePackException(where + ": " + e.getMessage());
            }
            if (input.kind() != InputSelector.Kind.INPUT && input.kind() != InputSelector.Kind.URI) {
                throw new RulePackException(where + ": \"input\" must be an input (query:q, json:bio, header:X-Note ...) or uri");
            }
            String path = string(json, "path", where, null);
            if (!RuleSet.isPathPattern(path)) {
                throw new RulePackException(where + ": \"path\" is required, starts with / and may end with * (a prefix)");
            }
            exclusions.add(new Exclusion(rule, input, path));
        }
        return exclusions;
    }

    /**
     * Combines a pack with the base it extends (when it does) and compiles the lookup structures.
     *
     * @throws RulePackException when an exclusion names no request rule of the result
     */
    public static RuleSet combine(Pack pack, Pack base, String origin, List<String> configDeny, List<String> configAllow,
            List<String> configPaths) throws RulePackException {
        Map<String, Rule> rules = new LinkedHashMap<>();
        List<String> deny = new ArrayList<>(configDeny);
        List<String> allow = new ArrayList<>(configAllow);
        List<String> paths = new ArrayList<>(configPaths);
        if (pack.extendsDefault() && base != null) {
            base.rules().forEach(rule -> rules.put(rule.id(), rule));
            deny.addAll(base.ipDenylist());
            allow.addAll(base.ipAllowlist());
            paths.addAll(base.pathAllowlist());
        }
        pack.rules().forEach(rule -> rules.put(rule.id(), rule)); // a rule with a base rule's id replaces it
        pack.disabled().forEach(rules::remove);
        for (Map.Entry<String, Mode> mode : pack.modes().entrySet()) {
            Rule rule = rules.get(mode.getKey());
            if (rule == null) {
                throw new RulePackException("rule pack from " + origin + ": \"modes\" names rule '" + mode.getKey()
                        + "', which is not in force");
            }
            rules.put(rule.id(), rule.withMode(mode.getValue()));
        }
        deny.addAll(pack.ipDenylist());
        allow.addAll(pack.ipAllowlist());
        paths.addAll(pack.pathAllowlist());
        List<Exclusion> exclusions = new ArrayList<>();
        if (pack.extendsDefault() && base != null) {
            exclusions.addAll(base.exclusions());
        }
        exclusions.addAll(pack.exclusions());
        Map<String, List<Exclusion>> byRule = new LinkedHashMap<>();
        for (Exclusion exclusion : exclusions) {
            Rule rule = rules.get(exclusion.rule());
            if (rule == null) {
                throw new RulePackException("rule pack from " + origin + ": an exclusion names rule '" + exclusion.rule()
                        + "', which is not in force");
            }
            if (rule.target() == Rule.Target.JDBC) {
                throw new RulePackException("rule pack from " + origin + ": an exclusion names rule '" + exclusion.rule()
                        + "', which is a jdbc rule: the SQL check fires only when an input changed a statement, and"
                        + " takes no exclusions");
            }
            byRule.computeIfAbsent(rule.id(), id -> new ArrayList<>()).add(exclusion);
        }
        byRule.forEach((id, list) -> rules.put(id, rules.get(id).withExclusions(list)));
        Comparator<Rule> order = Comparator.comparingInt(Rule::priority).thenComparing(Rule::id);
        List<Rule> request = rules.values().stream().filter(r -> r.target() == Rule.Target.REQUEST).sorted(order).toList();
        List<Rule> jdbc = rules.values().stream().filter(r -> r.target() == Rule.Target.JDBC).sorted(order).toList();
        List<Rule> response = rules.values().stream().filter(r -> r.target() == Rule.Target.RESPONSE).sorted(order).toList();
        String version = pack.extendsDefault() && base != null ? base.version() + "+" + pack.version() : pack.version();
        return new RuleSet(version, origin, request, jdbc, new IpRanges(deny), new IpRanges(allow), paths, response);
    }

    private static Rule rule(JsonObject json, String packWhere, int number) throws RulePackException {
        String where = packWhere + ", rule #" + number;
        String id = string(json, "id", where, null);
        if (!token(id, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-")) {
            throw new RulePackException(where + ": \"id\" must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
        where = packWhere + ", rule '" + id + "'";
        unknownFields(json, RULE_FIELDS, where);
        String name = string(json, "name", where, id);
        String attackType = string(json, "attack_type", where, null);
        if (!token(attackType, "abcdefghijklmnopqrstuvwxyz0123456789_")) {
            throw new RulePackException(where + ": \"attack_type\" must be 1 to 64 lower-case letters, digits or '_'");
        }
        String targetText = string(json, "target", where, "request");
        Rule.Target target = switch (targetText) {
            case "request" -> Rule.Target.REQUEST;
            case "jdbc" -> Rule.Target.JDBC;
            case "response" -> Rule.Target.RESPONSE;
            default -> throw new RulePackException(where + ": unknown target '" + targetText
                    + "'; known: request, jdbc, response");
        };
        String modeText = string(json, "mode", where, null);
        Mode mode = null;
        if (modeText != null) {
            if (!modeText.equals("block") && !modeText.equals("monitor")) {
                throw new RulePackException(where + ": \"mode\" must be \"block\" or \"monitor\"");
            }
            mode = modeText.equals("block") ? Mode.BLOCK : Mode.MONITOR;
        }
        String confidenceText = string(json, "confidence", where, "high");
        Confidence confidence = switch (confidenceText) {
            case "high" -> Confidence.HIGH;
            case "heuristic" -> Confidence.HEURISTIC;
            default -> throw new RulePackException(where + ": \"confidence\" must be \"high\" or \"heuristic\"");
        };
        int priority = integer(json, "priority", where, 1000);
        boolean critical = bool(json, "critical", where, false);
        List<Rule.Condition> conditions = new ArrayList<>();
        if (target == Rule.Target.JDBC) {
            String operator = string(json, "operator", where, null);
            if (!SQL_STRUCTURE.equals(operator) || json.containsKey("conditions")) {
                throw new RulePackException(where + ": a jdbc rule takes \"operator\": \"" + SQL_STRUCTURE
                        + "\" and no conditions");
            }
        } else if (target == Rule.Target.RESPONSE) {
            String operator = string(json, "operator", where, null);
            if (!XSS_REFLECTED.equals(operator) || json.containsKey("conditions")) {
                throw new RulePackException(where + ": a response rule takes \"operator\": \"" + XSS_REFLECTED
                        + "\" and no conditions");
            }
        } else {
            if (json.containsKey("operator")) {
                throw new RulePackException(where + ": a request rule takes its operators inside \"conditions\"");
            }
            JsonArray list = array(json, "conditions", where);
            if (list.isEmpty() || list.size() > 16) {
                throw new RulePackException(where + ": \"conditions\" must hold 1 to 16 conditions");
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).getValueType() != JsonValue.ValueType.OBJECT) {
                    throw new RulePackException(where + ", condition #" + (i + 1) + " is not an object");
                }
                conditions.add(condition(list.getJsonObject(i), where + ", condition #" + (i + 1)));
            }
        }
        return new Rule(id, name, attackType, target, mode, priority, critical, conditions, confidence);
    }

    private static Rule.Condition condition(JsonObject json, String where) throws RulePackException {
        unknownFields(json, CONDITION_FIELDS, where);
        List<InputSelector> inputs = new ArrayList<>();
        List<String> inputNames = strings(json, "inputs", where);
        if (inputNames.isEmpty()) {
            throw new RulePackException(where + ": \"inputs\" must name at least one input");
        }
        for (String input : inputNames) {
            try {
                inputs.add(InputSelector.parse(input));
            } catch (IllegalArgumentException e) {
                throw new RulePackException(where + ": " + e.getMessage());
            }
        }
        List<Transformer> transformers = new ArrayList<>();
        for (String name : strings(json, "transformers", where)) {
            Transformer transformer = Transformer.byId(name);
            if (transformer == null) {
                throw new RulePackException(where + ": unknown transformer '" + name + "'; known: url_decode,"
                        + " html_entity_decode, lowercase, normalize_path, remove_nulls, compress_whitespace");
            }
            transformers.add(transformer);
        }
        String operatorName = string(json, "operator", where, null);
        if (operatorName == null) {
            throw new RulePackException(where + ": \"operator\" is missing");
        }
        List<String> values;
        JsonValue value = json.get("value");
        if (value == null) {
            values = List.of();
        } else if (value.getValueType() == JsonValue.ValueType.STRING) {
            values = List.of(((JsonString) value).getString());
        } else {
            values = strings(json, "value", where);
        }
        try {
            return new Rule.Condition(inputs, transformers, Operator.compile(operatorName, values));
        } catch (IllegalArgumentException e) {
            throw new RulePackException(where + ": " + e.getMessage());
        }
    }

    /** Whether {@code text} is 1 to 64 characters, each one of {@code allowed}. */
    private static boolean token(String text, String allowed) {
        if (text == null || text.isEmpty() || text.length() > 64) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (allowed.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static void unknownFields(JsonObject json, Set<String> known, String where) throws RulePackException {
        for (String key : json.keySet()) {
            if (!known.contains(key)) {
                throw new RulePackException(where + ": unknown field '" + key + "'");
            }
        }
    }

    private static String string(JsonObject json, String key, String where, String fallback) throws RulePackException {
        JsonValue value = json.get(key);
        if (value == null || value == JsonValue.NULL) {
            return fallback;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw new RulePackException(where + ": \"" + key + "\" must be a string");
        }
        return ((JsonString) value).getString();
    }

    private static int integer(JsonObject json, String key, String where, int fallback) throws RulePackException {
        JsonValue value = json.get(key);
        if (value == null) {
            return fallback;
        }
        if (value.getValueType() != JsonValue.ValueType.NUMBER || !((JsonNumber) value).isIntegral()
                || ((JsonNumber) value).longValue() < 0 || ((JsonNumber) value).longValue() > 1_000_000) {
            throw new RulePackException(where + ": \"" + key + "\" must be a whole number from 0 to 1000000");
        }
        return ((JsonNumber) value).intValue();
    }

    private static boolean bool(JsonObject json, String key, String where, boolean fallback) throws RulePackException {
        JsonValue value = json.get(key);
        if (value == null) {
            return fallback;
        }
        if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
            throw new RulePackException(where + ": \"" + key + "\" must be true or false");
        }
        return value == JsonValue.TRUE;
    }

    private static JsonArray array(JsonObject json, String key, String where) throws RulePackException {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new RulePackException(where + ": \"" + key + "\" must be an array");
        }
        return (JsonArray) value;
    }

    private static JsonObject object(JsonObject json, String key, String where) throws RulePackException {
        JsonValue value = json.get(key);
        if (value == null || value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new RulePackException(where + ": \"" + key + "\" must be an object");
        }
        return (JsonObject) value;
    }

    private static List<String> strings(JsonObject json, String key, String where) throws RulePackException {
        JsonValue value = json.get(key);
        if (value == null) {
            return List.of();
        }
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new RulePackException(where + ": \"" + key + "\" must be an array of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonValue item : (JsonArray) value) {
            if (item.getValueType() != JsonValue.ValueType.STRING) {
                throw new RulePackException(where + ": \"" + key + "\" must be an array of strings");
            }
            items.add(((JsonString) item).getString());
        }
        return items;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
