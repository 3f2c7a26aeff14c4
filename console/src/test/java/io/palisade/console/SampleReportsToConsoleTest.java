package io.palisade.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: the real sample, protected by the real agent jar in a JVM of its own, reporting to a real
 * console. An attack appears in the console; what the console changes reaches the sample within a rules
 * poll. (The sample is built before this module in the reactor; its class path is what its build wrote.)
 */
class SampleReportsToConsoleTest {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final String XSS = "/api/books/search?q=%3Cscript%3Ealert(1)%3C/script%3E";

    static RunningConsole console;
    static SampleProcess sample;
    static URI sampleUri;

    @BeforeAll
    static void start() throws Exception {
        console = new RunningConsole();
        String token = console.console().provision("bookstore");
        // The test speaks for other clients through X-Forwarded-For, which only a configured proxy may set.
        sample = SampleProcess.start(console.server.uri(), token, java.util.Map.of("PALISADE_TRUSTED_PROXIES", "127.0.0.1"));
        sampleUri = sample.uri;
    }

    @AfterAll
    static void stop() throws Exception {
        if (sample != null) {
            sample.close();
        }
        if (console != null) {
            console.close();
        }
    }

    static int get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(sampleUri.resolve(path)).timeout(Duration.ofSeconds(10));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    long events(String query) throws Exception {
        HttpResponse<String> answer = console.api("GET", "api/events?app=bookstore" + query, null);
        return AgentProtocolTest.json(answer.body()).getJsonNumber("total").longValue();
    }

    @Test
    void anAttackOnTheSampleAppearsInTheConsoleAndWhatTheConsoleChangesReachesTheSample() throws Exception {
        assertThat(get("/api/books/search?q=Emma")).isEqualTo(200);
        assertThat(get(XSS)).isEqualTo(403);
        await().atMost(Duration.ofSeconds(15)).until(() -> events("&rule=xss-exploit") >= 1);
        HttpResponse<String> listed = console.api("GET", "api/events?app=bookstore&rule=xss-exploit", null);
        assertThat(listed.body()).contains("\"path\":\"/api/books/search\"").contains("\"client_ip\":\"127.0.0.1\"")
                .contains("\"blocked\":true").contains("<script>alert(1)</script>");
        // The agent's login made its hook table the API inventory.
        await().atMost(Duration.ofSeconds(5)).until(() -> console.api("GET", "api/inventory?app=bookstore", null).body()
                .contains("BookResource#search(java.lang.String)"));
        // And the page shows it, as text.
        try (WebClient browser = new WebClient()) {
            HtmlPage login = browser.getPage(console.uri("login").toURL());
            HtmlForm form = login.getForms().get(0);
            form.getInputByName("password").setValue(RunningConsole.ADMIN_PASSWORD);
            form.getOneHtmlElementByAttribute("button", "type", "submit").click();
            HtmlPage attacks = browser.getPage(console.uri("app/bookstore/attacks").toURL());
            assertThat(attacks.asNormalizedText()).contains("xss-exploit").contains("<script>alert(1)</script>");
            assertThat(attacks.getElementsByTagName("script")).isEmpty();
        }

        // Switched to monitor in the console: the sample lets the attack through within a poll, and still reports it.
        assertThat(console.api("PUT", "api/rules/modes/xss-exploit?app=bookstore", "{\"mode\":\"monitor\"}").statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> get(XSS) == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> events("&rule=xss-exploit&blocked=false") >= 1);
        assertThat(console.api("PUT", "api/rules/modes/xss-exploit?app=bookstore", "{\"mode\":\"default\"}").statusCode())
                .isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> get(XSS) == 403);
    }

    @Test
    void aClientBlockedInTheConsoleIsAnswered403UntilTheBlockEnds() throws Exception {
        String attacker = "203.0.113.50";
        assertThat(get("/api/books/search?q=Emma", "X-Forwarded-For", attacker)).isEqualTo(200);
        Store.Application app = console.console().store().application("bookstore").orElseThrow();
        // A short block, so that its end is part of the test.
        console.console().policy().blockIp("test", app, attacker, Duration.ofSeconds(6), "seen probing");
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/books/search?q=Emma", "X-Forwarded-For", attacker) == 403);
        assertThat(get("/api/books/search?q=Emma", "X-Forwarded-For", "203.0.113.51")).isEqualTo(200);
        assertThat(get("/api/books/search?q=Emma")).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> get("/api/books/search?q=Emma", "X-Forwarded-For", attacker) == 200);
        // Blocked from the API, unblocked from the API.
        HttpResponse<String> block = console.api("POST", "api/ip-blocks?app=bookstore", "{\"address\":\"203.0.113.0/24\","
                + "\"minutes\":60,\"reason\":\"range\"}");
        long id = AgentProtocolTest.json(block.body()).getJsonNumber("id").longValue();
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/books/search?q=Emma", "X-Forwarded-For", "203.0.113.77") == 403);
        assertThat(console.api("DELETE", "api/ip-blocks/" + id + "?app=bookstore", null).statusCode()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(10)).until(() -> get("/api/books/search?q=Emma", "X-Forwarded-For", "203.0.113.77") == 200);
    }
}
