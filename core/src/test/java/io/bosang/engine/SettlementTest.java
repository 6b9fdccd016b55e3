package io.bosang.engine;

import io.bosang.domain.BillingChannel;
import io.bosang.domain.Business;
import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Incident;
import io.bosang.domain.Operator;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Subscription;
import io.bosang.engine.ClaimInput;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.EntitlementUnit;
import io.bosang.result.Finding;
import io.bosang.result.Outcome;
import io.bosang.result.PolicyStamp;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettlementTest {
    static final PolicyStamp STAMP = new PolicyStamp("p", "1", "sha256:x");
    static final OffsetDateTime T = OffsetDateTime.parse("2022-10-15T15:30:00+09:00");
    static final Service SVC = new Service("s", "S", ServiceCategory.MESSAGING, PaymentModel.FREE);
    static final Service OTHER = new Service("t", "T", ServiceCategory.CONTENT, PaymentModel.SUBSCRIPTION);
    static final Incident INC = new Incident("i", new Operator("example", "op"), "", "", FaultPosition.NONE, "", T, null, List.of(SVC, OTHER), List.of(), List.of());
    static final Subscription PLAN = new Subscription("pass", 4900, BillingChannel.DIRECT, T.minusDays(10), null);

    static Claim claim(String id, String claimant, HarmKind harm) {
        return new Claim(id, new Claimant(claimant, ClaimantKind.CONSUMER, "KR", null), INC, SVC, PLAN, harm, T, null, null, null);
    }

    static ClaimInput input(long record, String id, String claimant) {
        return ClaimInput.ok(record, claim(id, claimant, HarmKind.SERVICE_UNAVAILABLE));
    }

    /** A line as the engine stamps it: the rule's id and basis, and what it is owed per for this claim. */
    static AwardLine stamped(AwardLine line, String ruleId, EntitlementUnit unit, String entitlement, Claim c) {
        return line.attributedTo(ruleId, "b", EntitlementKeys.of(unit, entitlement, c));
    }

    static Assessment paidWithQuota(ClaimInput in) {
        Claim c = in.claim();
        AwardLine plain = stamped(AwardLine.cash(1000, "cash"), "R-1", EntitlementUnit.CLAIMANT, "R-1", c);
        AwardLine limited = stamped(AwardLine.inKind("pass", 1900).limitedTo("pass", 2), "R-2", EntitlementUnit.CLAIMANT, "R-2", c);
        return Assessment.of(in.record(), c.id(), STAMP, List.of(plain, limited), List.of());
    }

    static Assessment settle(Settlement s, ClaimInput in) {
        return s.settle(in, paidWithQuota(in));
    }

    @Test
    void aLimitedItemGoesToTheFirstClaimantsInOrderAndLaterOnesAreToldWhy() {
        Settlement s = new Settlement();
        List<Assessment> out = List.of(1, 2, 3).stream().map(i -> settle(s, input(i, "C-" + i, "U-" + i))).toList();
        assertEquals(2, out.get(0).lines().size());
        assertEquals(2, out.get(1).lines().size());
        assertEquals(1, out.get(2).lines().size(), "the third claimant gets the cash but not the pass");
        Finding f = out.get(2).findings().stream().filter(x -> x.code().equals("QUOTA_EXHAUSTED")).findFirst().orElseThrow();
        assertEquals("R-2", f.ruleId());
        assertEquals(EntitlementUnit.CLAIMANT, f.owedPer().unit());
        assertEquals(Outcome.AWARD, out.get(2).outcome());
        assertEquals(2L, s.granted().get("pass"));
    }

    @Test
    void theSameClaimSubmittedTwiceIsPaidOnceAndTheFindingNamesTheFirst() {
        Settlement s = new Settlement();
        Assessment first = settle(s, input(1, "C-1", "U-1"));
        Assessment sameId = settle(s, input(2, "C-1", "U-9"));
        Assessment sameContent = settle(s, input(3, "C-3", "U-1"));
        assertEquals(Outcome.AWARD, first.outcome());
        for (Assessment dup : List.of(sameId, sameContent)) {
            assertEquals(Outcome.NO_AWARD, dup.outcome());
            assertEquals(0, dup.totals().monetaryKrw());
            Finding f = dup.findings().stream().filter(x -> x.code().equals("DUPLICATE_CLAIM")).findFirst().orElseThrow();
            assertTrue(f.message().contains("claim C-1 (record 1)"), f.message());
            assertEquals(1, f.priorGrant().record());
            assertEquals("C-1", f.priorGrant().claimId());
        }
    }

    @Test
    void rejectedRecordsDoNotReserveAnything() {
        Settlement s = new Settlement();
        ClaimInput bad = ClaimInput.rejected(1, "C-1", new io.bosang.result.Rejection("$", "not JSON"));
        s.settle(bad, Assessment.rejected(1, "C-1", STAMP, bad.rejection()));
        assertEquals(Outcome.AWARD, settle(s, input(2, "C-1", "U-1")).outcome());
    }

    @Test
    void claimsThatDifferOnlyInHarmAreEachTheirOwnClaimButTheEntitlementIsGrantedOnce() {
        Settlement s = new Settlement();
        List<Assessment> out = new ArrayList<>();
        HarmKind[] harms = HarmKind.values();
        for (int i = 0; i < harms.length; i++) {
            Claim c = claim("H-" + i, "U-1", harms[i]);
            AwardLine ext = stamped(AwardLine.extension(java.time.Duration.ofDays(3), "+3 days"), "R-EXT", EntitlementUnit.SUBSCRIPTION, "R-EXT", c);
            out.add(s.settle(ClaimInput.ok(i + 1, c), Assessment.of(i + 1, c.id(), STAMP, List.of(ext), List.of())));
        }
        assertEquals(1, out.get(0).lines().size());
        for (Assessment later : out.subList(1, out.size())) {
            assertEquals(Outcome.NO_AWARD, later.outcome(), "not a duplicate claim, but the extension was granted");
            Finding f = later.findings().stream().filter(x -> x.code().equals("ALREADY_GRANTED")).findFirst().orElseThrow();
            assertEquals("H-0", f.priorGrant().claimId());
            assertEquals("claimant:u-1/subscription:pass", f.owedPer().key());
        }
    }

    @Test
    void spellingVariantsOfOneClaimantAreOneClaimant() {
        Settlement s = new Settlement();
        String[] variants = {"DU-5", "du-5", " DU-5 ", "ＤＵ－５", "DU\u20135", "DU\u22125"};
        int granted = 0;
        for (int i = 0; i < variants.length; i++) {
            Claim c = claim("V-" + i, variants[i], HarmKind.values()[i % HarmKind.values().length]);
            AwardLine pkg = stamped(AwardLine.inKind("package", 6300), "R-PKG", EntitlementUnit.CLAIMANT, "R-PKG", c);
            Assessment a = s.settle(ClaimInput.ok(i + 1, c), Assessment.of(i + 1, c.id(), STAMP, List.of(pkg), List.of()));
            granted += a.lines().size();
        }
        assertEquals(1, granted, "six spellings of DU-5 are one claimant and one payout");
    }

    @Test
    void claimIdVariantsAreDuplicates() {
        Settlement s = new Settlement();
        assertEquals(Outcome.AWARD, settle(s, input(1, "K-0001", "U-1")).outcome());
        Assessment variant = settle(s, input(2, " k\u20130001 ", "U-2"));
        assertTrue(variant.findings().stream().anyMatch(f -> f.code().equals("DUPLICATE_CLAIM")), variant.findings().toString());
    }

    @Test
    void theLinesOfOneEntitlementGoTogetherAndTiersOfOneSchemeAreGrantedOncePerBusiness() {
        Settlement s = new Settlement();
        Claimant shop = new Claimant("S-1", ClaimantKind.SMALL_BUSINESS, "KR", new Business("FOOD", 100_000_000, 2, "123-45-67890"));
        Claimant sameShop = new Claimant("S-1-other-login", ClaimantKind.SMALL_BUSINESS, "KR", new Business("FOOD", 100_000_000, 2, "1234567890"));
        Claim a = new Claim("B-1", shop, INC, SVC, null, HarmKind.LOST_SALES, T, null, null, null);
        Claim b = new Claim("B-2", sameShop, INC, OTHER, null, HarmKind.LOST_INCOME, T, null, null, null);
        AwardLine right = stamped(AwardLine.terminationRight("terminate"), "R-TERM", EntitlementUnit.BUSINESS, "TIER", a);
        AwardLine tier1 = stamped(AwardLine.cash(30_000, "tier 1"), "R-T1", EntitlementUnit.BUSINESS, "TIER", a);
        Assessment first = s.settle(ClaimInput.ok(1, a), Assessment.of(1, "B-1", STAMP, List.of(right, tier1), List.of()));
        assertEquals(2, first.lines().size(), "both lines of the entitlement go to the claim that first asks for it");
        AwardLine tier2 = stamped(AwardLine.cash(50_000, "tier 2"), "R-T2", EntitlementUnit.BUSINESS, "TIER", b);
        Assessment second = s.settle(ClaimInput.ok(2, b), Assessment.of(2, "B-2", STAMP, List.of(tier2), List.of()));
        assertEquals(0, second.lines().size(), "one business (same registration number), one tier");
        Finding f = second.findings().get(0);
        assertEquals("business:1234567890", f.owedPer().key());
        assertNotNull(f.priorGrant());
    }

    @Test
    void anAssessmentWhoseLinesAreAllGrantedIsReturnedAsIs() {
        Settlement s = new Settlement();
        ClaimInput in = input(1, "C-1", "U-1");
        Assessment a = paidWithQuota(in);
        assertSame(a, s.settle(in, a));
    }
}
