package io.palisade.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.config.SettingsReader;
import io.palisade.core.counters.Counters;
import io.palisade.core.request.Detection;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import io.palisade.core.testing.BenignText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The built-in request rules over the benign corpus ({@link BenignText}: 20,000 texts users type),
 * each text as a query value: no high-confidence rule may fire on any of them, and with every rule in
 * block mode ({@code palisade.rules.block=all}) at most 0.1 % may be flagged. Writes
 * target/benign-precision.txt with every text flagged and by which rule.
 */
class BenignPrecisionTest {

    @Test
    void theBenignCorpusIsNeverBlockedByDefaultAndRarelyFlaggedByAnyRule() throws IOException {
        List<String> corpus = BenignText.corpus();
        assertThat(corpus).hasSize(BenignText.COUNT);
        RuleEngine all = new RuleEngine(SettingsReader.read(Map.of("palisade.rules.block", "all")::get), null,
                new RequestContext(), new Counters());
        Map<String, Integer> byRule = new TreeMap<>();
        StringBuilder flagged = new StringBuilder();
        int flaggedTexts = 0;
        int highConfidence = 0;
        for (String text : corpus) {
            RequestRecord record = new RequestRecord("p", "GET", "/api/safe/books/search", "192.0.2.1", RequestLimits.DEFAULT);
            record.addBoundInput(InputSource.QUERY, "q", text);
            all.inspectRequest(record);
            if (!record.detections().isEmpty()) {
                flaggedTexts++;
                for (Detection detection : record.detections()) {
                    byRule.merge(detection.ruleId(), 1, Integer::sum);
                    if (detection.confidence().equals(Detection.HIGH)) {
                        highConfidence++;
                    }
                    flagged.append(detection.ruleId()).append(": ").append(text.replace("\n", "\\n")).append('\n');
                }
            }
        }
        String report = String.format("benign texts: %d (seed %d)%nflagged by any rule (palisade.rules.block=all): %d"
                + " (%.3f %%)%nflagged by a high-confidence rule (blocked by default): %d%nby rule: %s%n%n%s",
                corpus.size(), BenignText.SEED, flaggedTexts, 100.0 * flaggedTexts / corpus.size(), highConfidence, byRule,
                flagged);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "benign-precision.txt"), report);
        System.out.println(report.lines().limit(4).reduce("", (a, b) -> a + b + "\n"));
        assertThat(highConfidence).as("benign texts a default configuration blocks (target/benign-precision.txt)").isZero();
        assertThat(flaggedTexts).as("benign texts flagged with every rule in block mode (target/benign-precision.txt)")
                .isLessThanOrEqualTo(corpus.size() / 1000);
    }
}
