package io.palisade.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.request.RequestInput;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyInputsTest {

    private final RequestLimits limits = new RequestLimits(20, 64, 4, 1024);

    private RequestRecord record() {
        return new RequestRecord("id", "POST", "/x", null, limits);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLeavesAreNamedByTheirPath() {
        RequestRecord record = record();
        byte[] body = bytes("{\"user\":{\"name\":\"alice' --\",\"age\":42},\"tags\":[\"a\",{\"k\":\"v\"}],\"ok\":true,\"n\":null}");
        BodyInputs.json(body, body.length, limits.maxJsonDepth(), record);
        assertThat(record.inputs()).extracting(RequestInput::qualifiedName, RequestInput::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple("json:user.name", "alice' --"),
                org.assertj.core.groups.Tuple.tuple("json:user.age", "42"),
                org.assertj.core.groups.Tuple.tuple("json:tags[0]", "a"),
                org.assertj.core.groups.Tuple.tuple("json:tags[1].k", "v"));
    }

    @Test
    void aTopLevelValueIsNamedDollar() {
        RequestRecord record = record();
        byte[] body = bytes("\"1 OR 1=1\"");
        BodyInputs.json(body, body.length, 4, record);
        assertThat(record.inputs()).extracting(RequestInput::qualifiedName).containsExactly("json:$");
    }

    @Test
    void deepDocumentsAreCollectedOnlyToTheDepthBound() {
        RequestRecord record = record();
        String deep = "[".repeat(1000) + "\"deep\"" + "]".repeat(1000);
        byte[] body = bytes("{\"top\":\"kept\",\"deep\":" + deep + "}");
        BodyInputs.json(body, body.length, limits.maxJsonDepth(), record);
        assertThat(record.inputs()).extracting(RequestInput::value).containsExactly("kept");
    }

    @Test
    void truncatedOrMalformedJsonKeepsWhatWasRead() {
        RequestRecord record = record();
        byte[] body = bytes("{\"a\":\"1\",\"b\":\"2\",\"c\":\"unfinish");
        BodyInputs.json(body, body.length, 4, record);
        assertThat(record.inputs()).extracting(RequestInput::name).containsExactly("a", "b");
        BodyInputs.json(bytes("not json at all"), 15, 4, record());
    }

    @Test
    void inputsStopAtTheCountBoundAndValuesAreCut() {
        RequestRecord record = record();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            json.append(i == 0 ? "" : ",").append("\"").append("x".repeat(100)).append("\"");
        }
        byte[] body = bytes(json.append("]").toString());
        BodyInputs.json(body, body.length, 4, record);
        assertThat(record.inputs()).hasSize(20).allSatisfy(input -> {
            assertThat(input.value()).hasSize(64);
            assertThat(input.truncated()).isTrue();
        });
        assertThat(record.inputsDropped()).isEqualTo(1);
    }
}
