package io.bosang.compare;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.engine.Policy;
import io.bosang.engine.RuleInfo;
import io.bosang.params.DatedValue;
import io.bosang.params.Parameter;
import io.bosang.params.ParameterValue;
import io.bosang.result.Outcome;
import io.bosang.result.PolicyStamp;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The impact of an edit: the same claims through the base and the changed version of a policy, and what changed —
 * how many claims, which outcomes, the cost before and after, the biggest changes, and the rules and parameters that
 * caused them. What {@code bosang diff} prints.
 */
public final class PolicyDiff {
    private PolicyDiff() {
    }

    /** Count of claims moving from one outcome to another. */
    @JsonPropertyOrder({"from", "to", "claims"})
    public record Transition(Outcome from, Outcome to, long claims) {
    }

    /** One rule's share of the change. */
    @JsonPropertyOrder({"ruleId", "claims", "beforeKrw", "afterKrw", "deltaKrw"})
    public record RuleImpact(String ruleId, long claims, long beforeKrw, long afterKrw, long deltaKrw) {
    }

    /** How many changed claims moved by an amount in a range (KRW), for the distribution of an edit's effect. */
    @JsonPropertyOrder({"range", "claims"})
    public record Bucket(String range, long claims) {
    }

    /** The ranges of {@link Bucket}, from the largest decrease to the largest increase. */
    static final String[] RANGES = {"< -100,000", "-100,000 to -10,001", "-10,000 to -1,001", "-1,000 to -1",
            "0 (extension or outcome only)", "+1 to +1,000", "+1,001 to +10,000", "+10,001 to +100,000", "> +100,000"};

    static int bucketOf(long delta) {
        if (delta < -100_000) return 0;
        if (delta < -10_000) return 1;
        if (delta < -1_000) return 2;
        if (delta < 0) return 3;
        if (delta == 0) return 4;
        if (delta <= 1_000) return 5;
        if (delta <= 10_000) return 6;
        if (delta <= 100_000) return 7;
        return 8;
    }

    /** One parameter edited between the versions, and how many changed claims cite it. */
    @JsonPropertyOrder({"id", "before", "after", "changedClaims"})
    public record ParameterChange(String id, String before, String after, long changedClaims) {
    }

    /** One rule added, removed or re-worded between the versions. */
    @JsonPropertyOrder({"ruleId", "change", "detail"})
    public record RuleChange(String ruleId, String change, String detail) {
    }

    /** One claim whose result changed. */
    @JsonPropertyOrder({"record", "claimId", "outcomeBefore", "outcomeAfter", "beforeKrw", "afterKrw", "deltaKrw",
            "extensionBefore", "extensionAfter", "rules", "parameters"})
    public record ClaimChange(long record, String claimId, Outcome outcomeBefore, Outcome outcomeAfter, long beforeKrw,
                              long afterKrw, long deltaKrw, Duration extensionBefore, Duration extensionAfter,
                              List<String> rules, List<String> parameters) {
    }

    /** The whole impact report. */
    @JsonPropertyOrder({"base", "changed", "claims", "changedClaims", "changedOutcomes", "costBeforeKrw", "costAfterKrw",
            "deltaKrw", "moneyBeforeKrw", "moneyAfterKrw", "transitions", "byRule", "parameterChanges", "ruleChanges",
            "distribution", "biggest"})
    public record Report(PolicyStamp base, PolicyStamp changed, long claims, long changedClaims, long changedOutcomes,
                         long costBeforeKrw, long costAfterKrw, long deltaKrw, long moneyBeforeKrw, long moneyAfterKrw,
                         List<Transition> transitions, List<RuleImpact> byRule, List<ParameterChange> parameterChanges,
                         List<RuleChange> ruleChanges, List<Bucket> distribution, List<ClaimChange> biggest) {
    }

    /** Order of the biggest changes: largest value change first, then largest extension change, then input order. */
    static final Comparator<ClaimChange> BIGGEST_FIRST = Comparator.comparingLong((ClaimChange c) -> -Math.abs(c.deltaKrw()))
            .thenComparing((ClaimChange c) -> c.extensionAfter().minus(c.extensionBefore()).abs(), Comparator.reverseOrder())
            .thenComparingLong(ClaimChange::record);

    /**
     * Runs {@code claims} through both versions in one streaming pass (each record read once) and reports the
     * difference, keeping the {@code top} biggest changes. Memory does not grow with the file but for the two
     * settlement ledgers.
     */
    public static Report run(Policy base, Policy changed, ClaimsFile claims, int threads, int top) {
        Accumulator acc = new Accumulator(top);
        claims.runEach(List.of(base, changed), threads, values -> acc.add(values.get(0), values.get(1)));
        return acc.report(base, changed);
    }

    /** Compares two runs of the same records, held in memory. */
    public static Report compare(Policy base, Policy changed, List<ClaimValue> before, List<ClaimValue> after, int top) {
        if (before.size() != after.size()) throw new IllegalArgumentException("the two runs hold different record counts");
        Accumulator acc = new Accumulator(top);
        for (int i = 0; i < before.size(); i++) acc.add(before.get(i), after.get(i));
        return acc.report(base, changed);
    }

    /** Sums a diff record by record; keeps only the {@code top} biggest changes. */
    static final class Accumulator {
        private final int top;
        private long claims, costBefore, costAfter, moneyBefore, moneyAfter, changedClaims, changedOutcomes;
        private final Map<String, Long> transitions = new TreeMap<>();
        private final Map<String, long[]> rules = new TreeMap<>();          // ruleId → {claims, before, after}
        private final Map<String, Long> paramClaims = new TreeMap<>();
        private final long[] byBucket = new long[RANGES.length];
        private final PriorityQueue<ClaimChange> biggest;                    // the least big on top, to evict

        Accumulator(int top) {
            this.top = Math.max(0, top);
            this.biggest = new PriorityQueue<>(BIGGEST_FIRST.reversed());
        }

        void add(ClaimValue b, ClaimValue a) {
            claims++;
            costBefore += b.valueKrw();
            costAfter += a.valueKrw();
            moneyBefore += b.moneyKrw();
            moneyAfter += a.moneyKrw();
            if (!b.differsFrom(a)) return;
            changedClaims++;
            byBucket[bucketOf(a.valueKrw() - b.valueKrw())]++;
            if (b.outcome() != a.outcome()) {
                changedOutcomes++;
                transitions.merge(b.outcome() + "→" + a.outcome(), 1L, Long::sum);
            }
            Set<String> ruleIds = new TreeSet<>(b.byRule().keySet());
            ruleIds.addAll(a.byRule().keySet());
            List<String> changedRules = new ArrayList<>();
            for (String r : ruleIds) {
                long vb = b.byRule().getOrDefault(r, 0L);
                long va = a.byRule().getOrDefault(r, 0L);
                if (vb != va || b.byRule().containsKey(r) != a.byRule().containsKey(r)) {
                    changedRules.add(r);
                    long[] t = rules.computeIfAbsent(r, k -> new long[3]);
                    t[0]++;
                    t[1] += vb;
                    t[2] += va;
                }
            }
            Set<String> paramIds = new TreeSet<>(b.parameters().keySet());
            paramIds.addAll(a.parameters().keySet());
            List<String> changedParams = new ArrayList<>();
            for (String p : paramIds) {
                if (!sameValue(b.parameters().get(p), a.parameters().get(p))) {
                    changedParams.add(p);
                    paramClaims.merge(p, 1L, Long::sum);
                }
            }
            if (top == 0) return;
            biggest.add(new ClaimChange(b.record(), b.claimId(), b.outcome(), a.outcome(), b.valueKrw(), a.valueKrw(),
                    a.valueKrw() - b.valueKrw(), b.extension(), a.extension(), changedRules, changedParams));
            if (biggest.size() > top) biggest.poll();
        }

        /** The same value from the same date (a re-worded reference alone is not a change of the amount's basis). */
        private static boolean sameValue(ParameterValue x, ParameterValue y) {
            if (x == null || y == null) return x == y;
            return Objects.equals(x.value(), y.value()) && Objects.equals(x.effectiveFrom(), y.effectiveFrom());
        }

        Report report(Policy base, Policy changed) {
            List<ClaimChange> top = new ArrayList<>(biggest);
            top.sort(BIGGEST_FIRST);
            List<Transition> ts = transitions.entrySet().stream().map(e -> {
                String[] ft = e.getKey().split("→");
                return new Transition(Outcome.valueOf(ft[0]), Outcome.valueOf(ft[1]), e.getValue());
            }).toList();
            List<RuleImpact> byRule = rules.entrySet().stream()
                    .map(e -> new RuleImpact(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[2] - e.getValue()[1]))
                    .sorted(Comparator.comparingLong((RuleImpact r) -> -Math.abs(r.deltaKrw())).thenComparing(RuleImpact::ruleId))
                    .toList();
            return new Report(base.stamp(), changed.stamp(), claims, changedClaims, changedOutcomes, costBefore, costAfter,
                    costAfter - costBefore, moneyBefore, moneyAfter, ts, byRule, parameterChanges(base, changed, paramClaims),
                    ruleChanges(base, changed), distribution(), List.copyOf(top));
        }

        private List<Bucket> distribution() {
            List<Bucket> out = new ArrayList<>();
            for (int k = 0; k < RANGES.length; k++) if (byBucket[k] > 0) out.add(new Bucket(RANGES[k], byBucket[k]));
            return out;
        }
    }

    private static List<ParameterChange> parameterChanges(Policy base, Policy changed, Map<String, Long> claims) {
        Set<String> ids = new TreeSet<>();
        base.parameters().all().forEach(p -> ids.add(p.id()));
        changed.parameters().all().forEach(p -> ids.add(p.id()));
        List<ParameterChange> out = new ArrayList<>();
        for (String id : ids) {
            String b = base.parameters().get(id).map(PolicyDiff::describe).orElse("(none)");
            String a = changed.parameters().get(id).map(PolicyDiff::describe).orElse("(none)");
            if (!a.equals(b)) out.add(new ParameterChange(id, b, a, claims.getOrDefault(id, 0L)));
        }
        return out;
    }

    private static String describe(Parameter p) {
        return p.values().stream().map((DatedValue v) -> v.from() + ": " + v.value()).collect(Collectors.joining("; "));
    }

    private static List<RuleChange> ruleChanges(Policy base, Policy changed) {
        Map<String, RuleInfo> b = new TreeMap<>();
        base.rules().forEach(r -> b.put(r.ruleId(), r));
        Map<String, RuleInfo> a = new TreeMap<>();
        changed.rules().forEach(r -> a.put(r.ruleId(), r));
        List<RuleChange> out = new ArrayList<>();
        Set<String> ids = new TreeSet<>(b.keySet());
        ids.addAll(a.keySet());
        for (String id : ids) {
            RuleInfo rb = b.get(id);
            RuleInfo ra = a.get(id);
            if (rb == null) out.add(new RuleChange(id, "added", ra.file() + ":" + ra.line()));
            else if (ra == null) out.add(new RuleChange(id, "removed", rb.file() + ":" + rb.line()));
            else if (!rb.legalBasis().equals(ra.legalBasis())) out.add(new RuleChange(id, "legal basis re-worded", ra.legalBasis()));
            else if (!rb.parameters().equals(ra.parameters())) {
                out.add(new RuleChange(id, "reads other parameters", rb.parameters() + " → " + ra.parameters()));
            }
        }
        return out;
    }
}
