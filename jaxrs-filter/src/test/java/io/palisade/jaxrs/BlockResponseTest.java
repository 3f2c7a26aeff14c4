package io.palisade.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.MediaType;
import java.util.List;
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

    @Test
    void theJaxRsListAndTheRawHeaderAgree() {
        // The JAX-RS runtime hands the acceptable types already sorted; the same header read raw agrees.
        assertThat(BlockResponse.prefersHtml(List.of(new MediaType("text", "html"), MediaType.APPLICATION_JSON_TYPE)))
                .isEqualTo(BlockResponse.prefersHtml("application/json;q=0.5, text/html")).isTrue();
        assertThat(BlockResponse.prefersHtml(List.of(MediaType.APPLICATION_JSON_TYPE, new MediaType("text", "html"))))
                .isEqualTo(BlockResponse.prefersHtml("text/html;q=0.5, application/json")).isFalse();
        assertThat(BlockResponse.prefersHtml(List.of(MediaType.WILDCARD_TYPE)))
                .isEqualTo(BlockResponse.prefersHtml("*/*")).isFalse();
    }
}
