package io.bosang.rules;

import io.bosang.domain.Disruption;
import io.bosang.domain.EndBasis;
import io.bosang.domain.Incident;
import io.bosang.domain.Severity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Neutral measurements of the claimed service's outage, derived by the engine from the incident's windows and
 * inserted as a fact, so rules match {@code ServiceOutage( totalMinutes > 0 )} instead of doing date arithmetic.
 *
 * <p>Only the severities the policy counts ({@code counted-severities:} in {@code policy.yaml}) are measured. Windows
 * are merged per severity before anything is summed: a minute covered by two windows is counted once, at its most
 * severe level (FULL dominates PARTIAL). Days and months are those of the policy's zone ({@link PolicyCalendar}),
 * not of the offset the incident was written in, and every instant this fact holds or prints is in that zone.
 *
 * @param serviceId        the service
 * @param counted          the severities the policy counts
 * @param windows          the counted windows, merged per severity and sorted, at the policy zone's offset
 * @param totalMinutes     counted minutes (each minute once)
 * @param fullMinutes      counted minutes of full stoppage
 * @param partialMinutes   counted minutes of partial service (0 when the policy does not count PARTIAL)
 * @param uncountedMinutes minutes disrupted only at a severity the policy does not count
 * @param maxDayMinutes    the most counted minutes within one policy day
 * @param maxMonthMinutes  the most counted minutes within one policy month
 * @param daysTouched      number of policy days with a counted minute
 * @param start            first counted instant, or null when none
 * @param end              last counted instant (exclusive), or null when none
 * @param perDayMinutes    counted minutes per policy day
 * @param perMonthMinutes  counted minutes per policy month
 * @param rawWindows       how many of the incident's windows (of counted severities) were merged into {@code windows}
 * @param calendar         the policy's calendar, in which {@link #describe()} writes the windows
 */
public record ServiceOutage(String serviceId, Set<Severity> counted, List<Disruption> windows, long totalMinutes,
                            long fullMinutes, long partialMinutes, long uncountedMinutes,
                            long maxDayMinutes, long maxMonthMinutes, int daysTouched,
                            OffsetDateTime start, OffsetDateTime end,
                            SortedMap<LocalDate, Long> perDayMinutes, SortedMap<YearMonth, Long> perMonthMinutes,
                            int rawWindows, PolicyCalendar calendar) {

    public ServiceOutage {
        counted = Collections.unmodifiableSet(EnumSet.copyOf(counted));
        windows = List.copyOf(windows);
        perDayMinutes = Collections.unmodifiableSortedMap(new TreeMap<>(perDayMinutes));
        perMonthMinutes = Collections.unmodifiableSortedMap(new TreeMap<>(perMonthMinutes));
    }

    /** A stretch of time at one severity level after merging. */
    private record Segment(Instant from, Instant to, Severity level) {
    }

    /**
     * Measures {@code serviceId}'s outage in {@code incident}, counting the {@code counted} severities, with days and
     * months in {@code calendar}'s zone.
     */
    public static ServiceOutage of(Incident incident, String serviceId, PolicyCalendar calendar, Set<Severity> counted) {
        if (counted.isEmpty()) throw new IllegalArgumentException("a policy must count at least one severity");
        List<Disruption> raw = incident.disruptionsOf(serviceId);
        List<Segment> all = merge(raw);

        long uncountedSeconds = 0;
        long fullSeconds = 0;
        long partialSeconds = 0;
        List<Segment> kept = new ArrayList<>();
        for (Segment s : all) {
            long seconds = Duration.between(s.from, s.to).getSeconds();
            if (!counted.contains(s.level)) {
                uncountedSeconds += seconds;
                continue;
            }
            if (s.level == Severity.FULL) fullSeconds += seconds; else partialSeconds += seconds;
            kept.add(s);
        }

        Map<LocalDate, Long> daySeconds = new TreeMap<>();
        Map<YearMonth, Long> monthSeconds = new TreeMap<>();
        for (Segment s : kept) {
            OffsetDateTime cursor = calendar.local(s.from.atOffset(java.time.ZoneOffset.UTC));
            OffsetDateTime stop = calendar.local(s.to.atOffset(java.time.ZoneOffset.UTC));
            while (cursor.isBefore(stop)) {
                LocalDate day = calendar.dateOf(cursor);
                OffsetDateTime nextDay = calendar.endOfDay(day);
                OffsetDateTime segmentEnd = nextDay.isBefore(stop) ? nextDay : stop;
                long seconds = Duration.between(cursor, segmentEnd).getSeconds();
                daySeconds.merge(day, seconds, Long::sum);
                monthSeconds.merge(YearMonth.from(day), seconds, Long::sum);
                cursor = segmentEnd;
            }
        }
        SortedMap<LocalDate, Long> perDay = new TreeMap<>();
        daySeconds.forEach((d, s) -> perDay.put(d, s / 60));
        SortedMap<YearMonth, Long> perMonth = new TreeMap<>();
        monthSeconds.forEach((m, s) -> perMonth.put(m, s / 60));
        long maxDay = perDay.values().stream().mapToLong(Long::longValue).max().orElse(0);
        long maxMonth = perMonth.values().stream().mapToLong(Long::longValue).max().orElse(0);
        int days = (int) daySeconds.values().stream().filter(s -> s > 0).count();

        // Merged windows, each with the least certain end among the raw windows that end where it ends.
        List<Disruption> windows = new ArrayList<>();
        for (Segment s : kept) {
            EndBasis basis = EndBasis.REPORTED;
            List<String> sources = new ArrayList<>();
            for (Disruption d : raw) {
                if (!counted.contains(d.severity())) continue;
                Instant ds = d.start().toInstant();
                Instant de = d.end().toInstant();
                if (ds.isBefore(s.to) && de.isAfter(s.from) && !sources.contains(d.source()) && !d.source().isEmpty()) sources.add(d.source());
                if (de.equals(s.to) && !ds.isAfter(s.from) && d.endBasis().compareTo(basis) > 0) basis = d.endBasis();
            }
            OffsetDateTime from = calendar.local(s.from.atOffset(java.time.ZoneOffset.UTC));
            OffsetDateTime to = calendar.local(s.to.atOffset(java.time.ZoneOffset.UTC));
            windows.add(new Disruption(serviceId, from, to, s.level, basis, String.join("; ", sources)));
        }
        int countedRaw = (int) raw.stream().filter(d -> counted.contains(d.severity())).count();
        OffsetDateTime start = windows.isEmpty() ? null : windows.get(0).start();
        OffsetDateTime end = windows.isEmpty() ? null : windows.get(windows.size() - 1).end();
        return new ServiceOutage(serviceId, counted, windows, (fullSeconds + partialSeconds) / 60, fullSeconds / 60,
                partialSeconds / 60, uncountedSeconds / 60, maxDay, maxMonth, days, start, end, perDay, perMonth,
                countedRaw, calendar);
    }

    /**
     * Sweeps the windows' boundaries: each stretch between two boundaries is at the most severe level of the
     * windows covering it; neighbouring stretches at one level are joined.
     */
    private static List<Segment> merge(List<Disruption> raw) {
        TreeSet<Instant> cuts = new TreeSet<>();
        for (Disruption d : raw) {
            cuts.add(d.start().toInstant());
            cuts.add(d.end().toInstant());
        }
        List<Segment> out = new ArrayList<>();
        Instant previous = null;
        for (Instant cut : cuts) {
            if (previous != null) {
                Severity level = null;
                for (Disruption d : raw) {
                    if (!d.start().toInstant().isAfter(previous) && !d.end().toInstant().isBefore(cut)) {
                        if (level == null || d.severity().ordinal() < level.ordinal()) level = d.severity(); // FULL is ordinal 0
                    }
                }
                if (level != null) {
                    Segment last = out.isEmpty() ? null : out.get(out.size() - 1);
                    if (last != null && last.level == level && last.to.equals(previous)) {
                        out.set(out.size() - 1, new Segment(last.from, cut, level));
                    } else {
                        out.add(new Segment(previous, cut, level));
                    }
                }
            }
            previous = cut;
        }
        return out;
    }

    /**
     * Which windows were counted, in the policy zone, e.g. "2 windows merged: 15 Oct 15:30–16 Oct 01:31 KST (full);
     * not counted: 19 h 59 min of partial service", and the counted ends that are not reported. Rules cite it where
     * they cite hours. Written on demand: most claims never print it.
     */
    public String describe() {
        long countedRaw = rawWindows;
        long uncountedMinutes = this.uncountedMinutes;
        List<String> uncertain = uncertainEnds();
        StringBuilder b = new StringBuilder();
        if (windows.isEmpty()) {
            b.append("no ").append(severities(counted)).append(" window");
        } else {
            b.append(countedRaw).append(countedRaw == 1 ? " window" : " windows");
            if (countedRaw > windows.size()) b.append(" merged");
            b.append(": ");
            for (int i = 0; i < windows.size(); i++) {
                Disruption w = windows.get(i);
                if (i > 0) b.append(", ");
                boolean sameDay = calendar.dateOf(w.start()).equals(calendar.dateOf(w.end()));
                b.append(calendar.formatShort(w.start())).append('–')
                        .append(sameDay ? calendar.formatTime(w.end()) : calendar.formatShort(w.end()))
                        .append(' ').append(calendar.zoneName(w.end()))
                        .append(" (").append(w.severity().name().toLowerCase(Locale.ROOT)).append(')');
            }
        }
        if (uncountedMinutes > 0) {
            b.append("; not counted: ").append(Hours.format(Duration.ofMinutes(uncountedMinutes))).append(" of ")
                    .append(severities(EnumSet.complementOf(EnumSet.copyOf(counted)))).append(" service");
        }
        if (!uncertain.isEmpty()) b.append("; end not reported: ").append(String.join(", ", uncertain));
        return b.toString();
    }

    private static String severities(Set<Severity> set) {
        List<String> names = new ArrayList<>();
        for (Severity s : set) names.add(s.name().toLowerCase(Locale.ROOT));
        return String.join(" or ", names);
    }

    /** The counted windows whose end is not reported, e.g. "full to 16 Oct 21:30 KST (end inferred)". */
    public List<String> uncertainEnds() {
        List<String> out = new ArrayList<>();
        for (Disruption w : windows) {
            if (w.endBasis() == EndBasis.REPORTED) continue;
            out.add(w.severity().name().toLowerCase(Locale.ROOT) + " to " + calendar.formatShort(w.end()) + " "
                    + calendar.zoneName(w.end()) + " (end " + w.endBasis().text() + ")");
        }
        return out;
    }

    /** The severities counted, as a phrase: "full stoppage" or "full and partial stoppage". */
    public String measure() {
        return counted.contains(Severity.PARTIAL) ? "full and partial stoppage" : "full stoppage";
    }

    /** True when the amount rests on a counted window whose end is inferred or assumed, not reported. */
    public boolean restsOnUncertainEnd() {
        return windows.stream().anyMatch(w -> w.endBasis() != EndBasis.REPORTED);
    }

    public boolean disrupted() {
        return totalMinutes > 0;
    }

    /** True when the service was disrupted only at a severity the policy does not count. */
    public boolean onlyUncounted() {
        return totalMinutes == 0 && uncountedMinutes > 0;
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

    /**
     * The most counted time within any span of {@code length} (say any 30 days), wherever it starts: a reading of
     * "in a month" other than the calendar month. The most is reached by a span starting where a window starts.
     */
    public Duration maxWithin(Duration length) {
        long best = 0;
        for (Disruption from : windows) {
            java.time.Instant a = from.start().toInstant();
            java.time.Instant b = a.plus(length);
            long seconds = 0;
            for (Disruption w : windows) {
                java.time.Instant s = w.start().toInstant().isAfter(a) ? w.start().toInstant() : a;
                java.time.Instant e = w.end().toInstant().isBefore(b) ? w.end().toInstant() : b;
                if (e.isAfter(s)) seconds += Duration.between(s, e).getSeconds();
            }
            best = Math.max(best, seconds);
        }
        return Duration.ofMinutes(best / 60);
    }

    /** The longest consecutive counted run: merged windows that touch are one run. */
    public Duration longestRun() {
        return Hours.longestRun(windows);
    }

    /** Total counted time in hours, exact to the minute (e.g. 127.5). */
    public BigDecimal totalHours() {
        return BigDecimal.valueOf(totalMinutes).divide(BigDecimal.valueOf(60), 4, RoundingMode.HALF_UP).stripTrailingZeros();
    }

    /** True when any counted minute falls in {@code [from, to)}. */
    public boolean overlaps(OffsetDateTime from, OffsetDateTime to) {
        for (Disruption d : windows) {
            if (d.start().isBefore(to) && d.end().isAfter(from)) return true;
        }
        return false;
    }
}
