package io.bosang.rules.gen;

import io.bosang.domain.Operator;
import io.bosang.domain.EndBasis;
import io.bosang.domain.BillingChannel;
import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.Disruption;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Incident;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.PriorNotice;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Severity;
import io.bosang.domain.Subscription;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Builds synthetic claims for property tests: one paid (or free) service, one full-stoppage window of a given
 * length starting at a fixed instant, a given fault position and notice lead. Reused by every policy's properties.
 */
public final class Claims {
    public static final OffsetDateTime START = OffsetDateTime.parse("2022-10-03T00:00:00+09:00");

    private Claims() {
    }

    /** A stoppage of {@code minutes} with {@code fault}, notified {@code noticeLeadMinutes} ahead (negative: no notice). */
    public static Incident incident(String id, long minutes, FaultPosition fault, long noticeLeadMinutes, PaymentModel payment) {
        Service svc = new Service("svc", "Service", ServiceCategory.CONTENT, payment);
        PriorNotice notice = noticeLeadMinutes < 0 ? null : new PriorNotice(START.minusMinutes(noticeLeadMinutes), "notice");
        return new Incident(id, new Operator("example", "Example Co."), "", "", fault, "", START, notice, List.of(svc),
                List.of(new Disruption("svc", START, START.plusMinutes(Math.max(1, minutes)), Severity.FULL, EndBasis.REPORTED, "")), List.of());
    }

    public static Claim claim(String id, Incident incident, long monthlyFeeKrw) {
        Service svc = incident.services().get(0);
        Subscription sub = svc.payment() == PaymentModel.FREE ? null
                : new Subscription("plan", monthlyFeeKrw, BillingChannel.DIRECT, START.minusDays(2), null);
        return new Claim(id, new Claimant("U-" + id, ClaimantKind.CONSUMER, "KR", null), incident, svc, sub,
                HarmKind.SERVICE_UNAVAILABLE, START.plusDays(20), null, null, null);
    }

    public static FaultPosition fault(int index) {
        FaultPosition[] all = FaultPosition.values();
        return all[Math.floorMod(index, all.length)];
    }
}
