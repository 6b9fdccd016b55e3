package io.bosang.rules;

import io.bosang.domain.BillingChannel;
import io.bosang.domain.Subscription;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * A policy day is a KST day whatever offset the instant is written in: instants on both sides of a KST midnight,
 * written in UTC (where the date has not yet changed) and in offsets from -12:00 to +14:00.
 */
class PolicyCalendarProperties {
    static final PolicyCalendar KST = PolicyCalendar.SEOUL;
    static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(9), ZoneOffset.ofHours(-5),
            ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12));
    /** 21 Jan 2023 00:00 KST = 20 Jan 15:00 UTC: the first instant after the heart package's last day. */
    static final OffsetDateTime MIDNIGHT = OffsetDateTime.parse("2023-01-21T00:00:00+09:00");

    @Test
    void aDeadlineDayEndsAtKstMidnightInEveryOffset() {
        LocalDate last = LocalDate.of(2023, 1, 20);
        qt().withExamples(500).forAll(integers().between(-24 * 60, 24 * 60 - 1), integers().between(0, OFFSETS.size() - 1))
                .checkAssert((minutes, o) -> {
                    OffsetDateTime t = MIDNIGHT.plusMinutes(minutes).withOffsetSameInstant(OFFSETS.get(o));
                    assertEquals(minutes < 0, KST.onOrBefore(t, last), t + " against the last day " + last);
                    assertEquals(minutes >= 0, KST.onOrAfter(t, last.plusDays(1)), t + " against the first day after");
                    assertEquals(minutes < 0 ? last : last.plusDays(1), KST.dateOf(t), "the KST date of " + t);
                    assertEquals(KST.format(MIDNIGHT.plusMinutes(minutes)), KST.format(t), "rendered in KST, not in the offset written");
                });
    }

    @Test
    void theDayBeforeMidnightWrittenInUtcIsStillTheDeadline() {
        OffsetDateTime inTime = OffsetDateTime.parse("2023-01-20T14:59:00Z");   // 23:59 KST on the last day
        OffsetDateTime late = OffsetDateTime.parse("2023-01-20T15:00:00Z");     // 00:00 KST the next day
        LocalDate first = LocalDate.of(2023, 1, 5);
        LocalDate last = LocalDate.of(2023, 1, 20);
        assertTrue(KST.within(inTime, first, last));
        assertFalse(KST.within(late, first, last), "the UTC date is still 20 Jan, the KST date is 21 Jan");
        assertTrue(KST.within(OffsetDateTime.parse("2023-01-04T15:00:00Z"), first, last), "00:00 KST on the first day");
        assertFalse(KST.within(OffsetDateTime.parse("2023-01-04T14:59:00Z"), first, last), "23:59 KST the day before");
        assertEquals("2023-01-21 00:00 KST", KST.format(late));
    }

    @Test
    void monthsAndTheirLengthAreKstMonths() {
        OffsetDateTime endOfOctoberUtc = OffsetDateTime.parse("2022-10-31T16:00:00Z"); // 1 Nov 01:00 KST
        assertEquals(java.time.YearMonth.of(2022, 11), KST.monthOf(endOfOctoberUtc));
        assertEquals(30, KST.daysInMonthOf(endOfOctoberUtc));
        assertEquals(31, KST.daysInMonthOf(OffsetDateTime.parse("2022-10-31T14:59:00Z")));
    }

    @Test
    void aPlansLastPaidDayIsItsKstDay() {
        // Ends (exclusive) at 16 Oct 00:00 KST: the last paid day is 15 Oct, written in UTC or in KST.
        Subscription utc = new Subscription("p", 1000, BillingChannel.DIRECT, OffsetDateTime.parse("2022-09-15T15:00:00Z"),
                OffsetDateTime.parse("2022-10-15T15:00:00Z"));
        assertTrue(KST.lastPaidDayIs(utc, LocalDate.of(2022, 10, 15)));
        // Ends at 16 Oct 09:00 KST, written as 16 Oct 00:00 UTC: paid through 16 Oct in KST.
        Subscription later = new Subscription("p", 1000, BillingChannel.DIRECT, OffsetDateTime.parse("2022-09-16T00:00:00Z"),
                OffsetDateTime.parse("2022-10-16T00:00:00Z"));
        assertFalse(KST.lastPaidDayIs(later, LocalDate.of(2022, 10, 15)));
        assertTrue(KST.lastPaidDayIs(later, LocalDate.of(2022, 10, 16)));
    }

    @Test
    void remainingDaysCountKstDaysWhateverOffsetThePlanIsWrittenIn() {
        // A plan that renews on the 5th in KST (00:00 KST on 5 Oct is 15:00 UTC on 4 Oct).
        Subscription kst = new Subscription("p", 1900, BillingChannel.DIRECT, OffsetDateTime.parse("2022-10-05T00:00:00+09:00"), null);
        Subscription utc = new Subscription("p", 1900, BillingChannel.DIRECT, OffsetDateTime.parse("2022-10-04T15:00:00Z"), null);
        OffsetDateTime end = OffsetDateTime.parse("2022-10-20T23:00:00+09:00");
        assertEquals(15, Periods.remainingDays(kst, end, KST), "21 Oct to 4 Nov");
        assertEquals(Periods.remainingDays(kst, end, KST), Periods.remainingDays(utc, end, KST));
    }
}
