package io.bosang.check;

import io.bosang.domain.Claim;
import io.bosang.domain.Disruption;
import io.bosang.domain.Incident;
import io.bosang.domain.PriorNotice;
import io.bosang.domain.Subscription;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * One-step changes to a claim that a payout law speaks about: a longer outage, a higher fee, a larger declared amount,
 * the same claim on another date. Each returns a new claim; the input is never changed.
 */
public final class ClaimMutations {
    private ClaimMutations() {
    }

    /** The claimed service's last disruption window ends {@code extra} later (other services unchanged). */
    public static Claim longerOutage(Claim c, Duration extra) {
        if (extra.isZero()) return c;
        List<Disruption> own = c.incident().disruptionsOf(c.service().id());
        if (own.isEmpty()) return c;
        Disruption last = own.stream().max((a, b) -> a.end().compareTo(b.end())).orElseThrow();
        List<Disruption> windows = new ArrayList<>();
        for (Disruption d : c.incident().disruptions()) {
            windows.add(d == last ? d.moved(d.start(), d.end().plus(extra)) : d);
        }
        Incident i = c.incident();
        Incident longer = new Incident(i.id(), i.operator(), i.title(), i.cause(), i.fault(), i.faultBasis(), i.startedAt(),
                i.priorNotice(), i.services(), windows, i.sources());
        return with(c, longer, c.subscription(), c.declared(), c.usage(), c.filedAt());
    }

    /** The monthly fee is {@code extra} KRW higher; a claim without a paid plan is returned unchanged. */
    public static Claim higherFee(Claim c, long extra) {
        Subscription s = c.subscription();
        if (s == null || extra == 0) return c;
        Subscription higher = new Subscription(s.id(), s.plan(), s.monthlyFeeKrw() + extra, s.billing(), s.start(), s.end());
        return with(c, c.incident(), higher, c.declared(), c.usage(), c.filedAt());
    }

    /** The declared amount {@code key} is {@code extra} KRW higher (declared as {@code extra} when absent). */
    public static Claim higherDeclared(Claim c, String key, long extra) {
        TreeMap<String, Long> declared = new TreeMap<>(c.declared());
        declared.merge(key, extra, Long::sum);
        return with(c, c.incident(), c.subscription(), declared, c.usage(), c.filedAt());
    }

    /** The usage count {@code key} is {@code extra} higher. */
    public static Claim higherUsage(Claim c, String key, long extra) {
        TreeMap<String, Long> usage = new TreeMap<>(c.usage());
        usage.merge(key, extra, Long::sum);
        return with(c, c.incident(), c.subscription(), c.declared(), usage, c.filedAt());
    }

    /** Every instant of the claim and its incident moved by {@code days} whole days: the same facts on another date. */
    public static Claim shiftedDays(Claim c, long days) {
        if (days == 0) return c;
        Incident i = c.incident();
        List<Disruption> windows = i.disruptions().stream()
                .map(d -> d.moved(d.start().plusDays(days), d.end().plusDays(days)))
                .toList();
        PriorNotice notice = i.priorNotice() == null ? null
                : new PriorNotice(i.priorNotice().givenAt().plusDays(days), i.priorNotice().means());
        Incident moved = new Incident(i.id(), i.operator(), i.title(), i.cause(), i.fault(), i.faultBasis(),
                i.startedAt().plusDays(days), notice, i.services(), windows, i.sources());
        Subscription s = c.subscription();
        Subscription sub = s == null ? null : new Subscription(s.id(), s.plan(), s.monthlyFeeKrw(), s.billing(), s.start().plusDays(days),
                s.end() == null ? null : s.end().plusDays(days));
        return with(c, moved, sub, c.declared(), c.usage(), c.filedAt().plusDays(days));
    }

    private static Claim with(Claim c, Incident incident, Subscription subscription, java.util.Map<String, Long> declared,
                              java.util.Map<String, Long> usage, OffsetDateTime filedAt) {
        return new Claim(c.id(), c.claimant(), incident, c.service(), subscription, c.harm(), filedAt,
                new TreeMap<>(declared), new TreeMap<>(usage), c.evidence());
    }
}
