package io.palisade.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.palisade.core.config.Settings;
import io.palisade.core.counters.Counters;
import io.palisade.core.request.InputSource;
import io.palisade.core.request.RequestContext;
import io.palisade.core.request.RequestInput;
import io.palisade.core.request.RequestLimits;
import io.palisade.core.request.RequestRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * ReDoS: every condition of every request rule of the built-in pack (regexes, phrase sets and the
 * detectors, whose patterns are RE2/J), with its transformers, on 64 KiB inputs built to make a
 * backtracking engine explode: long runs of what a pattern's prefix wants, never completed. RE2
 * is linear, and a request's input reaches a rule only through the request record, which keeps at
 * most {@code RequestLimits.maxValueLength} (4,096) characters of it: so each evaluation of a
 * 64 KiB input stays within 5 ms. What the same rule takes on all 64 KiB is printed too.
 *
 * <p>Not a benchmark (the JMH benchmarks measure the typical cost): it guards a bound well above what
 * linear matching takes, and takes the best of a few runs so that a busy CI machine does not fail it.
 */
class AdversarialInputTest {

    static final int SIZE = 64 * 1024;
    static final long BOUND_NANOS = 5_000_000;

    static List<String> adversarialInputs() {
        String[] runs = {"<", "<a ", "<a\t", "\"", "'", "' or ", "on", "\" on", "<a onx", "javascript", "java\tscript:",
            "(", "()", "((((", "{", "${", "{{", ";", "; ", "|", "&&", "$(", "`", "\n", "../", "..\\", "..%c0%af", "%",
            "%25", "%2e", "%c0", "&#", "&#x", "&lt;", "\\u00", "\\", "0x2e", "+ADw-", "a", " ", "\u00a0", "union ",
            "union/**/", "select ", "sleep(", "--", "/*", "etc", "passwd", "/etc/", "e", "=", "'='"};
        List<String> inputs = new ArrayList<>();
        for (String run : runs) {
            inputs.add(run.repeat(SIZE / run.length() + 1).substring(0, SIZE));
        }
        Random random = new Random(42);
        for (int n = 0; n < 8; n++) {
            StringBuilder mixed = new StringBuilder(SIZE);
            while (mixed.length() < SIZE) {
                mixed.append(runs[random.nextInt(runs.length)]);
            }
            inputs.add(mixed.substring(0, SIZE));
        }
        return inputs;
    }

    private static long bestOfFive(Rule.Condition condition, String input) {
        // Warm enough that a detector's first meeting with a new shape (a deoptimisation, a compile)
        // is not what is measured: the bound is about the matching, not the JIT.
        for (int warm = 0; warm < 10; warm++) {
            condition.operator().matches(condition.transform(input));
        }
        long best = Long.MAX_VALUE;
        for (int run = 0; run < 5; run++) {
            long start = System.nanoTime();
            condition.operator().matches(condition.transform(input));
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    @Test
    void everyRuleFinishesA64KibAdversarialInputWithinFiveMilliseconds() {
        RuleEngine engine = new RuleEngine(Settings.defaults(), null, new RequestContext(), new Counters());
        List<String> inputs = adversarialInputs();
        List<String> slow = new ArrayList<>();
        StringBuilder report = new StringBuilder("ReDoS check, worst best-of-5 per rule over ")
                .append(inputs.size()).append(" adversarial 64 KiB inputs:\n");
        int evaluated = 0;
        for (Rule rule : engine.rules().requestRules()) {
            long worst = 0;
            long worstWhole = 0;
            for (Rule.Condition condition : rule.conditions()) {
                for (String input : inputs) {
                    // The way a request's input reaches a rule: the record keeps it whole (for the SQL
                    // check) and flags it, and rules look at its first maxValueLength characters.
                    RequestRecord record = new RequestRecord("r", "GET", "/", "192.0.2.1", RequestLimits.DEFAULT);
                    record.addInput(InputSource.QUERY, "q", input);
                    RequestInput kept = record.inputsView().get(0);
                    assertThat(kept.value()).isSameAs(input);
                    assertThat(record.incompleteness()).contains(io.palisade.core.request.Incompleteness.VALUE_CUT);
                    long best = bestOfFive(condition, kept.value().substring(0, RequestLimits.DEFAULT.maxValueLength()));
                    evaluated++;
                    worst = Math.max(worst, best);
                    if (best > BOUND_NANOS) {
                        slow.add(rule.id() + " on " + input.substring(0, 16).replace("\n", "\\n") + "... took "
                                + best / 1000 + " us");
                    }
                    // For the record only: the same rule on the whole 64 KiB, which no request can make it see.
                    worstWhole = Math.max(worstWhole, bestOfFive(condition, input));
                }
            }
            report.append(String.format("  %-20s %6d us (on all 64 KiB, which the bound never lets through: %6d us)%n",
                    rule.id(), worst / 1000, worstWhole / 1000));
        }
        System.out.print(report);
        assertThat(evaluated).isGreaterThan(6 * inputs.size() - 1);
        assertThat(slow).isEmpty();
    }
}
