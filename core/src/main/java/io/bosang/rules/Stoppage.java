package io.bosang.rules;

import java.time.Duration;

/**
 * The outage of a claim that a clause covers: a policy's classification rule inserts one when the claim is within
 * the clause (a paid plan in force, a fault the clause does not exclude), and the entitlement rules read it. Shared
 * by every policy that measures a stoppage, so none declares its own.
 *
 * @param outage the engine's measurement of the claimed service's outage (counted severities, windows merged, days
 *               and months of the policy's zone)
 */
public record Stoppage(ServiceOutage outage) {
    /** The reading of "a month" as the calendar month ({@code calendar-month}) or any 30 days ({@code 30-days}). */
    public static final String CALENDAR_MONTH = "calendar-month";
    public static final String ANY_30_DAYS = "30-days";

    public Stoppage {
        java.util.Objects.requireNonNull(outage, "outage");
    }

    /** All counted time. */
    public Duration counted() {
        return outage.total();
    }

    /** The most counted time in one calendar month of the policy's zone. */
    public Duration monthly() {
        return outage.maxMonth();
    }

    /**
     * The most counted time in "a month" as {@code reading} says: {@value #CALENDAR_MONTH} or {@value #ANY_30_DAYS}
     * (any 30 consecutive days, wherever they start).
     */
    public Duration monthly(String reading) {
        if (CALENDAR_MONTH.equals(reading)) return outage.maxMonth();
        if (ANY_30_DAYS.equals(reading)) return outage.maxWithin(Duration.ofDays(30));
        throw new IllegalArgumentException("'" + reading + "' is not a reading of a month: use " + CALENDAR_MONTH + " or " + ANY_30_DAYS);
    }

    /** "in one calendar month" or "in any 30 days", as a derivation writes it. */
    public static String monthWords(String reading) {
        return ANY_30_DAYS.equals(reading) ? "in any 30 days" : "in one month";
    }

    /** The most counted time in one day of the policy's zone. */
    public Duration maxDay() {
        return outage.maxDay();
    }

    /** The longest counted run (windows that touch are one). */
    public Duration longestRun() {
        return outage.longestRun();
    }

    /** Days of the policy's zone with counted time. */
    public int days() {
        return outage.daysTouched();
    }

    /** "full stoppage" or "full and partial stoppage". */
    public String measure() {
        return outage.measure();
    }

    /** The counted windows as text, in the policy's zone. */
    public String windows() {
        return outage.describe();
    }

    /** {@code d} is above {@code threshold}, or at it when {@code inclusive}. */
    public static boolean over(Duration d, Duration threshold, boolean inclusive) {
        int c = d.compareTo(threshold);
        return inclusive ? c >= 0 : c > 0;
    }

    /**
     * The usual two-way threshold of outage terms: at least {@code inARow} in a row, or more than {@code inAMonth} in
     * one calendar month (or at least, when {@code monthInclusive}).
     */
    public boolean meets(Duration inARow, Duration inAMonth, boolean monthInclusive) {
        return longestRun().compareTo(inARow) >= 0 || over(monthly(), inAMonth, monthInclusive);
    }

    /** "≥" or "≤"/"<" as the reading of a bound says, for derivations. */
    public static String above(boolean inclusive) {
        return inclusive ? "≥" : ">";
    }

    public static String below(boolean inclusive) {
        return inclusive ? "<" : "≤";
    }
}
