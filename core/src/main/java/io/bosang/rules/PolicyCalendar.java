package io.bosang.rules;

import io.bosang.domain.Subscription;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;

/**
 * The one place that turns instants into the policy's local dates and months. A policy's deadlines and "days" are
 * those of its jurisdiction's zone ({@code zone:} in {@code policy.yaml}, Asia/Seoul for every shipped policy), not of
 * whatever offset a claim or incident happened to be written in: {@code 2023-01-20T15:30Z} and
 * {@code 2023-01-21T00:30+09:00} are the same instant and fall on the same policy day, 21 Jan.
 *
 * <p>The engine inserts one into every session; rules bind it ({@code $cal : PolicyCalendar()}) and never call
 * {@code toLocalDate()}, {@code getOffset()} or {@code atOffset()} on an instant themselves (a build test fails
 * when a DRL file does). Every date or time a rule prints goes through {@link #format} or {@link #local}, so the
 * same instant gives byte-identical output in any offset.
 *
 * @param zone the policy's zone
 */
public record PolicyCalendar(ZoneId zone) {
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("z", Locale.ENGLISH);

    public PolicyCalendar {
        Objects.requireNonNull(zone, "zone");
    }

    public static PolicyCalendar of(String zoneId) {
        return new PolicyCalendar(ZoneId.of(zoneId));
    }

    /** Korea Standard Time, the zone of every shipped policy. */
    public static final PolicyCalendar SEOUL = of("Asia/Seoul");

    /** The policy date on which {@code instant} falls. */
    public LocalDate dateOf(OffsetDateTime instant) {
        return instant.atZoneSameInstant(zone).toLocalDate();
    }

    /** The policy month in which {@code instant} falls. */
    public YearMonth monthOf(OffsetDateTime instant) {
        return YearMonth.from(instant.atZoneSameInstant(zone));
    }

    /** Days in the policy month of {@code instant} (30 or 31 for Oct 2022 depending on nothing but the instant). */
    public int daysInMonthOf(OffsetDateTime instant) {
        return monthOf(instant).lengthOfMonth();
    }

    /** The first instant of policy day {@code day}. */
    public OffsetDateTime startOfDay(LocalDate day) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }

    /** The first instant after policy day {@code day} (exclusive end of the day). */
    public OffsetDateTime endOfDay(LocalDate day) {
        return startOfDay(day.plusDays(1));
    }

    /** True when {@code instant} falls on policy day {@code day} or later. */
    public boolean onOrAfter(OffsetDateTime instant, LocalDate day) {
        return !instant.isBefore(startOfDay(day));
    }

    /** True when {@code instant} falls on policy day {@code day} or earlier. */
    public boolean onOrBefore(OffsetDateTime instant, LocalDate day) {
        return instant.isBefore(endOfDay(day));
    }

    /** True when {@code instant} falls on a policy day from {@code first} to {@code last}, both inclusive. */
    public boolean within(OffsetDateTime instant, LocalDate first, LocalDate last) {
        return onOrAfter(instant, first) && onOrBefore(instant, last);
    }

    /** True when the plan's last paid day (the day of the instant just before its exclusive end) is {@code day}. */
    public boolean lastPaidDayIs(Subscription s, LocalDate day) {
        return s.end() != null && dateOf(s.end().minusNanos(1)).equals(day);
    }

    /** The same instant written at the policy zone's offset (what a rule prints, {@code 2022-10-15T15:30+09:00}). */
    public OffsetDateTime local(OffsetDateTime instant) {
        return instant == null ? null : instant.atZoneSameInstant(zone).toOffsetDateTime();
    }

    /** "2022-10-15 15:30 KST". */
    public String format(OffsetDateTime instant) {
        var z = instant.atZoneSameInstant(zone);
        return FULL.format(z) + " " + ZONE_NAME.format(z);
    }

    /** "15 Oct 15:30" in the policy zone, without the zone's name (for lists that name it once). */
    public String formatShort(OffsetDateTime instant) {
        return SHORT.format(instant.atZoneSameInstant(zone));
    }

    /** "15:30" in the policy zone. */
    public String formatTime(OffsetDateTime instant) {
        return TIME.format(instant.atZoneSameInstant(zone));
    }

    /** The zone's short name at {@code instant}, e.g. "KST". */
    public String zoneName(OffsetDateTime instant) {
        return ZONE_NAME.format(instant.atZoneSameInstant(zone));
    }

    @Override
    public String toString() {
        return zone.getId();
    }
}
