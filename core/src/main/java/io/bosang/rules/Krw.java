package io.bosang.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Exact money arithmetic for rules. Amounts are whole KRW in {@code long}; a computation keeps full precision
 * in {@link BigDecimal} and rounds exactly once, at the end, to a unit (1, 10, 100 won) in a named mode, and says
 * so in the derivation. Never {@code double}. Nothing here wraps around: a result a {@code long} cannot hold is an
 * {@link ArithmeticException} naming the computation, which the engine turns into an {@code ERROR} assessment for
 * that claim alone ({@code Policy.assess}). Rules multiply and add money through {@link #multiply}, {@link #add} and
 * {@link #times(long, String, long)}, never with a bare {@code *} or {@code +}.
 */
public final class Krw {
    private Krw() {
    }

    /**
     * {@code 7550} → {@code "7,550"}: what {@code String.format(Locale.ROOT, "%,d", krw)} writes, without its cost (a
     * Formatter and locale lookups per call were a tenth of a Kakao run's CPU; every derivation formats amounts).
     */
    public static String format(long krw) {
        return grouped(Long.toString(krw));
    }

    /**
     * A decimal without trailing zeros and with grouping: {@code 7548.387} → {@code "7,548.39"} (2 places shown, half
     * up), as {@code new DecimalFormat("#,##0.##")} in {@code Locale.ROOT} writes it.
     */
    public static String format(BigDecimal value) {
        String plain = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        int dot = plain.indexOf('.');
        return dot < 0 ? grouped(plain) : grouped(plain.substring(0, dot)) + plain.substring(dot);
    }

    /** An integer's digits ({@code "-1234567"}) with a comma between groups of three: {@code "-1,234,567"}. */
    private static String grouped(String integer) {
        int sign = integer.startsWith("-") ? 1 : 0;
        int digits = integer.length() - sign;
        if (digits <= 3) return integer;
        StringBuilder sb = new StringBuilder(integer.length() + digits / 3);
        sb.append(integer, 0, sign);
        int head = digits % 3 == 0 ? 3 : digits % 3;
        sb.append(integer, sign, sign + head);
        for (int i = sign + head; i < integer.length(); i += 3) sb.append(',').append(integer, i, i + 3);
        return sb.toString();
    }

    /** A factor as written: {@code 3}, {@code 0.2}, {@code 1.5}. */
    public static String factor(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    /** {@code krw × count}, exact: an {@link ArithmeticException} naming both instead of a wrapped-around amount. */
    public static long multiply(long krw, long count) {
        try {
            return Math.multiplyExact(krw, count);
        } catch (ArithmeticException e) {
            throw overflow(format(krw) + " × " + format(count));
        }
    }

    /** {@code a + b} in KRW, exact: an {@link ArithmeticException} naming both instead of a wrapped-around amount. */
    public static long add(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw overflow(format(a) + " + " + format(b));
        }
    }

    /** {@code count × unitKrw} with its derivation, exact: {@code "3 nights × 5,000 = 15,000"}. */
    public static Computed times(long count, String what, long unitKrw) {
        String formula = format(count) + " " + what + " × " + format(unitKrw);
        try {
            long value = Math.multiplyExact(count, unitKrw);
            return new Computed(value, formula + " = " + format(value));
        } catch (ArithmeticException e) {
            throw overflow(formula);
        }
    }

    /**
     * {@code amount × numerator / denominator}, rounded once to {@code unit} won. The quotient is never rounded on
     * the way: the exact fraction is rounded to the unit in {@code mode}.
     *
     * @param mode {@code HALF_UP}, {@code UP}, {@code DOWN} (a {@link RoundingMode} name)
     */
    public static Computed prorate(long amount, long numerator, long denominator, long unit, String mode) {
        if (denominator <= 0) throw new IllegalArgumentException("denominator must be positive");
        if (unit <= 0) throw new IllegalArgumentException("rounding unit must be positive");
        BigDecimal product = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(numerator));
        BigDecimal den = BigDecimal.valueOf(denominator);
        String formula = format(amount) + " × " + format(numerator) + " / " + format(denominator);
        RoundingMode rm = RoundingMode.valueOf(mode);
        BigDecimal u = BigDecimal.valueOf(unit);
        long rounded = exactLong(product.divide(den.multiply(u), 0, rm).multiply(u), formula);
        boolean exactlyRounded = product.compareTo(BigDecimal.valueOf(rounded).multiply(den)) == 0;
        String text = exactlyRounded ? formula + " = " + format(rounded)
                : formula + " = " + format(product.divide(den, 10, RoundingMode.HALF_UP)) + " → " + format(rounded)
                + " (rounded " + describe(rm) + " to " + format(unit) + " won)";
        return new Computed(rounded, text);
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
        long rounded = exactLong(exact.divide(u, 0, rm).multiply(u), formula);
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

    private static long exactLong(BigDecimal value, String formula) {
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw overflow(formula);
        }
    }

    private static ArithmeticException overflow(String formula) {
        return new ArithmeticException("KRW overflow: " + formula + " is beyond " + format(Long.MAX_VALUE)
                + " won; no amount is paid on a wrapped-around number");
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
