package io.bosang.compare;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.params.ParameterValue;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PolicyDiffTest {
    static ClaimValue value(long record, Outcome outcome, long krw, String rule, String multiplier) {
        return new ClaimValue(record, "C-" + record, outcome, krw, krw, Duration.ZERO, krw == 0 ? Map.of() : Map.of(rule, krw),
                List.of(), Map.of("m", new ParameterValue("m", multiplier, "ratio", LocalDate.of(2022, 1, 1), "test")));
    }

    @Test
    void countsChangesByRuleParameterAndSizeAndKeepsOnlyTheBiggestInAStableOrder() throws Exception {
        Policy mini = PolicyLoader.load(Path.of("src/test/resources/fixtures/mini"));
        List<ClaimValue> before = new ArrayList<>();
        List<ClaimValue> after = new ArrayList<>();
        long[][] rows = {{1000, 1000}, {1000, 1500}, {2000, 200_000}, {5000, 0}, {300, 300}, {700, 1200}};
        for (int i = 0; i < rows.length; i++) {
            before.add(value(i + 1, rows[i][0] == 0 ? Outcome.NO_AWARD : Outcome.AWARD, rows[i][0], "R-1", "3"));
            after.add(value(i + 1, rows[i][1] == 0 ? Outcome.NO_AWARD : Outcome.AWARD, rows[i][1], "R-1", "4"));
        }
        PolicyDiff.Report r = PolicyDiff.compare(mini, mini, before, after, 3);
        assertEquals(6, r.claims());
        assertEquals(4, r.changedClaims(), "rows 1 and 5 are unchanged");
        assertEquals(1, r.changedOutcomes());
        assertEquals(Outcome.AWARD, r.transitions().get(0).from());
        assertEquals(Outcome.NO_AWARD, r.transitions().get(0).to());
        assertEquals(10_000 - 10_000 + 500 + 198_000 - 5000 + 500, r.deltaKrw());
        assertEquals(List.of(3L, 4L, 2L), r.biggest().stream().map(PolicyDiff.ClaimChange::record).toList(),
                "largest change first; equal changes (+500, +500) in input order; only the top 3");
        assertEquals(List.of(new PolicyDiff.Bucket("-10,000 to -1,001", 1), new PolicyDiff.Bucket("+1 to +1,000", 2),
                new PolicyDiff.Bucket("> +100,000", 1)), r.distribution());
        assertEquals("R-1", r.byRule().get(0).ruleId());
        assertEquals(4, r.byRule().get(0).claims());
    }

    @Test
    void bucketEdgesBelongToTheSmallerChange() {
        assertEquals(3, PolicyDiff.bucketOf(-1));
        assertEquals(3, PolicyDiff.bucketOf(-1_000));
        assertEquals(2, PolicyDiff.bucketOf(-1_001));
        assertEquals(4, PolicyDiff.bucketOf(0));
        assertEquals(5, PolicyDiff.bucketOf(1_000));
        assertEquals(6, PolicyDiff.bucketOf(1_001));
        assertEquals(8, PolicyDiff.bucketOf(100_001));
    }
}
