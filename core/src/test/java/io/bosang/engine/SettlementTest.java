package io.bosang.engine;

import io.bosang.domain.Operator;
import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Incident;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.json.ClaimInput;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.Outcome;
import io.bosang.result.PolicyStamp;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SettlementTest {
    static final PolicyStamp STAMP = new PolicyStamp("p", "1", "sha256:x");
    static final OffsetDateTime T = OffsetDateTime.parse("2022-10-15T15:30:00+09:00");
    static final Service SVC = new Service("s", "S", ServiceCategory.MESSAGING, PaymentModel.FREE);
    static final Incident INC = new Incident("i", new Operator("example", "op"), "", "", FaultPosition.NONE, "", T, null, List.of(SVC), List.of(), List.of());

    static ClaimInput input(long record, String id, String claimant) {
        return ClaimInput.ok(record, new Claim(id, new Claimant(claimant, ClaimantKind.CONSUMER, "KR", null), INC, SVC, null,
                HarmKind.SERVICE_UNAVAILABLE, T, null, null, null));
    }

    static Assessment paidWithQuota(long record, String id) {
        AwardLine plain = AwardLine.cash(1000, "cash").attributedTo("R-1", "b");
        AwardLine limited = AwardLine.inKind("pass", 1900).limitedTo("pass", 2).attributedTo("R-2", "b");
        return Assessment.of(record, id, STAMP, List.of(plain, limited), List.of());
    }

    @Test
    void aLimitedItemGoesToTheFirstClaimsInOrderAndLaterOnesAreToldWhy() {
        Settlement s = new Settlement();
        List<Assessment> out = List.of(1, 2, 3).stream()
                .map(i -> s.settle(input(i, "C-" + i, "U-" + i), paidWithQuota(i, "C-" + i))).toList();
        assertEquals(2, out.get(0).lines().size());
        assertEquals(2, out.get(1).lines().size());
        assertEquals(1, out.get(2).lines().size(), "the third claim gets the cash but not the pass");
        assertTrue(out.get(2).findings().stream().anyMatch(f -> f.code().equals("QUOTA_EXHAUSTED") && f.ruleId().equals("R-2")));
        assertEquals(Outcome.AWARD, out.get(2).outcome());
        assertEquals(2L, s.granted().get("pass"));
    }

    @Test
    void theSameClaimSubmittedTwiceIsPaidOnce() {
        Settlement s = new Settlement();
        Assessment first = s.settle(input(1, "C-1", "U-1"), paidWithQuota(1, "C-1"));
        Assessment sameId = s.settle(input(2, "C-1", "U-9"), paidWithQuota(2, "C-1"));
        Assessment sameContent = s.settle(input(3, "C-3", "U-1"), paidWithQuota(3, "C-3"));
        assertEquals(Outcome.AWARD, first.outcome());
        for (Assessment dup : List.of(sameId, sameContent)) {
            assertEquals(Outcome.NO_AWARD, dup.outcome());
            assertEquals(0, dup.totals().monetaryKrw());
            Finding f = dup.findings().stream().filter(x -> x.code().equals("DUPLICATE_CLAIM")).findFirst().orElseThrow();
            assertTrue(f.message().contains("record 1"), f.message());
        }
    }

    @Test
    void rejectedRecordsDoNotReserveAnything() {
        Settlement s = new Settlement();
        ClaimInput bad = ClaimInput.rejected(1, "C-1", new io.bosang.result.Rejection("$", "not JSON"));
        s.settle(bad, Assessment.rejected(1, "C-1", STAMP, bad.rejection()));
        assertEquals(Outcome.AWARD, s.settle(input(2, "C-1", "U-1"), paidWithQuota(2, "C-1")).outcome());
    }

    @Test
    void aPackageGivenOncePerClaimantGoesToTheirFirstClaimOnly() {
        Settlement s = new Settlement();
        AwardLine pkg = AwardLine.inKind("heart package", 6300).oncePerClaimant("heart").attributedTo("R-3", "b");
        Assessment first = s.settle(input(1, "C-1", "U-1"), Assessment.of(1, "C-1", STAMP, List.of(pkg), List.of()));
        Claim other = new Claim("C-2", new Claimant("U-1", ClaimantKind.CONSUMER, "KR", null), INC, SVC, null,
                HarmKind.DATA_LOSS, T, null, null, null);
        Assessment second = s.settle(ClaimInput.ok(2, other), Assessment.of(2, "C-2", STAMP, List.of(pkg), List.of()));
        assertEquals(1, first.lines().size());
        assertEquals(Outcome.NO_AWARD, second.outcome());
        assertTrue(second.findings().stream().anyMatch(f -> f.code().equals("ONCE_PER_CLAIMANT") && f.message().contains("record 1")));
    }
}
