package io.palisade.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.palisade.core.detect.sql.SqlDialect;
import io.palisade.core.detect.sql.SqlInjectionDetector;
import io.palisade.core.detect.sql.SqlTokenizer;
import io.palisade.core.detect.sql.SqlTokens;
import io.palisade.core.net.ClientIp;
import io.palisade.core.net.IpRanges;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestInput;
import io.palisade.core.rules.RulePackException;
import io.palisade.core.rules.RulePackParser;
import io.palisade.core.rules.SignedPack;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Fuzz tests of the parsers that read what an attacker or the network controls. In {@code mvn verify}
 * each replays its committed seed inputs ({@code src/test/resources/io/palisade/core/fuzz/ParserFuzzTestInputs/<method>/});
 * with {@code JAZZER_FUZZ=1} it fuzzes (docs/internals/fuzzing.md). Each asserts that nothing but the
 * parser's own exception escapes, and an invariant.
 */
class ParserFuzzTest {

    private static final IpRanges TRUSTED = new IpRanges(List.of("10.0.0.0/8", "2001:db8::/32"));
    private static final ClientIp XFF = new ClientIp(TRUSTED, "X-Forwarded-For");
    private static final ClientIp FORWARDED = new ClientIp(TRUSTED, "Forwarded");

    /** The tokens cover the statement exactly: in order, not empty, only whitespace between them. */
    @FuzzTest(maxDuration = "10s")
    void sqlTokensCoverTheStatementAndTheCheckNeverThrows(FuzzedDataProvider data) {
        SqlDialect dialect = data.pickValue(SqlDialect.values());
        String input = data.consumeString(64);
        String sql = data.consumeRemainingAsString();
        SqlTokens tokens = SqlTokenizer.tokenize(sql, dialect);
        int previous = 0;
        for (int i = 0; i < tokens.count(); i++) {
            assertThat(tokens.start(i)).isGreaterThanOrEqualTo(previous);
            assertThat(tokens.end(i)).isGreaterThan(tokens.start(i)).isLessThanOrEqualTo(sql.length());
            for (int j = previous; j < tokens.start(i); j++) {
                assertThat(Character.isWhitespace(sql.charAt(j))).as("a gap at %d in %s", j, dialect).isTrue();
            }
            previous = tokens.end(i);
        }
        for (int j = previous; j < sql.length(); j++) {
            assertThat(Character.isWhitespace(sql.charAt(j))).isTrue();
        }
        SqlInjectionDetector.find(sql, dialect, List.of(new RequestInput(InputSource.QUERY, "q", input, false)));
        SqlInjectionDetector.find(sql + input + sql, dialect, List.of(new RequestInput(InputSource.JSON, "a.b", input, true)));
    }

    /** A rule pack either parses or is refused with a RulePackException; so does a signed envelope. */
    @FuzzTest(maxDuration = "10s")
    void rulePacksParseOrAreRefusedCleanly(FuzzedDataProvider data) {
        String text = data.consumeRemainingAsString();
        try {
            RulePackParser.Pack pack = RulePackParser.parse(text, "fuzz");
            assertThat(pack.version()).isNotBlank();
        } catch (RulePackException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
        try {
            SignedPack.verify(text, "fuzz", Map.of(), Instant.now());
        } catch (RulePackException refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** The client-address walk never names a trusted proxy as the client, and never throws. */
    @FuzzTest(maxDuration = "10s")
    void theClientIsNeverATrustedProxy(FuzzedDataProvider data) {
        String peer = data.pickValue(new String[] {"10.0.0.1", "203.0.113.7", "2001:db8::1", "::1", "not-an-address"});
        boolean forwarded = data.consumeBoolean();
        String header = data.consumeRemainingAsString();
        ClientIp.Resolution resolution = (forwarded ? FORWARDED : XFF).resolve(peer, List.of(header));
        if (resolution.client() != null && !resolution.client().equals(peer)) {
            assertThat(TRUSTED.contains(resolution.client())).as(resolution.client()).isFalse();
        }
    }
}
