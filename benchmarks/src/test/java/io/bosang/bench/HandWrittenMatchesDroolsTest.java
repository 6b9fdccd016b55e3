package io.bosang.bench;

import io.bosang.domain.Severity;

import io.bosang.domain.Claim;
import io.bosang.engine.Policy;
import io.bosang.json.Json;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hand-written reference is only a fair limit if it does the same job: on generated claims it must give
 * byte-identical JSON assessments to the Drools path, claim by claim and end to end, and under what-if parameters.
 */
class HandWrittenMatchesDroolsTest {
    private static final int RECORDS = 5_000;
    private static Corpus corpus;

    @BeforeAll
    static void corpus() {
        corpus = Corpus.of(Corpus.CUP, RECORDS, 7L);
    }

    @Test
    void everyClaimGetsTheSameAssessmentAsJson() {
        compare(corpus.policy(), corpus.claims());
    }

    @Test
    void theCorpusReachesEveryRuleAndOutcome() {
        Set<String> seen = new TreeSet<>();
        Set<Outcome> outcomes = new TreeSet<>();
        for (Claim c : corpus.claims()) {
            Assessment a = corpus.policy().assess(c);
            outcomes.add(a.outcome());
            for (AwardLine l : a.lines()) seen.add(l.ruleId() + " " + l.kind());
            for (Finding f : a.findings()) seen.add(f.ruleId() + " " + f.code());
        }
        for (String expected : List.of("CUPG-SCOPE-01 FREE_SERVICE", "CUPG-SCOPE-02 NO_PAID_PLAN", "CUPG-SCOPE-03 PLAN_NOT_ACTIVE",
                "CUPG-SCOPE-04 NOT_DISRUPTED", "CUPG-CLS-02 ONLY_PARTIAL_STOPPAGE", "CUPG-CLS-04 NOTICE_TOO_LATE",
                "CUPG-EXT-01 SERVICE_EXTENSION", "CUPG-EXT-02 SERVICE_EXTENSION", "CUPG-EXT-02 NO_TERMINATION_RIGHT",
                "CUPG-EXT-03 NOT_ATTRIBUTABLE", "CUPG-EXT-04 SERVICE_EXTENSION", "CUPG-EXT-05 SERVICE_EXTENSION",
                "CUPG-TERM-01 TERMINATION_RIGHT", "CUPG-TERM-01 REFUND", "CUPG-TERM-01 DAMAGES_UNLESS_NO_FAULT",
                "CUPG-TERM-01 ALTERNATIVE_REMEDIES")) {
            assertTrue(seen.contains(expected), "corpus never reaches " + expected + "; reached " + seen);
        }
        assertTrue(outcomes.containsAll(List.of(Outcome.AWARD, Outcome.NO_AWARD)), "outcomes " + outcomes);
    }

    @Test
    void endToEndOutputIsByteIdentical() {
        HandWrittenContentUserProtection hw = new HandWrittenContentUserProtection(corpus.policy());
        ByteArrayOutputStream drools = new ByteArrayOutputStream();
        ByteArrayOutputStream drools2 = new ByteArrayOutputStream();
        ByteArrayOutputStream hand = new ByteArrayOutputStream();
        assertEquals(RECORDS, Pipelines.drools(corpus, 1, drools));
        assertEquals(RECORDS, Pipelines.drools(corpus, 2, drools2));
        assertEquals(RECORDS, Pipelines.handWritten(corpus, hw, hand));
        String out = hand.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("\"outcome\":\"REJECTED\""), "the batch has rejected records");
        assertTrue(out.contains("DUPLICATE_CLAIM"), "the batch has settled resubmissions");
        assertArrayEquals(drools.toByteArray(), drools2.toByteArray());
        assertEquals(drools.toString(java.nio.charset.StandardCharsets.UTF_8), out);
    }

    @Test
    void whatIfParametersGiveTheSameAssessmentsToo() {
        Policy base = corpus.policy();
        LocalDate from = LocalDate.of(2012, 1, 1);
        // Partial windows counted too (the policy's counted severities read otherwise), with other parameters changed.
        Policy whatIf = base.withCountedSeverities(List.of(Severity.FULL, Severity.PARTIAL)).withParameters(Map.of(
                "no_notice_multiplier", base.parameters().get("no_notice_multiplier").orElseThrow().overriddenFrom(from, "2", "what-if"),
                "refund_rounding_unit_krw", base.parameters().get("refund_rounding_unit_krw").orElseThrow().overriddenFrom(from, "10", "what-if")));
        compare(whatIf, corpus.claims().subList(0, 2_000));
    }

    private static void compare(Policy policy, List<Claim> claims) {
        HandWrittenContentUserProtection hw = new HandWrittenContentUserProtection(policy);
        List<String> mismatches = new ArrayList<>();
        long record = 0;
        for (Claim c : claims) {
            record++;
            String expected = Json.line(policy.assess(c, record));
            String actual = Json.line(hw.assess(c, record));
            if (!expected.equals(actual) && mismatches.size() < 3) {
                mismatches.add("claim " + c.id() + "\n drools: " + expected + "\n   hand: " + actual);
            }
        }
        assertTrue(claims.size() > 1_000, "too few claims: " + claims.size());
        assertEquals(List.of(), mismatches);
    }
}
