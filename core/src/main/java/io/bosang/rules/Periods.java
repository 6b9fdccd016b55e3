package io.bosang.rules;

import io.bosang.domain.Subscription;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * Paid periods, for refunds of the remaining period. A recurring plan renews monthly on its start's day of month
 * (clamped to the month's length); a fixed-term plan ends at its end. Days are whole calendar days in the
 * subscription's own offset, counted from the day after {@code at} (the day of the event is not refunded).
 */
public final class Periods {
    private Periods() {
    }

    /** Whole days of paid period left after {@code at}: to the plan's end, or to its next monthly renewal. */
    public static long remainingDays(Subscription s, OffsetDateTime at) {
        LocalDate day = at.atZoneSameInstant(s.start().getOffset()).toLocalDate();
        LocalDate end;
        if (s.end() != null) {
            end = s.end().atZoneSameInstant(s.start().getOffset()).toLocalDate();
        } else {
            end = nextRenewal(s.start().toLocalDate(), day);
        }
        return Math.max(0, ChronoUnit.DAYS.between(day, end) - 1);
    }

    /** Days in the calendar month of {@code at}: the proration base Kakao used (39,000 × 6 / 31). */
    public static int daysInMonth(OffsetDateTime at) {
        return YearMonth.from(at).lengthOfMonth();
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
