package io.bosang.rules;

import io.bosang.params.ParameterValue;
import io.bosang.params.Scale;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * The fee arithmetic the policies share, written once: a share of a monthly fee, and a multiple of the fee for the
 * outage time in its two published forms. Each computes exactly and rounds once, down, to the unit the rule reads,
 * and says so in the derivation. A rule passes the values it read ({@code $p.get("…")}), so the values are cited on
 * its line.
 */
public final class Fees {
    private Fees() {
    }

    /**
     * {@code fee × count / base}, rounded down to {@code unit}: "33,000 × 2 / 30 = 2,200 (monthly fee × 2 days / 30
     * days)". {@code per} names what count and base are in ("days", "h").
     */
    public static Computed share(long monthlyFee, ParameterValue count, ParameterValue base, ParameterValue unit, String per) {
        Computed c = Krw.prorate(monthlyFee, count.integer(), base.integer(), unit.krw(), "DOWN");
        return new Computed(c.value(), c.derivation() + " (monthly fee × " + count.integer() + " " + per + " / " + base.integer() + " " + per + ")");
    }

    /**
     * {@code multiple × fee × time / base hours}, rounded down to {@code unit}, as the carriers' voluntary schemes
     * were reported: "10 × 60,000 × 5 h 40 min / 720 h = 4,722.22 → 4,722 (rounded down to 1 won)".
     */
    public static Computed timesHourly(long monthlyFee, long minutes, ParameterValue multiple, ParameterValue baseHours, ParameterValue unit) {
        BigDecimal exact = BigDecimal.valueOf(monthlyFee).multiply(multiple.decimal()).multiply(BigDecimal.valueOf(minutes))
                .divide(baseHours.decimal().multiply(BigDecimal.valueOf(60)), 10, RoundingMode.HALF_UP);
        return Krw.round(exact, Krw.factor(multiple.decimal()) + " × " + Krw.format(monthlyFee) + " × " + Hours.format(Hours.minutes(minutes))
                + " / " + Krw.factor(baseHours.decimal()) + " h", unit.krw(), "DOWN");
    }

    /**
     * The carriers' terms: {@code fee / base days / 24 × time × multiple}, rounded down to {@code unit}:
     * "60,000 / 30 / 24 × 2 h 30 min × 10 = 2,083.33 → 2,083 (rounded down to 1 won)".
     */
    public static Computed forOutageTime(long fee, Duration counted, ParameterValue multiple, ParameterValue baseDays, ParameterValue unit) {
        BigDecimal exact = BigDecimal.valueOf(fee).multiply(BigDecimal.valueOf(counted.toMinutes())).multiply(multiple.decimal())
                .divide(BigDecimal.valueOf(Math.multiplyExact(baseDays.integer(), 24L * 60)), 10, RoundingMode.HALF_UP);
        return Krw.round(exact, Krw.format(fee) + " / " + baseDays.integer() + " / 24 × " + Hours.format(counted) + " × "
                + Krw.factor(multiple.decimal()), unit.krw(), "DOWN");
    }

    /**
     * The bracket of a tiered scheme {@code value} falls in, and the derivation: "3 declared outage days: ≥ 3 and ≤ 4 →
     * 800,000 (bracket 2 of 4)". Null when {@code value} is below the scale's first bracket.
     */
    public static Tier tier(ParameterValue scale, long value, String what) {
        Scale s = scale.scale();
        Scale.Bracket b = s.bracketFor(value);
        if (b == null) return null;
        String amount = b.hasAmount() ? Krw.format(b.amountKrw()) : "no fixed amount";
        return new Tier(b, what + " " + s.range(b) + " → " + amount + " (bracket " + b.number() + " of " + s.brackets().size() + ")");
    }
}
