package io.bosang.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Exact money arithmetic for rules. Amounts are whole KRW in {@code long}; a computation keeps full precision
 * in {@link BigDecimal} and rounds exactly once, at the end, to a unit (1, 10, 100 won) in a named mode, and says
 * so in the derivation. Never {@code double}.
 */
public final class Krw {
    private Krw() {
    }

    /** {@code 7550} → {@code "7,550"}. */
    public static String format(long krw) {
        return String.format(Locale.ROOT, "%,d", krw);
    }

    /** A decimal without trailing zeros and with grouping: {@code 7548.387} → {@code "7,548.39"} (2 places shown). */
    public static String format(BigDecimal value) {
        BigDecimal shown = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(shown);
    }

    /** A factor as written: {@code 3}, {@code 0.2}, {@code 1.5}. */
    public static String factor(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /**
     * {@code amount × numerator / denominator}, rounded once to {@code unit} won.
     *
     * @param mode {@code HALF_UP}, {@code UP}, {@code DOWN} (a {@link RoundingMode} name)
     */
    public static Computed prorate(long amount, long numerator, long denominator, long unit, String mode) {
        if (denominator <= 0) throw new IllegalArgumentException("denominator must be positive");
        BigDecimal exact = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(numerator))
                .divide(BigDecimal.valueOf(denominator), 10, RoundingMode.HALF_UP);
        String formula = format(amount) + " × " + format(numerator) + " / " + format(denominator);
        return round(exact, formula, unit, mode);
    }

    /** {@code amount × factor}, rounded once to {@code unit} won. */
    public static Computed times(long amount, BigDecimal factor, long unit, String mode) {
        BigDecimal exact = BigDecimal.valueOf(amount).multiply(factor);
        return round(exact, format(amount) + " × " + factor(factor), unit, mode);
    }

    /**
     * Rounds an exact value once to a multiple of {@code unit} and writes the derivation:
     * {@code "<formula> = <exact> → <rounded> (rounded half up to 10 won)"}; when nothing was rounded the arrow is omitted.
     */
    public static Computed round(BigDecimal exact, String formula, long unit, String mode) {
        if (unit <= 0) throw new IllegalArgumentException("rounding unit must be positive");
        RoundingMode rm = RoundingMode.valueOf(mode);
        BigDecimal u = BigDecimal.valueOf(unit);
        long rounded = exact.divide(u, 0, rm).multiply(u).longValueExact();
        String exactText = format(exact);
        String text;
        if (exact.compareTo(BigDecimal.valueOf(rounded)) == 0) {
            text = formula + " = " + format(rounded);
        } else {
            text = formula + " = " + exactText + " → " + format(rounded) + " (rounded " + describe(rm) + " to " + format(unit) + " won)";
        }
        return new Computed(rounded, text);
    }

    /** {@code value ≤ bound} when {@code inclusive} (이하), else {@code value < bound} (미만): tier wording as a parameter. */
    public static boolean within(long value, long bound, boolean inclusive) {
        return inclusive ? value <= bound : value < bound;
    }

    /** The smaller of {@code value} and {@code cap}, with a derivation saying whether the cap applied. */
    public static Computed cap(Computed value, long cap) {
        if (value.value() <= cap) return value;
        return new Computed(cap, value.derivation() + ", capped at " + format(cap));
    }

    private static String describe(RoundingMode rm) {
        return switch (rm) {
            case HALF_UP -> "half up";
            case HALF_EVEN -> "half even";
            case UP -> "up";
            case DOWN -> "down";
            case CEILING -> "up";
            case FLOOR -> "down";
            default -> rm.name().toLowerCase(Locale.ROOT);
        };
    }
}
