package io.bosang.rules;

import io.bosang.domain.Business;
import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.Evidence;
import io.bosang.domain.EvidenceKind;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Incident;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.params.Parameter;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The laws of the Kakao 1015 plan: tiers, limited quantities and single payment. */
class KakaoPlanProperties {
    static Policy policy;
    static Incident kakao;

    @BeforeAll
    static void load() throws Exception {
        policy = PolicyLoader.load("kakao-1015-2022");
        kakao = IncidentCatalog.classpath().find("kakao-2022-10-15").orElseThrow();
    }

    static Claim smallBusiness(String id, long lossKrw) {
        return new Claim(id, new Claimant("B-" + id, ClaimantKind.SMALL_BUSINESS, "KR", new Business("FOOD", 300_000_000, 3, "")),
                kakao, kakao.service("talk-channel").orElseThrow(), null, HarmKind.LOST_SALES,
                OffsetDateTime.parse("2022-10-25T10:00:00+09:00"),
                new TreeMap<>(Map.of("reference_week_sales", 5_000_000L + lossKrw, "outage_week_sales", 5_000_000L)), null,
                List.of(new Evidence(EvidenceKind.SMALL_BUSINESS_CERTIFICATE, ""), new Evidence(EvidenceKind.SALES_RECORD, ""),
                        new Evidence(EvidenceKind.PROOF_OF_USE, ""), new Evidence(EvidenceKind.BANK_ACCOUNT, "")));
    }

    static Claim freeUser(String id, String claimant) {
        return new Claim(id, new Claimant(claimant, ClaimantKind.CONSUMER, "KR", null), kakao, kakao.service("kakaotalk").orElseThrow(),
                null, HarmKind.SERVICE_UNAVAILABLE, OffsetDateTime.parse("2023-01-06T09:00:00+09:00"), null, null, null);
    }

    static Policy with(String id, String value) {
        Parameter p = policy.parameters().get(id).orElseThrow();
        return policy.withParameters(Map.of(id, p.overriddenFrom(LocalDate.of(1900, 1, 1), value, "property test")));
    }

    /** 0 for no cash tier, 1 and 2 for the tiers, 3 for individual review: a higher loss never ranks lower. */
    static int rank(Assessment a) {
        if (a.findings().stream().anyMatch(f -> f.code().equals("INDIVIDUAL_REVIEW"))) return 3;
        if (a.lines().stream().anyMatch(l -> l.ruleId().equals("K1015-SB-02"))) return 2;
        if (a.lines().stream().anyMatch(l -> l.ruleId().equals("K1015-SB-01"))) return 1;
        return 0;
    }

    @Test
    void aHigherLossNeverRanksInALowerTierUnderEitherBoundaryWording() {
        qt().withExamples(300).forAll(longs().between(0, 800_000), longs().between(0, 300_000), booleans().all())
                .checkAssert((loss, more, inclusive) -> {
                    Policy p = with("small_business.tier_bounds_inclusive", inclusive.toString());
                    Assessment lower = p.assess(smallBusiness("a", loss));
                    Assessment higher = p.assess(smallBusiness("b", loss + more));
                    assertTrue(rank(higher) >= rank(lower), loss + " → " + rank(lower) + " but " + (loss + more) + " → " + rank(higher));
                    assertTrue(higher.totals().monetaryKrw() >= lower.totals().monetaryKrw() || rank(higher) == 3);
                });
    }

    @Test
    void eachTierBoundaryBelongsWhereItsWordingSays() {
        for (boolean inclusive : new boolean[]{true, false}) {
            Policy p = with("small_business.tier_bounds_inclusive", Boolean.toString(inclusive));
            assertEquals(inclusive ? 1 : 2, rank(p.assess(smallBusiness("x", 300_000))));
            assertEquals(2, rank(p.assess(smallBusiness("x", 300_001))));
            assertEquals(1, rank(p.assess(smallBusiness("x", 299_999))));
            assertEquals(inclusive ? 2 : 3, rank(p.assess(smallBusiness("x", 500_000))));
            assertEquals(3, rank(p.assess(smallBusiness("x", 500_001))));
        }
    }

    @Test
    void theLimitedPassNeverExceedsItsQuantityAndGoesToTheSameClaimantsOnAnyThreadCount() {
        qt().withExamples(20).forAll(integers().between(0, 40), integers().between(1, 120), integers().between(1, 5))
                .checkAssert((quota, claims, repeatEvery) -> {
                    Policy p = with("heart.talkdrawer_pass_quota", Integer.toString(quota));
                    List<ClaimInput> inputs = new ArrayList<>();
                    for (int i = 0; i < claims; i++) {
                        // some claimants claim twice (another service): the pass is still one per claimant
                        String claimant = "U-" + (i % (claims / repeatEvery + 1));
                        inputs.add(ClaimInput.ok(i + 1, freeUser("C-" + i, claimant).withId("C-" + i)));
                    }
                    List<String> one = passHolders(p, inputs, 1);
                    List<String> two = passHolders(p, inputs, 2);
                    assertTrue(one.size() <= quota, one.size() + " passes for a quota of " + quota);
                    assertEquals(one, two, "the same claims get the pass whatever the thread count");
                    assertEquals(one.size(), one.stream().distinct().count(), "never two passes to one claimant");
                });
    }

    static List<String> passHolders(Policy p, List<ClaimInput> inputs, int threads) {
        List<String> holders = new ArrayList<>();
        new BatchAssessor(p, threads, 5).run(inputs.iterator(), a -> {
            for (AwardLine l : a.lines()) if (l.ruleId().equals("K1015-FREE-04")) holders.add(a.claimId());
        });
        return holders.stream().map(id -> inputs.get(Integer.parseInt(id.substring(2))).claim().claimant().id()).toList();
    }

    @Test
    void aClaimSubmittedTwiceIsPaidOnce() {
        qt().withExamples(50).forAll(longs().between(0, 800_000)).checkAssert(loss -> {
            Claim c = smallBusiness("S-1", loss);
            List<ClaimInput> inputs = List.of(ClaimInput.ok(1, c), ClaimInput.ok(2, c), ClaimInput.ok(3, c.withId("S-2")));
            List<Assessment> out = new ArrayList<>();
            new BatchAssessor(policy, 2, 1).run(inputs.iterator(), out::add);
            Assessment alone = policy.assess(c);
            assertEquals(alone.totals(), out.get(0).totals());
            assertEquals(0, out.get(1).totals().monetaryKrw() + out.get(1).totals().nominalInKindKrw());
            assertEquals(0, out.get(2).totals().monetaryKrw() + out.get(2).totals().nominalInKindKrw());
        });
    }
}
