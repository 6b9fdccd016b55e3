package io.bosang.rules;

import io.bosang.domain.Disruption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Durations for rules: exact to the minute, written as people write them ("15 h", "5 h 30 min", "4 d"). */
public final class Hours {
    private Hours() {
    }

    /** {@code d × factor}, rounded half up to the minute. */
    public static Duration times(Duration d, BigDecimal factor) {
        BigDecimal minutes = BigDecimal.valueOf(d.toMinutes()).multiply(factor).setScale(0, RoundingMode.HALF_UP);
        return Duration.ofMinutes(minutes.longValueExact());
    }

    public static Duration minutes(long minutes) {
        return Duration.ofMinutes(minutes);
    }

    public static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    public static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** {@code max(a − b, 0)}. */
    public static Duration excess(Duration a, Duration b) {
        return a.compareTo(b) > 0 ? a.minus(b) : Duration.ZERO;
    }

    /** "15 h", "5 h 30 min", "45 min", "0 h". Whole days are still written in hours: rules compare hours. */
    public static String format(Duration d) {
        long minutes = d.toMinutes();
        long h = minutes / 60;
        long m = minutes % 60;
        if (m == 0) return h + " h";
        if (h == 0) return m + " min";
        return h + " h " + m + " min";
    }

    /** "3 d" for whole days, otherwise as {@link #format(Duration)}. */
    public static String formatDays(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) return d.toDays() + " d";
        return format(d);
    }

    /**
     * The longest consecutive disruption in {@code windows}: windows that overlap or touch are one run
     * ("3 h consecutive" in carriers' terms). Zero when there are no windows.
     */
    public static Duration longestRun(List<Disruption> windows) {
        List<Disruption> sorted = new ArrayList<>(windows);
        sorted.sort(Comparator.comparing(Disruption::start));
        Duration longest = Duration.ZERO;
        OffsetDateTime runStart = null;
        OffsetDateTime runEnd = null;
        for (Disruption d : sorted) {
            if (runEnd != null && !d.start().isAfter(runEnd)) {
                if (d.end().isAfter(runEnd)) runEnd = d.end();
            } else {
                if (runEnd != null) longest = max(longest, Duration.between(runStart, runEnd));
                runStart = d.start();
                runEnd = d.end();
            }
        }
        if (runEnd != null) longest = max(longest, Duration.between(runStart, runEnd));
        return longest;
    }
}
