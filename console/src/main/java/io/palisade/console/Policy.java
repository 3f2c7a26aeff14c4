package io.palisade.console;

import io.palisade.core.net.IpRanges;
import io.palisade.core.rules.Rule;
import io.palisade.core.rules.RuleEngine;
import io.palisade.core.rules.RulePackException;
import io.palisade.core.rules.RulePackParser;
import io.palisade.core.rules.SignedPack;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.parsson.JsonProviderImpl;

/**
 * What the console tells an application's agents: the built-in rules' modes, exclusions, a custom
 * pack, IP blocks, assembled into one rule pack ({@code GET /v1/rules}) that is validated by the agent's
 * own parser before anyone can save a change that would break it. Every change is audited.
 */
final class Policy {

    static final Set<String> MODES = Set.of("block", "monitor", "off");
    private static final JsonProviderImpl JSON = new JsonProviderImpl();

    private final Sql sql;
    private final ConsoleConfig config;
    private final RulePackParser.Pack builtIn;

    Policy(Sql sql, ConsoleConfig config) {
        this.sql = sql;
        this.config = config;
        this.builtIn = loadBuiltIn();
    }

    private static RulePackParser.Pack loadBuiltIn() {
        try (InputStream in = RuleEngine.class.getClassLoader().getResourceAsStream(RuleEngine.BUILT_IN)) {
            if (in == null) {
                throw new IllegalStateException("the built-in rule pack is missing from palisade-core");
            }
            return RulePackParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "built-in");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RulePackException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The built-in rules, as agents of this version have them. */
    List<Rule> builtInRules() {
        return builtIn.rules();
    }

    record Exclusion(long id, String ruleId, String input, String path, String reason, Instant createdAt) {
    }

    record IpBlock(long id, String address, String reason, Instant expiresAt, Instant createdAt, String createdBy) {
    }

    record AuditEntry(Instant at, String actor, String application, String action, String detail) {
    }

    record ServedPack(long version, String body, String etag, Instant expiresAt) {
    }

    /** A change refused, with the reason shown to the person who made it. */
    static final class InvalidChangeException extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidChangeException(String message) {
            super(message);
        }
    }

    // ---- reading

    Map<String, String> ruleModes(long applicationId) {
        Map<String, String> modes = new LinkedHashMap<>();
        sql.list("SELECT rule_id, mode FROM rule_modes WHERE application_id = ? ORDER BY rule_id",
                row -> modes.put(row.getString(1), row.getString(2)), applicationId);
        return modes;
    }

    List<Exclusion> exclusions(long applicationId) {
        return sql.list("SELECT id, rule_id, input, path, reason, created_at FROM exclusions WHERE application_id = ? ORDER BY id",
                row -> new Exclusion(row.getLong(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                        Sql.instant(row, "created_at")), applicationId);
    }

    Optional<String> customPack(long applicationId) {
        return sql.one("SELECT text FROM custom_packs WHERE application_id = ?", row -> row.getString(1), applicationId);
    }

    /** Blocks not yet expired, newest first. */
    List<IpBlock> ipBlocks(long applicationId) {
        return sql.list("SELECT id, address, reason, expires_at, created_at, created_by FROM ip_blocks"
                + " WHERE application_id = ? AND expires_at > now() ORDER BY created_at DESC",
                row -> new IpBlock(row.getLong(1), row.getString(2), row.getString(3), Sql.instant(row, "expires_at"),
                        Sql.instant(row, "created_at"), row.getString(6)), applicationId);
    }

    List<AuditEntry> audit(Long applicationId, int limit) {
        return sql.list("SELECT u.at, u.actor, a.name, u.action, u.detail FROM audit u LEFT JOIN applications a"
                + " ON a.id = u.application_id WHERE (?::bigint IS NULL OR u.application_id = ?) ORDER BY u.id DESC LIMIT ?",
                row -> new AuditEntry(Sql.instant(row, "at"), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5)), applicationId, applicationId, limit);
    }

    void audit(String actor, Long applicationId, String action, String detail) {
        sql.update("INSERT INTO audit (actor, application_id, action, detail) VALUES (?, ?, ?, ?)", actor, applicationId,
                action, detail);
    }

    // ---- changing (each checked against the pack it would produce)

    private boolean knownRule(long applicationId, String ruleId) {
        if (builtIn.rules().stream().anyMatch(rule -> rule.id().equals(ruleId))) {
            return true;
        }
        Optional<String> custom = customPack(applicationId);
        if (custom.isEmpty()) {
            return false;
        }
        try {
            return RulePackParser.parse(custom.get(), "the custom pack").rules().stream().anyMatch(rule -> rule.id().equals(ruleId));
        } catch (RulePackException e) {
            return false;
        }
    }

    void setRuleMode(String actor, Store.Application app, String ruleId, String mode) throws InvalidChangeException {
        if (mode != null && !MODES.contains(mode)) {
            throw new InvalidChangeException("mode must be block, monitor or off (or default)");
        }
        if (mode != null && !knownRule(app.id(), ruleId)) {
            throw new InvalidChangeException("no rule '" + ruleId + "' in the built-in pack or the custom pack");
        }
        Map<String, String> modes = ruleModes(app.id());
        if (mode == null) {
            modes.remove(ruleId);
        } else {
            modes.put(ruleId, mode);
        }
        validate(app.id(), modes, exclusions(app.id()), customPack(app.id()).orElse(null));
        if (mode == null) {
            sql.update("DELETE FROM rule_modes WHERE application_id = ? AND rule_id = ?", app.id(), ruleId);
        } else {
            sql.update("INSERT INTO rule_modes (application_id, rule_id, mode) VALUES (?, ?, ?) ON CONFLICT (application_id, rule_id)"
                    + " DO UPDATE SET mode = excluded.mode", app.id(), ruleId, mode);
        }
        audit(actor, app.id(), "rule mode", ruleId + " -> " + (mode == null ? "default" : mode));
    }

    long addExclusion(String actor, Store.Application app, String ruleId, String input, String path, String reason)
            throws InvalidChangeException {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidChangeException("a reason (up to 500 characters) is required, so the next person knows why");
        }
        List<Exclusion> list = new java.util.ArrayList<>(exclusions(app.id()));
        list.add(new Exclusion(0, ruleId, input, path, reason, Instant.now()));
        validate(app.id(), ruleModes(app.id()), list, customPack(app.id()).orElse(null));
        long id = sql.one("INSERT INTO exclusions (application_id, rule_id, input, path, reason) VALUES (?, ?, ?, ?, ?) RETURNING id",
                row -> row.getLong(1), app.id(), ruleId, input, path, reason).orElseThrow();
        audit(actor, app.id(), "exclusion added", ruleId + " off for " + input + " on " + path + " (" + reason + ")");
        return id;
    }

    boolean removeExclusion(String actor, Store.Application app, long id) {
        boolean removed = sql.update("DELETE FROM exclusions WHERE id = ? AND application_id = ?", id, app.id()) == 1;
        if (removed) {
            audit(actor, app.id(), "exclusion removed", "#" + id);
        }
        return removed;
    }

    void setCustomPack(String actor, Store.Application app, String text) throws InvalidChangeException {
        String pack = text == null || text.isBlank() ? null : text.strip();
        if (pack != null) {
            try {
                RulePackParser.parse(pack, "the custom pack");
            } catch (RulePackException e) {
                throw new InvalidChangeException(e.getMessage());
            }
        }
        validate(app.id(), ruleModes(app.id()), exclusions(app.id()), pack);
        if (pack == null) {
            sql.update("DELETE FROM custom_packs WHERE application_id = ?", app.id());
        } else {
            sql.update("INSERT INTO custom_packs (application_id, text) VALUES (?, ?) ON CONFLICT (application_id)"
                    + " DO UPDATE SET text = excluded.text, updated_at = now()", app.id(), pack);
        }
        audit(actor, app.id(), "custom pack", pack == null ? "removed" : "saved (" + pack.length() + " characters)");
    }

    long blockIp(String actor, Store.Application app, String address, Duration lifetime, String reason)
            throws InvalidChangeException {
        String value = address == null ? "" : address.strip();
        if (!IpRanges.isAddressOrBlock(value)) {
            throw new InvalidChangeException("'" + value + "' is not an IP address or CIDR block");
        }
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(Duration.ofDays(3650)) > 0) {
            throw new InvalidChangeException("the block must last from one minute to ten years");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidChangeException("a reason (up to 500 characters) is required");
        }
        Instant expires = Instant.now().plus(lifetime);
        long id = sql.one("INSERT INTO ip_blocks (application_id, address, reason, expires_at, created_by) VALUES (?, ?, ?, ?, ?)"
                + " RETURNING id", row -> row.getLong(1), app.id(), value, reason, expires, actor).orElseThrow();
        audit(actor, app.id(), "ip blocked", value + " until " + expires + " (" + reason + ")");
        return id;
    }

    boolean unblockIp(String actor, Store.Application app, long id) {
        boolean removed = sql.update("UPDATE ip_blocks SET expires_at = now() WHERE id = ? AND application_id = ?"
                + " AND expires_at > now()", id, app.id()) == 1;
        if (removed) {
            audit(actor, app.id(), "ip unblocked", "#" + id);
        }
        return removed;
    }

    // ---- the pack

    /**
     * The pack the application's agents should have now: the same version while nothing changed; a new
     * version (from the database sequence, so monotonic across console instances) when something did
     * or when the signed one has lived half its lifetime.
     */
    ServedPack currentPack(long applicationId) {
        String unversioned;
        try {
            unversioned = assemble(applicationId, ruleModes(applicationId), exclusions(applicationId),
                    customPack(applicationId).orElse(null), ipBlocks(applicationId), "console");
        } catch (InvalidChangeException e) {
            // Only possible when what was valid at saving no longer combines (never expected): keep serving the last.
            return latest(applicationId).orElse(null);
        }
        String hash = Secrets.hex(Secrets.sha256(unversioned));
        Optional<ServedPack> latest = latestWithHash(applicationId, hash);
        Instant now = Instant.now();
        if (latest.isPresent() && latest.get().expiresAt().minus(config.packLifetime().dividedBy(2)).isAfter(now)) {
            return latest.get();
        }
        long version = sql.one("SELECT nextval('pack_versions')", row -> row.getLong(1)).orElseThrow();
        Instant expires = now.plus(config.packLifetime());
        String body = unversioned.replaceFirst("\"version\":\"console\"", "\"version\":\"console-" + version + "\"");
        if (config.signing().isPresent()) {
            ConsoleConfig.SigningKey key = config.signing().get();
            try {
                body = SignedPack.sign(body, key.keyId(), version, expires, key.privateKey());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the console could not sign a pack: " + e.getMessage(), e);
            }
        }
        sql.update("INSERT INTO packs (application_id, version, content_hash, body, expires_at) VALUES (?, ?, ?, ?, ?)",
                applicationId, version, hash, body, expires);
        return new ServedPack(version, body, etag(version), expires);
    }

    private Optional<ServedPack> latestWithHash(long applicationId, String hash) {
        return latest(applicationId).filter(pack -> hash.equals(sql.one("SELECT content_hash FROM packs WHERE application_id = ?"
                + " AND version = ?", row -> row.getString(1), applicationId, pack.version()).orElse(null)));
    }

    Optional<ServedPack> latest(long applicationId) {
        return sql.one("SELECT version, body, expires_at FROM packs WHERE application_id = ? ORDER BY version DESC LIMIT 1",
                row -> new ServedPack(row.getLong(1), row.getString(2), etag(row.getLong(1)), Sql.instant(row, "expires_at")),
                applicationId);
    }

    private static String etag(long version) {
        return "\"pack-" + version + "\"";
    }

    private void validate(long applicationId, Map<String, String> modes, List<Exclusion> exclusions, String custom)
            throws InvalidChangeException {
        assemble(applicationId, modes, exclusions, custom, ipBlocks(applicationId), "console");
    }

    /**
     * Builds the pack and checks it with the agent's parser, combined with the built-in pack exactly as
     * an agent combines it.
     */
    private String assemble(long applicationId, Map<String, String> modes, List<Exclusion> exclusions, String custom,
            List<IpBlock> blocks, String version) throws InvalidChangeException {
        JsonObject base = JsonValue.EMPTY_JSON_OBJECT;
        if (custom != null) {
            try (JsonReader reader = JSON.createReader(new StringReader(custom))) {
                base = reader.readObject();
            } catch (RuntimeException e) {
                throw new InvalidChangeException("the custom pack is not a JSON object");
            }
        }
        JsonObjectBuilder pack = JSON.createObjectBuilder().add("format", RulePackParser.FORMAT).add("version", version);
        if (base.containsKey("base")) {
            pack.add("base", base.get("base"));
        }
        pack.add("rules", base.containsKey("rules") ? base.get("rules") : JsonValue.EMPTY_JSON_ARRAY);
        Set<String> disable = new LinkedHashSet<>();
        if (base.get("disable") instanceof JsonArray) {
            base.getJsonArray("disable").getValuesAs(jakarta.json.JsonString.class).forEach(s -> disable.add(s.getString()));
        }
        JsonObjectBuilder modeObject = JSON.createObjectBuilder();
        if (base.get("modes") instanceof JsonObject) {
            base.getJsonObject("modes").forEach(modeObject::add);
        }
        modes.forEach((rule, mode) -> {
            if (mode.equals("off")) {
                disable.add(rule);
            } else {
                modeObject.add(rule, mode);
            }
        });
        JsonArrayBuilder disabled = JSON.createArrayBuilder();
        disable.forEach(disabled::add);
        pack.add("disable", disabled);
        pack.add("modes", modeObject);
        JsonArrayBuilder exclusionArray = JSON.createArrayBuilder();
        if (base.get("exclusions") instanceof JsonArray) {
            base.getJsonArray("exclusions").forEach(exclusionArray::add);
        }
        for (Exclusion exclusion : exclusions) {
            exclusionArray.add(JSON.createObjectBuilder().add("rule", exclusion.ruleId()).add("input", exclusion.input())
                    .add("path", exclusion.path()).add("reason", exclusion.reason()));
        }
        pack.add("exclusions", exclusionArray);
        JsonObject baseData = base.get("data") instanceof JsonObject ? base.getJsonObject("data") : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder data = JSON.createObjectBuilder(baseData);
        JsonArrayBuilder deny = JSON.createArrayBuilder();
        if (baseData.get("ip_denylist") instanceof JsonArray) {
            baseData.getJsonArray("ip_denylist").forEach(deny::add);
        }
        blocks.forEach(block -> deny.add(block.address()));
        data.add("ip_denylist", deny);
        pack.add("data", data);
        String text = pack.build().toString();
        try {
            RulePackParser.Pack parsed = RulePackParser.parse(text, "the console's pack");
            RulePackParser.combine(parsed, builtIn, "the console's pack", List.of(), List.of(), List.of());
        } catch (RulePackException e) {
            throw new InvalidChangeException(e.getMessage());
        }
        return text;
    }
}
