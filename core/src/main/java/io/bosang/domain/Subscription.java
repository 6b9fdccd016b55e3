package io.bosang.domain;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A paid plan the claimant held for the claimed service.
 *
 * @param id            the subscription's identifier among the claimant's (a contract or line number), or null
 * @param plan          plan name, e.g. {@code melon-streaming-club}
 * @param monthlyFeeKrw monthly fee in whole KRW (0 for a free pass)
 * @param billing       who bills it
 * @param start         start of the paid period (inclusive)
 * @param end           end of the paid period (exclusive), or {@code null} for a recurring plan
 */
public record Subscription(String id, String plan, long monthlyFeeKrw, BillingChannel billing, OffsetDateTime start, OffsetDateTime end) {
    public Subscription {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(billing, "billing");
        Objects.requireNonNull(start, "start");
        if (monthlyFeeKrw < 0) throw new IllegalArgumentException("monthlyFeeKrw must not be negative");
        if (end != null && !end.isAfter(start)) throw new IllegalArgumentException("subscription ends before it starts");
    }

    /** A subscription without an id: the plan name identifies it among the claimant's. */
    public Subscription(String plan, long monthlyFeeKrw, BillingChannel billing, OffsetDateTime start, OffsetDateTime end) {
        this(null, plan, monthlyFeeKrw, billing, start, end);
    }

    /** What identifies it for settlement: its id, or its plan when it has none. */
    public String settlementId() {
        return id == null || id.isBlank() ? plan : id;
    }

    /** True when the plan was in force at {@code instant}. */
    public boolean activeAt(OffsetDateTime instant) {
        return !start.isAfter(instant) && (end == null || end.isAfter(instant));
    }

    public boolean inAppBilled() {
        return billing == BillingChannel.APP_STORE_IN_APP;
    }
}
