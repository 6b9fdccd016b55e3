package io.bosang.check;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one list of payout laws a policy may declare in {@code policy.yaml}, by name. A parameterised name ends in
 * {@code :} and takes a key ({@code monotone-in-declared:reference_week_sales}).
 */
public final class Invariants {
    /** Checked for every policy whether declared or not (reported, but a law not exercised fails only when declared). */
    public static final List<String> ALWAYS = List.of("no-errors", "parameters-in-force");

    private record Entry(String name, String says, Function<String, Invariant> make) {
        boolean parameterised() {
            return name.endsWith(":");
        }
    }

    private static final List<Entry> ALL = List.of(
            new Entry("no-errors", "no generated claim makes a rule fail", k -> new PerClaimLaws.NoErrors()),
            new Entry("non-negative", "no amount, nominal value or extension is negative", k -> new PerClaimLaws.NonNegative()),
            new Entry("lines-sum-to-totals", "the totals are the sums of the lines", k -> new PerClaimLaws.LinesSumToTotals()),
            new Entry("explained", "every line names its rule, legal basis, derivation, unit and parameters", k -> new PerClaimLaws.Explained()),
            new Entry("parameters-in-force", "every cited parameter value is the one in force on the incident date", k -> new PerClaimLaws.ParametersInForce()),
            new Entry("deterministic", "the same claim gives the same assessment alone or in a batch, on any thread count", k -> new BatchLaws.Deterministic()),
            new Entry("order-independent", "a batch in another order gives every claim the same assessment", k -> new BatchLaws.OrderIndependent()),
            new Entry("no-double-payment", "a family of one claimant's claims is not paid twice for one thing", k -> new NoDoublePayment()),
            new Entry("monotone-in-duration", "a longer outage never pays less", k -> MonotoneLaws.InInput.duration(MonotoneLaws.Measure.ALL)),
            new Entry("monotone-in-duration:extension", "a longer outage never extends less", k -> MonotoneLaws.InInput.duration(MonotoneLaws.Measure.EXTENSION)),
            new Entry("monotone-in-fee", "a higher fee never pays less", k -> MonotoneLaws.InInput.fee()),
            new Entry("monotone-in-parameter:", "raising the parameter never pays less", MonotoneLaws.InParameter::new),
            new Entry("monotone-in-declared:", "a larger declared amount never pays less", MonotoneLaws.InInput::declared),
            new Entry("monotone-in-usage:", "a larger usage count never pays less", MonotoneLaws.InInput::usage),
            new Entry("effective-dates", "a dated parameter change applies exactly from its date", k -> new EffectiveDates()),
            new Entry("no-money", "a duty-only policy never gives an award line", k -> new PerClaimLaws.NoMoney()),
            new Entry("labelled", "the policy carries a label shown with every result", k -> new Labelled()));

    private Invariants() {
    }

    /** Every name a policy may declare; parameterised ones end in ':'. */
    public static List<String> known() {
        return ALL.stream().map(Entry::name).toList();
    }

    /** What the named law says, in words; empty for an unknown name. */
    public static String says(String name) {
        return entry(name).map(Entry::says).orElse("");
    }

    /** The law of that name; empty when no law has it. */
    static Optional<Invariant> named(String name) {
        return entry(name).map(e -> e.make().apply(e.parameterised() ? name.substring(e.name().length()) : ""));
    }

    private static Optional<Entry> entry(String name) {
        for (Entry e : ALL) if (!e.parameterised() && e.name().equals(name)) return Optional.of(e);
        for (Entry e : ALL) if (e.parameterised() && name.startsWith(e.name()) && name.length() > e.name().length()) return Optional.of(e);
        return Optional.empty();
    }
}
