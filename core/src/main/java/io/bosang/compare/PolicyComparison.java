package io.bosang.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.engine.Policy;
import io.bosang.result.Outcome;
import io.bosang.result.PolicyStamp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The same claims under several policies, side by side: per claim each policy's outcome and value, the largest and
 * the smallest, and the rules (or findings) behind the difference; and a summary across the file. What a law firm
 * puts next to the company's offer. What {@code bosang compare} prints.
 *
 * <p>Policies are ranked per claim by value in KRW (money plus the nominal value of in-kind items), then by length of
 * service extension: an extension is not converted into money, because its worth depends on the user's plan and the
 * policies disagree on how to price it.
 */
public final class PolicyComparison {
    private PolicyComparison() {
    }

    /** One policy's result for one claim. */
    @JsonPropertyOrder({"policy", "outcome", "valueKrw", "moneyKrw", "extension", "rules", "findings", "onAssumedKrw"})
    public record Cell(String policy, Outcome outcome, long valueKrw, long moneyKrw, Duration extension, List<String> rules,
                       List<String> findings, long onAssumedKrw) {
        static Cell of(String policy, ClaimValue v) {
            return new Cell(policy, v.outcome(), v.valueKrw(), v.moneyKrw(), v.extension(), List.copyOf(v.byRule().keySet()), v.findings(),
                    v.onAssumedKrw());
        }

        /** Rules if the policy gave something, else the findings that say why not. */
        public String because() {
            return !rules.isEmpty() ? String.join("+", rules) : findings.isEmpty() ? outcome.name() : String.join("+", findings);
        }
    }

    /** One claim across the policies. */
    @JsonPropertyOrder({"record", "claimId", "policies", "largest", "smallest", "spreadKrw", "why"})
    public record Row(long record, String claimId, List<Cell> policies, String largest, String smallest, long spreadKrw, String why) {
    }

    /** One policy's totals across the file. */
    @JsonPropertyOrder({"policy", "version", "contentHash", "label", "claims", "awarded", "valueKrw", "moneyKrw", "extension",
            "largestFor", "smallestFor", "outcomes", "onAssumedKrw"})
    public record PolicyTotal(String policy, String version, String contentHash, String label, long claims, long awarded,
                              long valueKrw, long moneyKrw, Duration extension, long largestFor, long smallestFor,
                              Map<Outcome, Long> outcomes, long onAssumedKrw) {
    }

    /** The summary across the file. */
    @JsonPropertyOrder({"claims", "policies", "comparable", "differing"})
    public record Summary(long claims, List<PolicyTotal> policies, long comparable, long differing) {
    }

    /**
     * Runs the claims through every policy in one streaming pass (each record read once) and hands each claim's row
     * to {@code rows}, in input order; returns the summary. Memory does not grow with the file but for the policies'
     * settlement ledgers.
     */
    public static Summary run(List<Policy> policies, ClaimsFile claims, int threads, Consumer<Row> rows) {
        if (policies.size() < 2) throw new IllegalArgumentException("compare needs at least two policies");
        Accumulator acc = new Accumulator(policies);
        claims.runEach(policies, threads, values -> rows.accept(acc.add(values)));
        return acc.summary();
    }

    /** Combines runs of the same records under {@code policies} (same order), held in memory. */
    public static Summary combine(List<Policy> policies, List<List<ClaimValue>> runs, Consumer<Row> rows) {
        Accumulator acc = new Accumulator(policies);
        int records = runs.get(0).size();
        for (int i = 0; i < records; i++) {
            List<ClaimValue> values = new ArrayList<>(runs.size());
            for (List<ClaimValue> run : runs) values.add(run.get(i));
            rows.accept(acc.add(values));
        }
        return acc.summary();
    }

    /** Builds rows record by record and sums the totals per policy. */
    static final class Accumulator {
        private final List<Policy> policies;
        private final int n;
        private final long[] awarded, value, money, largestFor, smallestFor, onAssumed;
        private final Duration[] extension;
        private final List<Map<Outcome, Long>> outcomes = new ArrayList<>();
        private long records, comparable, differing;

        Accumulator(List<Policy> policies) {
            this.policies = List.copyOf(policies);
            this.n = policies.size();
            awarded = new long[n];
            value = new long[n];
            money = new long[n];
            largestFor = new long[n];
            smallestFor = new long[n];
            onAssumed = new long[n];
            extension = new Duration[n];
            for (int k = 0; k < n; k++) {
                extension[k] = Duration.ZERO;
                outcomes.add(new EnumMap<>(Outcome.class));
            }
        }

        Row add(List<ClaimValue> values) {
            records++;
            List<Cell> cells = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                ClaimValue v = values.get(k);
                cells.add(Cell.of(policies.get(k).id(), v));
                outcomes.get(k).merge(v.outcome(), 1L, Long::sum);
                value[k] += v.valueKrw();
                money[k] += v.moneyKrw();
                onAssumed[k] = Math.addExact(onAssumed[k], v.onAssumedKrw());
                extension[k] = extension[k].plus(v.extension());
                if (v.outcome() == Outcome.AWARD) awarded[k]++;
            }
            ClaimValue first = values.get(0);
            if (first.outcome() == Outcome.REJECTED) {
                return new Row(first.record(), first.claimId(), cells, "", "", 0, "rejected input: " + String.join(", ", first.findings()));
            }
            comparable++;
            Comparator<Integer> rank = Comparator.comparingLong((Integer k) -> cells.get(k).valueKrw())
                    .thenComparing(k -> cells.get(k).extension());
            int hi = 0, lo = 0;
            for (int k = 1; k < n; k++) {
                if (rank.compare(k, hi) > 0) hi = k;
                if (rank.compare(k, lo) < 0) lo = k;
            }
            boolean same = rank.compare(hi, lo) == 0;
            if (!same) {
                differing++;
                largestFor[hi]++;
                smallestFor[lo]++;
            }
            Cell h = cells.get(hi), l = cells.get(lo);
            String review = cells.stream().filter(c -> c.outcome() == Outcome.MANUAL_REVIEW)
                    .map(c -> c.policy() + " sends it to manual review (" + c.because() + ")").reduce((x, y) -> x + "; " + y).orElse("");
            String why = same ? (review.isEmpty() ? "all policies give the same" : "the same value; " + review)
                    : h.policy() + " gives " + describe(h) + " by " + h.because() + "; " + l.policy() + " gives " + describe(l) + " by " + l.because();
            return new Row(first.record(), first.claimId(), cells, same ? "" : h.policy(), same ? "" : l.policy(),
                    h.valueKrw() - l.valueKrw(), why);
        }

        Summary summary() {
            List<PolicyTotal> totals = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                Policy p = policies.get(k);
                PolicyStamp s = p.stamp();
                totals.add(new PolicyTotal(p.id(), s.version(), s.contentHash(), p.manifest().label(), records, awarded[k], value[k],
                        money[k], extension[k], largestFor[k], smallestFor[k], outcomes.get(k), onAssumed[k]));
            }
            return new Summary(records, totals, comparable, differing);
        }
    }

    static String describe(Cell c) {
        StringBuilder b = new StringBuilder(String.format("%,d KRW", c.valueKrw()));
        if (!c.extension().isZero()) b.append(" + ").append(io.bosang.rules.Hours.format(c.extension())).append(" extension");
        return b.toString();
    }
}
