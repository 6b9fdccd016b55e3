package io.bosang.rules;

import io.bosang.domain.Disruption;
import io.bosang.domain.Incident;
import io.bosang.domain.Severity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Neutral measurements of the claimed service's outage, derived by the engine from the incident's windows and
 * inserted as a fact, so rules match {@code ServiceOutage( totalMinutes > 0 )} instead of doing date arithmetic.
 * Overlapping windows are merged; days and months are counted in the incident's own offset (KST for Kakao).
 * How a policy counts the outage (from the user's report, excluding maintenance...) stays in its rules.
 *
 * @param serviceId       the service
 * @param windows         its disruption windows, merged and sorted
 * @param totalMinutes    total minutes disrupted (any severity)
 * @param fullMinutes     minutes of full stoppage
 * @param maxDayMinutes   the most minutes disrupted within one calendar day
 * @param maxMonthMinutes the most minutes disrupted within one calendar month
 * @param daysTouched     number of calendar days on which the service was disrupted
 * @param start           first instant disrupted, or null when never
 * @param end             last instant disrupted (exclusive), or null when never
 */
public record ServiceOutage(String serviceId, List<Disruption> windows, long totalMinutes, long fullMinutes,
                            long maxDayMinutes, long maxMonthMinutes, int daysTouched,
                            OffsetDateTime start, OffsetDateTime end) {

    public ServiceOutage {
        windows = List.copyOf(windows);
    }

    /** Measures {@code serviceId}'s outage in {@code incident}. */
    public static ServiceOutage of(Incident incident, String serviceId) {
        return of(incident, serviceId, true);
    }

    /**
     * Measures {@code serviceId}'s outage counting only its full-stoppage windows when {@code includePartial} is
     * false (for policies that compensate "no service" or "stoppage" only), or every window when true.
     */
    public static ServiceOutage of(Incident incident, String serviceId, boolean includePartial) {
        ZoneOffset offset = incident.startedAt().getOffset();
        List<Disruption> raw = new ArrayList<>(incident.disruptionsOf(serviceId));
        if (!includePartial) raw.removeIf(d -> d.severity() != Severity.FULL);
        raw.sort(Comparator.comparing(Disruption::start));
        List<OffsetDateTime[]> merged = new ArrayList<>();
        long full = 0;
        for (Disruption d : raw) {
            if (d.severity() == Severity.FULL) full += d.duration().toMinutes();
            if (!merged.isEmpty() && !d.start().isAfter(merged.get(merged.size() - 1)[1])) {
                OffsetDateTime[] last = merged.get(merged.size() - 1);
                if (d.end().isAfter(last[1])) last[1] = d.end();
            } else {
                merged.add(new OffsetDateTime[]{d.start(), d.end()});
            }
        }
        long total = 0;
        Map<LocalDate, Long> perDay = new TreeMap<>();
        Map<YearMonth, Long> perMonth = new TreeMap<>();
        for (OffsetDateTime[] w : merged) {
            total += Duration.between(w[0], w[1]).toMinutes();
            OffsetDateTime cursor = w[0].withOffsetSameInstant(offset);
            OffsetDateTime stop = w[1].withOffsetSameInstant(offset);
            while (cursor.isBefore(stop)) {
                OffsetDateTime nextMidnight = cursor.toLocalDate().plusDays(1).atStartOfDay().atOffset(offset);
                OffsetDateTime segmentEnd = nextMidnight.isBefore(stop) ? nextMidnight : stop;
                long minutes = Duration.between(cursor, segmentEnd).toMinutes();
                perDay.merge(cursor.toLocalDate(), minutes, Long::sum);
                perMonth.merge(YearMonth.from(cursor), minutes, Long::sum);
                cursor = segmentEnd;
            }
        }
        long maxDay = perDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long maxMonth = perMonth.values().stream().mapToLong(Long::longValue).max().orElse(0);
        int days = (int) perDay.values().stream().filter(m -> m > 0).count();
        OffsetDateTime start = merged.isEmpty() ? null : merged.get(0)[0];
        OffsetDateTime end = merged.isEmpty() ? null : merged.get(merged.size() - 1)[1];
        return new ServiceOutage(serviceId, raw, total, full, maxDay, maxMonth, days, start, end);
    }

    public boolean disrupted() {
        return totalMinutes > 0;
    }

    public Duration total() {
        return Duration.ofMinutes(totalMinutes);
    }

    public Duration maxMonth() {
        return Duration.ofMinutes(maxMonthMinutes);
    }

    public Duration maxDay() {
        return Duration.ofMinutes(maxDayMinutes);
    }

    /** Total disrupted time in hours, exact to the minute (e.g. 127.5). */
    public BigDecimal totalHours() {
        return BigDecimal.valueOf(totalMinutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** True when any disrupted minute falls in {@code [from, to)}. */
    public boolean overlaps(OffsetDateTime from, OffsetDateTime to) {
        for (Disruption d : windows) {
            if (d.start().isBefore(to) && d.end().isAfter(from)) return true;
        }
        return false;
    }
}
