package io.bosang.params;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiered scheme as one parameter value (OpenFisca's "single amount" scale): brackets in ascending order of
 * threshold, each giving an amount to whatever falls in it. A bracket admits a value from its threshold on,
 * inclusive ({@code ≥}) or exclusive ({@code >}), up to the next bracket's threshold; a value below the first
 * bracket falls in none. An amount may be missing ({@code none}): that bracket has no fixed amount (a council's
 * individual review).
 *
 * <p>Canonical text, as a parameter value, a what-if or a diff shows it: {@code ≥ 0: 30000; > 300000: 50000; > 500000: none}
 * ({@code >=} is read as {@code ≥}).
 */
public final class Scale {
    private static final Map<String, Scale> PARSED = new ConcurrentHashMap<>();
    private final List<Bracket> brackets;

    private Scale(List<Bracket> brackets) {
        this.brackets = List.copyOf(brackets);
    }

    /** One bracket: its 1-based number, threshold, whether the threshold itself is in it, and its amount (null: none). */
    public record Bracket(int number, BigDecimal threshold, boolean inclusive, BigDecimal amount) {
        public Bracket {
            Objects.requireNonNull(threshold, "threshold");
        }

        public boolean hasAmount() {
            return amount != null;
        }

        /** The amount as whole KRW; fails when the bracket has none or a fraction. */
        public long amountKrw() {
            if (amount == null) throw new IllegalStateException("bracket " + number + " has no fixed amount");
            return amount.longValueExact();
        }

        boolean admits(BigDecimal x) {
            int c = x.compareTo(threshold);
            return inclusive ? c >= 0 : c > 0;
        }

        String lower() {
            return (inclusive ? "≥ " : "> ") + format(threshold);
        }
    }

    public List<Bracket> brackets() {
        return brackets;
    }

    /** The bracket {@code x} falls in, or null below the first. */
    public Bracket bracketFor(BigDecimal x) {
        Bracket in = null;
        for (Bracket b : brackets) {
            if (b.admits(x)) in = b;
            else break;
        }
        return in;
    }

    public Bracket bracketFor(long x) {
        return bracketFor(BigDecimal.valueOf(x));
    }

    /** Bracket {@code number} (1-based). */
    public Bracket bracket(int number) {
        if (number < 1 || number > brackets.size()) throw new IllegalArgumentException("the scale has no bracket " + number + " (1.." + brackets.size() + ")");
        return brackets.get(number - 1);
    }

    /** The range of a bracket in words: "> 300,000 and ≤ 500,000", or "≥ 7" for the last. */
    public String range(Bracket b) {
        if (b.number() >= brackets.size()) return b.lower();
        Bracket next = brackets.get(b.number());
        return b.lower() + " and " + (next.inclusive() ? "< " : "≤ ") + format(next.threshold());
    }

    /** The canonical text. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (Bracket b : brackets) {
            if (s.length() > 0) s.append("; ");
            s.append(b.inclusive() ? "≥ " : "> ").append(b.threshold().toPlainString()).append(": ")
                    .append(b.amount() == null ? "none" : b.amount().toPlainString());
        }
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scale s && s.toString().equals(toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Builds a scale from brackets (threshold, inclusive, amount or null), checking their order. */
    public static Scale of(List<Bracket> brackets) {
        String why = problemWith(brackets);
        if (why != null) throw new IllegalArgumentException(why);
        return new Scale(brackets);
    }

    /** Why these brackets are not a scale, or null. */
    static String problemWith(List<Bracket> brackets) {
        if (brackets.isEmpty()) return "a scale needs at least one bracket";
        for (int i = 1; i < brackets.size(); i++) {
            if (brackets.get(i).threshold().compareTo(brackets.get(i - 1).threshold()) <= 0) {
                return "bracket " + (i + 1) + "'s threshold " + brackets.get(i).threshold().toPlainString() + " must be above bracket "
                        + i + "'s " + brackets.get(i - 1).threshold().toPlainString() + " (brackets ascend)";
            }
        }
        return null;
    }

    /** Reads the canonical text; fails with the reason on anything else. */
    public static Scale parse(String text) {
        Scale cached = PARSED.get(text);
        if (cached != null) return cached;
        List<String> problems = new ArrayList<>();
        Scale s = read(text, problems);
        if (s == null) throw new IllegalArgumentException(problems.get(0));
        if (PARSED.size() < 10_000) PARSED.put(text, s);
        return s;
    }

    /** Reads the canonical text, or returns null after describing what is wrong. */
    static Scale read(String text, List<String> problems) {
        List<Bracket> out = new ArrayList<>();
        String[] items = text == null ? new String[0] : text.split(";");
        for (String raw : items) {
            String item = raw.trim();
            boolean inclusive;
            if (item.startsWith("≥")) { inclusive = true; item = item.substring(1); }
            else if (item.startsWith(">=")) { inclusive = true; item = item.substring(2); }
            else if (item.startsWith(">")) { inclusive = false; item = item.substring(1); }
            else {
                problems.add("'" + raw.trim() + "' is not a bracket: write '≥ threshold: amount' or '> threshold: amount' (amount 'none' for no fixed amount)");
                return null;
            }
            int colon = item.indexOf(':');
            if (colon < 0) {
                problems.add("'" + raw.trim() + "' has no ':' between threshold and amount");
                return null;
            }
            try {
                BigDecimal threshold = new BigDecimal(item.substring(0, colon).trim());
                String a = item.substring(colon + 1).trim();
                BigDecimal amount = a.equals("none") ? null : new BigDecimal(a);
                out.add(new Bracket(out.size() + 1, threshold, inclusive, amount));
            } catch (NumberFormatException e) {
                problems.add("'" + raw.trim() + "': threshold and amount must be numbers (amount 'none' for no fixed amount)");
                return null;
            }
        }
        String why = problemWith(out);
        if (why != null) {
            problems.add(why);
            return null;
        }
        return new Scale(out);
    }

    static String format(BigDecimal v) {
        DecimalFormat f = new DecimalFormat("#,##0.##########", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(v);
    }
}
