package io.bosang.rules;

import io.bosang.domain.Claim;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.PaymentModel;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.json.Json;
import io.bosang.params.Parameter;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Outcome;
import io.bosang.result.Totals;
import io.bosang.rules.gen.Claims;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The laws of the content-user-protection policy, over generated stoppages, faults, notices and fees. */
class ContentUserProtectionProperties {
    static Policy policy;

    @BeforeAll
    static void load() throws Exception {
        policy = PolicyLoader.load("content-user-protection");
    }

    static Assessment assess(Policy p, long minutes, int fault, long noticeLead, long fee) {
        Claim c = Claims.claim("C", Claims.incident("i", minutes, Claims.fault(fault), noticeLead, PaymentModel.SUBSCRIPTION), fee);
        return p.assess(c);
    }

    @Test
    void amountsAreNonNegativeLinesSumToTotalsAndEveryLineExplainsItself() {
        qt().withExamples(300).forAll(longs().between(1, 20_000), integers().between(0, 5),
                longs().between(-1, 3_000), longs().between(0, 200_000)).checkAssert((minutes, fault, lead, fee) -> {
            Assessment a = assess(policy, minutes, fault, lead, fee);
            assertTrue(a.outcome() == Outcome.AWARD || a.outcome() == Outcome.NO_AWARD, a.toString());
            assertEquals(Totals.of(a.lines()), a.totals());
            assertFalse(a.totals().extension().isNegative());
            assertTrue(a.totals().monetaryKrw() >= 0);
            for (AwardLine l : a.lines()) {
                assertFalse(l.ruleId().isBlank(), l.toString());
                assertFalse(l.legalBasis().isBlank(), l.toString());
                assertFalse(l.derivation().isBlank(), l.toString());
                assertFalse(l.parameters().isEmpty(), "every line names the parameters it read: " + l);
            }
            if (a.lines().isEmpty()) assertFalse(a.findings().isEmpty(), "a zero outcome carries a finding");
        });
    }

    @Test
    void aLongerStoppageNeverGivesLess() {
        qt().withExamples(300).forAll(longs().between(1, 15_000), longs().between(0, 5_000), integers().between(0, 5),
                longs().between(-1, 3_000)).checkAssert((minutes, more, fault, lead) -> {
            Assessment shorter = assess(policy, minutes, fault, lead, 9_900);
            Assessment longer = assess(policy, minutes + more, fault, lead, 9_900);
            assertTrue(longer.totals().extension().compareTo(shorter.totals().extension()) >= 0,
                    minutes + " min gave " + shorter.totals().extension() + " but " + (minutes + more) + " min gave " + longer.totals().extension());
            assertTrue(longer.lines().size() >= shorter.lines().size());
        });
    }

    @Test
    void aLargerMultiplierNeverGivesLess() {
        qt().withExamples(150).forAll(longs().between(1, 10_000), integers().between(0, 60), integers().between(0, 60))
                .checkAssert((minutes, tenthsA, tenthsB) -> {
                    int lo = Math.min(tenthsA, tenthsB);
                    int hi = Math.max(tenthsA, tenthsB);
                    Assessment a = assess(withMultiplier(lo), minutes, FaultPosition.ORDINARY_NEGLIGENCE.ordinal(), -1, 9_900);
                    Assessment b = assess(withMultiplier(hi), minutes, FaultPosition.ORDINARY_NEGLIGENCE.ordinal(), -1, 9_900);
                    assertTrue(b.totals().extension().compareTo(a.totals().extension()) >= 0);
                    assertNotEquals(a.policy().contentHash(), hi == lo ? "" : b.policy().contentHash());
                });
    }

    static Policy withMultiplier(int tenths) {
        Parameter m = policy.parameters().get("no_notice_multiplier").orElseThrow();
        String value = java.math.BigDecimal.valueOf(tenths, 1).toPlainString();
        return policy.withParameters(Map.of(m.id(), m.overriddenFrom(LocalDate.of(1900, 1, 1), value, "property test")));
    }

    @Test
    void theSameClaimsGiveTheSameAssessmentsInAnyOrderOnAnyThreadCount() {
        qt().withExamples(25).forAll(integers().between(1, 60), longs().between(0, Long.MAX_VALUE)).checkAssert((count, seed) -> {
            Random random = new Random(seed);
            List<ClaimInput> inputs = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Claim c = Claims.claim("C-" + i, Claims.incident("i-" + i, 1 + random.nextInt(10_000),
                        Claims.fault(random.nextInt(6)), random.nextInt(3_000) - 1, random.nextInt(4) == 0 ? PaymentModel.FREE : PaymentModel.SUBSCRIPTION), random.nextInt(50_000));
                inputs.add(ClaimInput.ok(i + 1, c));
            }
            List<ClaimInput> shuffled = new ArrayList<>(inputs);
            Collections.shuffle(shuffled, random);
            List<ClaimInput> renumbered = new ArrayList<>();
            for (int i = 0; i < shuffled.size(); i++) renumbered.add(ClaimInput.ok(i + 1, shuffled.get(i).claim()));
            assertEquals(byClaim(inputs, 1), byClaim(renumbered, 2));
        });
    }

    /** claim id → the assessment's JSON without its record number. */
    static Map<String, String> byClaim(List<ClaimInput> inputs, int threads) {
        Map<String, String> out = new TreeMap<>();
        new BatchAssessor(policy, threads, 7).run(inputs.iterator(), a -> out.put(a.claimId(), Json.line(a.atRecord(0))));
        return out;
    }

    @Test
    void theKakaoWebtoonOutageIsTripledExactly() {
        Assessment a = assess(policy, 15 * 60 + 30, FaultPosition.ORDINARY_NEGLIGENCE.ordinal(), -1, 4_900);
        assertEquals(Duration.ofMinutes(3 * (15 * 60 + 30)), a.totals().extension());
    }
}
