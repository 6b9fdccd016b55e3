package io.bosang.rules;

import io.bosang.domain.Subscription;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Paid periods, for refunds of the remaining period. A recurring plan renews monthly on its start's day of month
 * (clamped to the month's length); a fixed-term plan ends at its end. Days are whole days of the policy's zone
 * ({@link PolicyCalendar}), whatever offset the plan was written in, counted from the day after {@code at} (the day of
 * the event is not refunded).
 */
public final class Periods {
    private Periods() {
    }

    /** Whole days of paid period left after {@code at}: to the plan's end, or to its next monthly renewal. */
    public static long remainingDays(Subscription s, OffsetDateTime at, PolicyCalendar calendar) {
        LocalDate day = calendar.dateOf(at);
        LocalDate end;
        if (s.end() != null) {
            end = calendar.dateOf(s.end());
        } else {
            end = nextRenewal(calendar.dateOf(s.start()), day);
        }
        return Math.max(0, ChronoUnit.DAYS.between(day, end) - 1);
    }

    private static LocalDate nextRenewal(LocalDate start, LocalDate after) {
        int dom = start.getDayOfMonth();
        YearMonth ym = YearMonth.from(after);
        LocalDate candidate = ym.atDay(Math.min(dom, ym.lengthOfMonth()));
        if (!candidate.isAfter(after)) {
            YearMonth next = ym.plusMonths(1);
            candidate = next.atDay(Math.min(dom, next.lengthOfMonth()));
        }
        return candidate;
    }
}
