package io.palisade.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebClient;
import org.htmlunit.WebRequest;
import org.htmlunit.html.DomElement;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.util.NameValuePair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard driven by HtmlUnit (a real browser engine, with JavaScript on): log in, see the attacks,
 * change a rule, block a client; and attack payloads in every field an agent sends shown as text.
 */
class PagesTest {

    /** Payloads that would run or inject markup if any page wrote them raw. */
    static final List<String> PAYLOADS = List.of("<img src=x onerror=alert(1)>", "\"><script>alert(2)</script>",
            "'><svg onload=alert(3)>", "javascript:alert(4)", "</textarea><script>alert(5)</script>",
            "<a href=\"javascript:alert(6)\">x</a>", "`-alert(7)-`", "</title><iframe src=javascript:alert(8)>");

    static RunningConsole console;
    static String token;
    WebClient browser;
    final List<String> alerts = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        console = new RunningConsole();
        token = console.console().provision("shop");
        seed();
    }

    @AfterAll
    static void stop() {
        console.close();
    }

    /** An agent whose every field carries payloads: login, hook points, events. */
    static void seed() throws Exception {
        StringBuilder hookPoints = new StringBuilder("\"jaxrs:com.shop.Search#find(java.lang.String)\"");
        for (String payload : PAYLOADS) {
            hookPoints.append(',').append(jakarta.json.Json.createValue("jaxrs:" + payload));
        }
        HttpResponse<String> login = console.send("POST", "v1/agents/login", "Bearer " + token,
                "{\"agent_version\":" + jakarta.json.Json.createValue(PAYLOADS.get(0)) + ",\"runtime\":"
                        + jakarta.json.Json.createValue(PAYLOADS.get(1)) + ",\"protocol\":1,\"hook_points\":[" + hookPoints + "]}");
        String agent = AgentProtocolTest.json(login.body()).getString("agent_id");
        List<String> events = new ArrayList<>();
        events.add(AgentProtocolTest.attack("sqli-structure", "x' OR '1'='1", true));
        for (String p : PAYLOADS) {
            String v = jakarta.json.Json.createValue(p).toString();
            events.add("{\"type\":\"attack\",\"request_id\":" + v + ",\"time\":\"2026-12-03T10:00:00Z\",\"rule_id\":" + v
                    + ",\"attack_type\":" + v + ",\"confidence\":" + v + ",\"hook_point\":" + v + ",\"blocked\":false,\"mode\":"
                    + v + ",\"client_ip\":" + v + ",\"method\":" + v + ",\"path\":" + v + ",\"resource\":" + v + ",\"reason\":" + v
                    + ",\"input\":{\"source\":" + v + ",\"name\":" + v + ",\"value\":" + v + "},\"statement\":" + v + "}");
        }
        HttpResponse<String> stored = console.send("POST", "v1/batches", "Bearer " + token, AgentProtocolTest.batch(agent,
                UUID.randomUUID().toString(), "{\"requests\":100,\"blocked\":1}", events.toArray(String[]::new)));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(202);
        // Payloads in what people type too: an exclusion's reason, an IP block's reason, a token's label.
        assertThat(console.api("POST", "api/rules/exclusions?app=shop", "{\"rule\":\"xss-request\",\"input\":\"query:q\","
                + "\"path\":\"/api/search\",\"reason\":" + jakarta.json.Json.createValue(PAYLOADS.get(2)) + "}").statusCode()).isEqualTo(201);
        assertThat(console.api("POST", "api/ip-blocks?app=shop", "{\"address\":\"198.51.100.9\",\"minutes\":60,\"reason\":"
                + jakarta.json.Json.createValue(PAYLOADS.get(3)) + "}").statusCode()).isEqualTo(201);
        assertThat(console.api("POST", "api/applications/shop/tokens", "{\"label\":" + jakarta.json.Json.createValue(PAYLOADS.get(4))
                + "}").statusCode()).isEqualTo(201);
    }

    @BeforeEach
    void openBrowser() {
        browser = new WebClient();
        browser.getOptions().setJavaScriptEnabled(true);
        browser.getOptions().setCssEnabled(true);
        browser.getOptions().setThrowExceptionOnFailingStatusCode(true);
        browser.setAlertHandler((page, message) -> alerts.add(message));
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    HtmlPage logIn() throws Exception {
        HtmlPage login = browser.getPage(console.uri("login").toURL());
        HtmlForm form = login.getForms().get(0);
        form.getInputByName("name").setValue("admin");
        form.getInputByName("password").setValue(RunningConsole.ADMIN_PASSWORD);
        return form.getOneHtmlElementByAttribute("button", "type", "submit").click();
    }

    HtmlPage open(String path) throws Exception {
        return browser.getPage(console.uri(path).toURL());
    }

    @Test
    void pagesNeedALoginAndTheApiNeverRedirects() throws Exception {
        HttpResponse<String> page = console.send("GET", "app/shop", null, null);
        assertThat(page.statusCode()).isEqualTo(303);
        assertThat(page.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> api = console.send("GET", "api/events?app=shop", null, null);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(console.send("GET", "api/events?app=shop", "Basic " + java.util.Base64.getEncoder()
                .encodeToString("admin:wrong password".getBytes()), null).statusCode()).isEqualTo(401);
        // An API token works as well as the password.
        HttpResponse<String> created = console.api("POST", "api/tokens", "{\"label\":\"script\"}");
        String apiToken = AgentProtocolTest.json(created.body()).getString("api_token");
        assertThat(console.send("GET", "api/events?app=shop", "Bearer " + apiToken, null).statusCode()).isEqualTo(200);
        // An agent token is not an API token.
        assertThat(console.send("GET", "api/events?app=shop", "Bearer " + token, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteStrict() throws Exception {
        HttpResponse<String> answer = console.send("POST", "login", null, null, "Content-Type", "application/x-www-form-urlencoded");
        assertThat(answer.statusCode()).isEqualTo(401);
        HttpResponse<String> ok = console.http.send(java.net.http.HttpRequest.newBuilder(console.uri("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("name=admin&password="
                        + java.net.URLEncoder.encode(RunningConsole.ADMIN_PASSWORD, java.nio.charset.StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).isEqualTo(303);
        String cookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith(ConsoleAuth.COOKIE + "=").containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Strict");
        assertThat(ok.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("default-src 'none'");
    }

    @Test
    void anAttackPayloadInAnyFieldIsShownAsTextOnEveryPage() throws Exception {
        HtmlPage home = logIn();
        assertThat(home.asNormalizedText()).contains("shop");
        List<String> pages = new ArrayList<>(List.of("", "app/shop", "app/shop?hours=720", "app/shop/attacks?hours=720",
                "app/shop/inventory", "app/shop/rules", "app/shop/ip-blocks", "app/shop/tokens", "audit", "api-tokens"));
        HtmlPage attacks = open("app/shop/attacks?hours=720");
        for (HtmlAnchor link : attacks.getAnchors()) {
            if (link.getHrefAttribute().matches("/app/shop/attacks/\\d+")) {
                pages.add(link.getHrefAttribute().substring(1));
            }
        }
        assertThat(pages).hasSizeGreaterThan(8 + PAYLOADS.size() - 1);
        // Filters fed with payloads are echoed into inputs: as values, not markup.
        for (String payload : PAYLOADS) {
            pages.add("app/shop/attacks?hours=720&rule=" + java.net.URLEncoder.encode(payload, java.nio.charset.StandardCharsets.UTF_8));
        }
        for (String path : pages) {
            HtmlPage page = open(path);
            assertThat(page.getElementsByTagName("script")).as(path).isEmpty();
            assertThat(page.getElementsByTagName("img")).as(path).isEmpty();
            assertThat(page.getElementsByTagName("iframe")).as(path).isEmpty();
            for (DomElement element : page.getDomElementDescendants()) {
                for (org.htmlunit.html.DomAttr attribute : element.getAttributesMap().values()) {
                    assertThat(attribute.getName()).as(path).doesNotStartWith("on");
                    if (List.of("href", "src", "action", "formaction", "xlink:href").contains(attribute.getName())) {
                        assertThat(attribute.getValue().strip().toLowerCase(java.util.Locale.ROOT)).as(path + " " + attribute.getName())
                                .startsWith("/");
                    }
                }
            }
        }
        browser.waitForBackgroundJavaScript(500);
        assertThat(alerts).isEmpty();
        // The payloads are there, as text.
        String attackText = open("app/shop/attacks?hours=720").asNormalizedText();
        assertThat(attackText).contains("<img src=x onerror=alert(1)>").contains("\"><script>alert(2)</script>");
        assertThat(open("app/shop/inventory").asNormalizedText()).contains("jaxrs:<img src=x onerror=alert(1)>");
        assertThat(open("app/shop/ip-blocks").asNormalizedText()).contains("javascript:alert(4)");
    }

    @Test
    void switchingARuleToMonitorReachesThePackAndTheAuditTrail() throws Exception {
        logIn();
        HtmlPage rules = open("app/shop/rules");
        HtmlForm form = rules.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/rules/mode")
                && "command-injection-exploit".equals(f.getInputByName("rule").getValue())).findFirst().orElseThrow();
        HtmlSelect mode = form.getSelectByName("mode");
        mode.setSelectedAttribute("monitor", true);
        HtmlPage after = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(after.getUrl().getPath()).isEqualTo("/app/shop/rules");
        assertThat(after.asNormalizedText()).contains("command-injection-exploit -> monitor");
        HttpResponse<String> pack = console.send("GET", "v1/rules", "Bearer " + token, null);
        assertThat(AgentProtocolTest.json(pack.body()).getJsonObject("modes").getString("command-injection-exploit"))
                .isEqualTo("monitor");
        // A custom pack the agent would refuse is refused here, with the agent's message, and kept in the form.
        HtmlForm custom = after.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/rules/custom")).findFirst()
                .orElseThrow();
        custom.getTextAreaByName("pack").setText("{\"format\":\"palisade-rules/1\",\"version\":\"v\",\"rules\":[{\"id\":\"r\","
                + "\"attack_type\":\"x\",\"conditions\":[{\"inputs\":[\"query\"],\"operator\":\"phrase\",\"value\":[\"a\"]}]}]}");
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        HtmlPage refused = custom.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(refused.getWebResponse().getStatusCode()).isEqualTo(422);
        assertThat(refused.asNormalizedText()).contains("unknown operator 'phrase'");
        assertThat(refused.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/rules/custom")).findFirst()
                .orElseThrow().getTextAreaByName("pack").getText()).contains("\"phrase\"");
    }

    @Test
    void blockingAClientFromAnAttackPutsItInThePack() throws Exception {
        logIn();
        HtmlPage attacks = open("app/shop/attacks?hours=720&rule=sqli-structure");
        HtmlAnchor first = attacks.getAnchors().stream().filter(a -> a.getHrefAttribute().matches("/app/shop/attacks/\\d+"))
                .findFirst().orElseThrow();
        HtmlPage detail = first.click();
        assertThat(detail.asNormalizedText()).contains("x' OR '1'='1").contains("192.0.2.44");
        HtmlForm block = detail.getForms().stream().filter(f -> f.getActionAttribute().endsWith("/ip-blocks")).findFirst()
                .orElseThrow();
        HtmlPage blocks = block.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(blocks.asNormalizedText()).contains("192.0.2.44").contains("blocked from attack #");
        HttpResponse<String> pack = console.send("GET", "v1/rules", "Bearer " + token, null);
        assertThat(AgentProtocolTest.json(pack.body()).getJsonObject("data").getJsonArray("ip_denylist").toString())
                .contains("192.0.2.44");
    }

    @Test
    void bodiesAreBoundedBeforeAnyoneIsAuthenticated() throws Exception {
        // A chunked login form of 1 MiB: cut off at 16 KiB, not read into memory.
        byte[] big = ("name=admin&password=" + "x".repeat(1024 * 1024)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        HttpResponse<String> login = console.http.send(java.net.http.HttpRequest.newBuilder(console.uri("login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).isEqualTo(413);
        // A declared length over the bound is refused at once.
        HttpResponse<String> pack = console.api("PUT", "api/rules/custom?app=shop", "x".repeat(ConsoleApi.MAX_BODY + 1));
        assertThat(pack.statusCode()).isEqualTo(413);
    }

    @Test
    void apiTokensAreMadeAndRevokedOnTheirPage() throws Exception {
        logIn();
        HtmlPage tokens = open("api-tokens");
        HtmlForm form = tokens.getForms().stream().filter(f -> f.getActionAttribute().equals("/api-tokens")).findFirst()
                .orElseThrow();
        form.getInputByName("label").setValue("nightly report");
        HtmlPage created = form.getOneHtmlElementByAttribute("button", "type", "submit").click();
        String token = created.getFirstByXPath("//p[@class='notice']/code/text()").toString();
        assertThat(token).startsWith("pcon_");
        assertThat(console.send("GET", "api/applications", "Bearer " + token, null).statusCode()).isEqualTo(200);
        HtmlForm revoke = created.getForms().stream().filter(f -> f.getActionAttribute().matches("/api-tokens/\\d+/revoke"))
                .reduce((first, second) -> second).orElseThrow();
        revoke.getOneHtmlElementByAttribute("button", "type", "submit").click();
        assertThat(console.send("GET", "api/applications", "Bearer " + token, null).statusCode()).isEqualTo(401);
        assertThat(open("audit").asNormalizedText()).contains("api token created").contains("api token revoked");
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefused() throws Exception {
        logIn();
        WebRequest forged = new WebRequest(new URL(console.uri("app/shop/ip-blocks").toString()), HttpMethod.POST);
        forged.setRequestParameters(List.of(new NameValuePair("address", "0.0.0.0/0"), new NameValuePair("minutes", "60"),
                new NameValuePair("reason", "forged")));
        browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
        Page answer = browser.getPage(forged);
        assertThat(answer.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(console.api("GET", "api/ip-blocks?app=shop", null).body()).doesNotContain("0.0.0.0/0");
    }
}
