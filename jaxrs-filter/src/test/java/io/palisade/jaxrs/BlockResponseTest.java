package io.palisade.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.config.Settings;
import io.palisade.core.config.SettingsReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The block response's one content negotiation, for the JAX-RS filters and the servlet filter alike. */
class BlockResponseTest {

    @Test
    void aRawAcceptHeaderIsReadByQualityThenSpecificityThenOrder() {
        assertThat(BlockResponse.prefersHtml((String) null)).as("absent: JSON").isFalse();
        assertThat(BlockResponse.prefersHtml("")).isFalse();
        assertThat(BlockResponse.prefersHtml("text/html")).isTrue();
        assertThat(BlockResponse.prefersHtml("*/*")).isFalse();
        assertThat(BlockResponse.prefersHtml("text/*")).isTrue();
        assertThat(BlockResponse.prefersHtml("application/json, text/html")).isFalse();
        assertThat(BlockResponse.prefersHtml("text/html;q=0.5, application/json")).as("by quality, not position").isFalse();
        assertThat(BlockResponse.prefersHtml("application/json;q=0.1, text/html")).isTrue();
        assertThat(BlockResponse.prefersHtml("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"))
                .as("a browser").isTrue();
        assertThat(BlockResponse.prefersHtml("*/*, text/html")).as("the specific range first").isTrue();
        assertThat(BlockResponse.prefersHtml("application/*, text/html;q=0.9")).isFalse();
        assertThat(BlockResponse.prefersHtml("text/html;q=0, application/json;q=0.2")).as("q=0 refuses").isFalse();
        assertThat(BlockResponse.prefersHtml("TEXT/HTML ; q=1")).isTrue();
        assertThat(BlockResponse.prefersHtml("garbage, ;;, /x, text/html;q=abc")).isTrue();
    }

    /** What a path's target was told to write. */
    private static final class Written implements BlockResponse.Target {
        int status;
        final java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        String contentType;
        String body;

        @Override
        public void status(int status) {
            this.status = status;
        }

        @Override
        public void header(String name, String value) {
            headers.put(name, value);
        }

        @Override
        public void body(String contentType, String body) {
            this.contentType = contentType;
            this.body = body;
        }
    }

    private static Written written(Settings settings, String accept) throws Exception {
        Written target = new Written();
        new BlockResponse(settings).write("req-42", accept, target);
        return target;
    }

    @Test
    void everyPathWritesTheSameAnswerWithTheRequestIdAndNothingAboutTheRule() throws Exception {
        Written json = written(Settings.defaults(), null);
        assertThat(json.status).isEqualTo(403);
        assertThat(json.headers).containsExactly(Map.entry("Cache-Control", "no-store"));
        assertThat(json.contentType).isEqualTo("application/json;charset=UTF-8");
        assertThat(json.body).isEqualTo("{\"error\":\"request blocked\",\"request_id\":\"req-42\"}");

        Written html = written(Settings.defaults(), "text/html,application/xhtml+xml,*/*;q=0.8");
        assertThat(html.contentType).isEqualTo("text/html;charset=UTF-8");
        assertThat(html.body).contains("Request blocked", "req-42").doesNotContain("sql", "rule", "xss");
    }

    @Test
    void theConfiguredStatusAndRedirectAreWrittenTheSameWay() throws Exception {
        Written teapot = written(SettingsReader.read(Map.of("palisade.block.status", "418")::get), "application/json");
        assertThat(teapot.status).isEqualTo(418);

        Written redirect = written(SettingsReader.read(Map.of("palisade.block.redirect",
                "https://shop.example/blocked")::get), "text/html");
        assertThat(redirect.status).isEqualTo(303);
        assertThat(redirect.headers).containsEntry("Location", "https://shop.example/blocked")
                .containsEntry("Cache-Control", "no-store");
        assertThat(redirect.body).as("no body with a redirect").isNull();
    }
}
