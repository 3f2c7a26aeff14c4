package io.palisade.jaxrs;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.request.Incompleteness;
import io.palisade.core.request.RequestInput;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyInputsTest {

    private final RequestLimits limits = new RequestLimits(20, 64, 4, 1024, 4096);

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
    void unboundLeavesStopAtTheCountBoundAndLongValuesAreKeptWholeButFlagged() {
        RequestRecord record = record();
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 100; i++) {
            json.append(i == 0 ? "" : ",").append("\"").append("x".repeat(100)).append("\"");
        }
        byte[] body = bytes(json.append("]").toString());
        BodyInputs.json(body, body.length, 4, record);
        assertThat(record.inputs()).hasSize(20).allSatisfy(input -> {
            assertThat(input.value()).hasSize(100);
            assertThat(input.bound()).isFalse();
        });
        assertThat(record.inputsDropped()).isEqualTo(1);
        assertThat(record.incompleteness()).containsExactlyInAnyOrder(Incompleteness.INPUTS_DROPPED, Incompleteness.VALUE_CUT);
    }

    @Test
    void leavesDeeperThanTheBoundFlagTheRecord() {
        RequestRecord record = record();
        byte[] body = bytes("{\"a\":{\"b\":{\"c\":{\"d\":{\"e\":\"deep\"}}}},\"top\":\"kept\"}");
        BodyInputs.json(body, body.length, 4, record);
        assertThat(record.inputs()).extracting(RequestInput::value).containsExactly("kept");
        assertThat(record.incompleteness()).contains(Incompleteness.BODY_CUT);
    }

    @Test
    void aBoundBodyIsCopiedAsTheApplicationReadsItAndParsedWholeOnDemand() throws Exception {
        RequestRecord record = record();
        String padding = " ".repeat(3000);
        byte[] body = bytes("{\"pad\":\"" + "x".repeat(2000) + "\"," + padding + "\"author\":\"x' OR '1'='1\"}");
        byte[] head = java.util.Arrays.copyOf(body, 1024);
        BoundBody late = new BoundBody(head, head.length, 1 << 20);
        java.io.InputStream rest = new java.io.ByteArrayInputStream(body, 1024, body.length - 1024);
        java.io.InputStream application = late.stream(rest);
        record.lateInputs(late);
        record.settle();
        assertThat(record.inputs()).as("nothing read yet, nothing new").isEmpty();
        assertThat(application.readAllBytes()).isEqualTo(body);
        record.settle();
        assertThat(record.inputs()).extracting(RequestInput::qualifiedName, RequestInput::bound).contains(
                org.assertj.core.groups.Tuple.tuple("json:author", true));
        record.settle();
        assertThat(record.inputs()).as("parsed once, not added twice").hasSize(2);
    }

    @Test
    void theCopyIsBoundedAndFlaggedBeyondIt() throws Exception {
        RequestRecord record = record();
        byte[] body = bytes("[\"" + "x".repeat(5000) + "\",\"late\"]");
        BoundBody late = new BoundBody(java.util.Arrays.copyOf(body, 1024), 1024, 2048);
        late.stream(new java.io.ByteArrayInputStream(body, 1024, body.length - 1024)).readAllBytes();
        record.lateInputs(late);
        record.settle();
        assertThat(record.incompleteness()).contains(Incompleteness.BODY_CUT);
        assertThat(record.inputs()).extracting(RequestInput::value).doesNotContain("late");
    }

    @Test
    void deepNestingWithLongKeysCannotMakeNamesGrowQuadratically() {
        // 300 levels, each a 400-character key and a leaf: 120 KB of JSON. Whole paths would be up to
        // 120,000 characters per leaf, 18 million in all; names are cut to a bounded length instead.
        String key = "k".repeat(400);
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            json.append("{\"v\":\"x\",\"").append(key).append("\":");
        }
        json.append("1").append("}".repeat(300));
        java.util.List<String[]> leaves = BodyInputs.all(new java.io.ByteArrayInputStream(bytes(json.toString())));
        assertThat(leaves).hasSize(301);
        long nameChars = leaves.stream().mapToLong(leaf -> leaf[0].length()).sum();
        assertThat(nameChars).isLessThanOrEqualTo(301L * (BodyInputs.MAX_PATH + 1));
        assertThat(leaves.get(0)[0]).isEqualTo("v");
    }

    @Test
    void utf8WithAByteOrderMarkAndUtf16AndUtf32BodiesAreReadAsWell() {
        String json = "{\"user\":{\"name\":\"Ren\u00e9e ' OR 1=1\"}}";
        byte[] utf8 = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] bom = new byte[utf8.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(utf8, 0, bom, 3, utf8.length);
        for (byte[] body : java.util.List.of(utf8, bom, json.getBytes(java.nio.charset.StandardCharsets.UTF_16LE),
                json.getBytes(java.nio.charset.StandardCharsets.UTF_16BE), json.getBytes(java.nio.charset.Charset.forName("UTF-32BE")))) {
            java.util.List<String[]> leaves = BodyInputs.all(body);
            assertThat(leaves).hasSize(1);
            assertThat(leaves.get(0)).containsExactly("user.name", "Ren\u00e9e ' OR 1=1");
        }
    }
}
