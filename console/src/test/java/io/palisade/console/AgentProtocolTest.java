package io.palisade.console;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Protocol v1 against a real console: what an agent sends is stored once, and only with a live token. */
class AgentProtocolTest {

    static RunningConsole console;
    static String token;

    @BeforeAll
    static void start() {
        console = new RunningConsole();
        token = console.console().provision("shop");
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    static JsonObject json(String text) {
        try (JsonReader reader = ConsoleResponses.JSON.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static String login(RunningConsole console, String token) throws Exception {
        HttpResponse<String> answer = console.send("POST", "v1/agents/login", "Bearer " + token,
                "{\"application\":\"shop\",\"agent_version\":\"0.1.0\",\"runtime\":\"test\",\"protocol\":1,"
                        + "\"hook_points\":[\"jaxrs:com.shop.Search#find(java.lang.String)\",\"jdbc:java.sql.Statement#executeQuery(java.lang.String)\"]}");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body()).getString("agent_id");
    }

    static String attack(String rule, String value, boolean blocked) {
        return "{\"type\":\"attack\",\"request_id\":\"r-" + UUID.randomUUID() + "\",\"time\":\"2026-12-03T10:00:00Z\","
                + "\"rule_id\":\"" + rule + "\",\"attack_type\":\"sql_injection\",\"confidence\":\"high\","
                + "\"hook_point\":\"jdbc:java.sql.Statement#executeQuery(java.lang.String)\",\"blocked\":" + blocked + ","
                + "\"mode\":\"" + (blocked ? "block" : "monitor") + "\",\"client_ip\":\"192.0.2.44\",\"method\":\"GET\","
                + "\"path\":\"/api/search\",\"resource\":\"jaxrs:com.shop.Search#find(java.lang.String)\","
                + "\"reason\":\"input closes a string literal\",\"input\":{\"source\":\"query\",\"name\":\"q\",\"value\":"
                + jakarta.json.Json.createValue(value) + ",\"truncated\":false},\"statement\":\"SELECT 1\"}";
    }

    static String batch(String agentId, String batchId, String counters, String... events) {
        return "{\"agent_id\":\"" + agentId + "\",\"batch_id\":\"" + batchId + "\",\"sequence\":1,\"sent_at\":\"2026-12-03T10:00:01Z\","
                + "\"counters\":" + counters + ",\"events\":[" + String.join(",", events) + "]}";
    }

    JsonArray events(String query) throws Exception {
        HttpResponse<String> answer = console.api("GET", "api/events?app=shop" + query, null);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        return json(answer.body()).getJsonArray("events");
    }

    @Test
    void aBatchIsStoredOnceHoweverOftenItIsSent() throws Exception {
        String agent = login(console, token);
        String id = UUID.randomUUID().toString();
        String body = batch(agent, id, "{\"probe.once\":40,\"blocked\":1}", attack("sqli-structure", "once-" + id, true));
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = console.send("POST", "v1/batches", "Bearer " + token, body);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
            assertThat(json(answer.body()).getBoolean("stored")).isEqualTo(i == 0);
        }
        assertThat(events("&rule=sqli-structure").stream().map(e -> e.asJsonObject().getJsonObject("input").getString("value"))
                .filter(v -> v.equals("once-" + id))).hasSize(1);
        assertThat(console.console().store().counterTotals(console.console().store().application("shop").get().id(),
                java.time.Instant.EPOCH).get("probe.once")).isEqualTo(40L);
    }

    @Test
    void aWrongOrRevokedTokenGets401AndNothingIsStored() throws Exception {
        assertThat(console.send("POST", "v1/agents/login", "Bearer pal_wrong", "{}").statusCode()).isEqualTo(401);
        assertThat(console.send("POST", "v1/agents/login", null, "{}").statusCode()).isEqualTo(401);
        String spare = console.console().store().createAgentToken(console.console().store().application("shop").get().id(), "spare");
        String agent = login(console, spare);
        long tokenId = console.console().store().tokens(console.console().store().application("shop").get().id()).stream()
                .filter(t -> t.label().equals("spare")).findFirst().orElseThrow().id();
        assertThat(console.api("DELETE", "api/applications/shop/tokens/" + tokenId, null).statusCode()).isEqualTo(204);
        HttpResponse<String> refused = console.send("POST", "v1/batches", "Bearer " + spare,
                batch(agent, "after-revocation", "{}", attack("sqli-structure", "revoked-token-payload", true)));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(events("").stream().map(Object::toString)).noneMatch(e -> e.contains("revoked-token-payload"));
        // Another application's token cannot post for this agent either.
        String other = console.console().provision("other-app");
        assertThat(console.send("POST", "v1/batches", "Bearer " + other,
                batch(login(console, token), "cross", "{}", attack("sqli-structure", "cross-app", true))).statusCode()).isEqualTo(401);
    }

    @Test
    void aMalformedBatchIs422SoTheAgentDropsItInsteadOfRetryingForever() throws Exception {
        String agent = login(console, token);
        for (String bad : new String[] {"not json", "[]", "{\"agent_id\":\"" + agent + "\",\"events\":[{\"type\":\"attack\"}]}",
            "{\"agent_id\":\"" + agent + "\",\"counters\":{\"requests\":-1}}",
            "{\"agent_id\":\"" + agent + "\",\"events\":[" + attack("r", "v", true).replace("\"blocked\":true", "\"blocked\":\"yes\"") + "]}",
            "{\"agent_id\":\"" + agent + "\",\"events\":[" + attack("r", "v", true).replace("2026-12-03T10:00:00Z", "yesterday") + "]}"}) {
            HttpResponse<String> answer = console.send("POST", "v1/batches", "Bearer " + token, bad);
            assertThat(answer.statusCode()).as(bad).isEqualTo(422);
            assertThat(answer.body()).doesNotContain("yesterday");
        }
    }

    @Test
    void aThousandEventsGoInOneBatch() throws Exception {
        String agent = login(console, token);
        String[] events = new String[1000];
        for (int i = 0; i < events.length; i++) {
            events[i] = attack("bulk-rule", "bulk " + i + " ' OR 1=1 --", i % 2 == 0);
        }
        HttpResponse<String> answer = console.send("POST", "v1/batches", "Bearer " + token,
                batch(agent, UUID.randomUUID().toString(), "{\"requests\":1000}", events));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
        HttpResponse<String> page = console.api("GET", "api/events?app=shop&rule=bulk-rule&limit=1000", null);
        JsonObject result = json(page.body());
        assertThat(result.getJsonNumber("total").longValue()).isEqualTo(1000);
        assertThat(result.getJsonArray("events")).hasSize(1000);
        assertThat(console.api("GET", "api/events?app=shop&rule=bulk-rule&blocked=true", null).body()).contains("\"total\":500");
        // The overview counts them from the hourly rollups kept at ingestion.
        JsonObject overview = json(console.api("GET", "api/overview?app=shop&hours=1", null).body());
        assertThat(overview.getJsonArray("by_rule").stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("key").equals("bulk-rule")).findFirst().orElseThrow().getJsonNumber("count").longValue())
                .isEqualTo(1000);
        assertThat(overview.getJsonArray("by_path").toString()).contains("/api/search");
    }

    @Test
    void theLoginsHookPointsBecomeTheInventory() throws Exception {
        login(console, token);
        HttpResponse<String> inventory = console.api("GET", "api/inventory?app=shop", null);
        assertThat(inventory.body()).contains("jaxrs:com.shop.Search#find(java.lang.String)")
                .contains("jdbc:java.sql.Statement#executeQuery(java.lang.String)");
    }

    @Test
    void rulesComeWithAnETagAndChangeWhenTheConsoleChangesThem() throws Exception {
        HttpResponse<String> first = console.send("GET", "v1/rules", "Bearer " + token, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        io.palisade.core.rules.RulePackParser.parse(first.body(), "console"); // the agent's parser takes it
        assertThat(console.send("GET", "v1/rules", "Bearer " + token, null, "If-None-Match", etag).statusCode()).isEqualTo(304);

        assertThat(console.api("PUT", "api/rules/modes/xss-exploit?app=shop", "{\"mode\":\"monitor\"}").statusCode()).isEqualTo(204);
        assertThat(console.api("POST", "api/ip-blocks?app=shop", "{\"address\":\"203.0.113.7\",\"minutes\":60,\"reason\":\"test\"}")
                .statusCode()).isEqualTo(201);
        HttpResponse<String> changed = console.send("GET", "v1/rules", "Bearer " + token, null, "If-None-Match", etag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);
        JsonObject pack = json(changed.body());
        assertThat(pack.getJsonObject("modes").getString("xss-exploit")).isEqualTo("monitor");
        assertThat(pack.getJsonObject("data").getJsonArray("ip_denylist").getString(0)).isEqualTo("203.0.113.7");
        assertThat(Long.parseLong(pack.getString("version").substring("console-".length())))
                .isGreaterThan(Long.parseLong(json(first.body()).getString("version").substring("console-".length())));

        // An invalid change is refused with the agent parser's message, and the pack stays as it was.
        HttpResponse<String> refused = console.api("PUT", "api/rules/modes/no-such-rule?app=shop", "{\"mode\":\"monitor\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("no rule 'no-such-rule'");
        HttpResponse<String> badPack = console.api("PUT", "api/rules/custom?app=shop",
                "{\"format\":\"palisade-rules/1\",\"version\":\"x\",\"rules\":[{\"id\":\"r\",\"attack_type\":\"x\",\"conditions\":"
                        + "[{\"inputs\":[\"query\"],\"operator\":\"phrase\",\"value\":[\"a\"]}]}]}");
        assertThat(badPack.statusCode()).isEqualTo(422);
        assertThat(badPack.body()).contains("unknown operator 'phrase'");
        assertThat(console.api("PUT", "api/rules/modes/xss-exploit?app=shop", "{\"mode\":\"default\"}").statusCode()).isEqualTo(204);
    }
}
