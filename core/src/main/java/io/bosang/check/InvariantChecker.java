package io.bosang.check;

import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.Policy;
import io.bosang.engine.RuleInfo;
import io.bosang.engine.Settlement;
import io.bosang.json.ClaimInput;
import io.bosang.json.ClaimWriter;
import io.bosang.json.Json;
import io.bosang.params.DatedValue;
import io.bosang.params.Parameter;
import io.bosang.params.ParameterType;
import io.bosang.params.ParameterValue;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Outcome;
import io.bosang.result.Totals;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Runs the payout invariants a policy declares in its {@code policy.yaml} against claims generated from seed claims
 * (a policy's scenario claims), and reports the smallest counter-example QuickTheories finds by shrinking.
 *
 * <p>Generated claims vary the seed claims along the dimensions the laws speak of: outage length, monthly fee,
 * declared amounts and usage counts. A law is stated once here and holds for every policy that declares it:
 * <ul>
 *   <li>{@code no-errors} (always): no generated claim makes a rule fail;</li>
 *   <li>{@code non-negative}: no amount, nominal value or extension is negative;</li>
 *   <li>{@code lines-sum-to-totals}: the totals are the sums of the lines;</li>
 *   <li>{@code explained}: every line names a rule of the policy, quotes a legal basis, shows a derivation, and cites
 *       only parameters of the policy;</li>
 *   <li>{@code parameters-in-force} (always): every cited parameter value is the one in force on the incident date;</li>
 *   <li>{@code deterministic}: the same claim gives the same assessment, alone or in a batch on any thread count;</li>
 *   <li>{@code order-independent}: a batch in another order gives every claim the same assessment;</li>
 *   <li>{@code no-double-payment}: a claim submitted twice is not paid twice;</li>
 *   <li>{@code monotone-in-duration}, {@code monotone-in-fee}, {@code monotone-in-parameter:ID},
 *       {@code monotone-in-declared:KEY}, {@code monotone-in-usage:KEY}: more of the input never pays less (a claim
 *       sent to manual review is not compared);</li>
 *   <li>{@code effective-dates}: a dated parameter change applies exactly from its effective date;</li>
 *   <li>{@code no-money}: a policy that states duties (notice-duty) never gives an award line;</li>
 *   <li>{@code labelled}: the policy carries a label shown with every result (an estimate says it is one).</li>
 * </ul>
 */
public final class InvariantChecker {
    /** Invariants checked for every policy whether declared or not. */
    public static final List<String> ALWAYS = List.of("no-errors", "parameters-in-force");
    /** Every invariant name this checker knows; parameterised ones end in ':'. */
    public static final List<String> KNOWN = List.of("no-errors", "non-negative", "lines-sum-to-totals", "explained",
            "parameters-in-force", "deterministic", "order-independent", "no-double-payment", "monotone-in-duration",
            "monotone-in-duration:extension", "monotone-in-fee", "monotone-in-parameter:", "monotone-in-declared:", "monotone-in-usage:", "effective-dates",
            "no-money", "labelled");

    private static final long MAX_EXTRA_MINUTES = 8L * 24 * 60;
    private static final long MAX_FEE_DELTA = 200_000;
    private static final long MAX_DECLARED_DELTA = 2_000_000;
    private static final int MAX_USAGE_DELTA = 30;
    private static final int LADDER = 24;

    private final Policy policy;
    private final List<Claim> seeds;
    private final int examples;
    private final long seed;
    private final Set<String> ruleIds;

    /**
     * @param policy   the policy under check
     * @param seeds    seed claims (at least one); generated claims are variations of these
     * @param examples generated cases per invariant
     * @param seed     the random seed: the same seed gives the same cases and the same report
     */
    public InvariantChecker(Policy policy, List<Claim> seeds, int examples, long seed) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (seeds.isEmpty()) throw new IllegalArgumentException("invariants need at least one seed claim (a scenario)");
        this.seeds = List.copyOf(seeds);
        this.examples = Math.max(1, examples);
        this.seed = seed;
        Set<String> ids = new TreeSet<>();
        for (RuleInfo r : policy.rules()) ids.add(r.ruleId());
        ids.add(Policy.ENGINE_RULE);
        ids.add(Settlement.RULE);
        this.ruleIds = ids;
    }

    /** Checks the invariants {@code declared} plus {@link #ALWAYS}, in that order, one result each. */
    public List<InvariantResult> check(List<String> declared) {
        Set<String> names = new LinkedHashSet<>(ALWAYS);
        names.addAll(declared);
        List<InvariantResult> results = new ArrayList<>();
        for (String name : names) results.add(checkOne(name));
        return results;
    }

    /** Checks one invariant by name. An unknown name is a failed result that says which names exist. */
    public InvariantResult checkOne(String name) {
        switch (name) {
            case "no-errors": return perClaim(name, this::noErrors);
            case "non-negative": return perClaim(name, this::nonNegative);
            case "lines-sum-to-totals": return perClaim(name, this::linesSumToTotals);
            case "explained": return perClaim(name, this::explained);
            case "parameters-in-force": return perClaim(name, this::parametersInForce);
            case "deterministic": return batch(name, this::deterministic);
            case "order-independent": return batch(name, this::orderIndependent);
            case "no-double-payment": return perClaim(name, this::noDoublePayment);
            case "monotone-in-duration":
                return monotone(name, MAX_EXTRA_MINUTES, (c, d) -> ClaimMutations.longerOutage(c, Duration.ofMinutes(d)), "outage +%d min");
            case "monotone-in-duration:extension":
                // For policies whose money award is an alternative that shrinks as time runs (a refund of the
                // remaining period): only the extension must grow with the outage.
                return monotone(name, MAX_EXTRA_MINUTES, (c, d) -> ClaimMutations.longerOutage(c, Duration.ofMinutes(d)), "outage +%d min",
                        Measure.EXTENSION);
            case "monotone-in-fee":
                return monotone(name, MAX_FEE_DELTA, ClaimMutations::higherFee, "monthly fee +%d KRW");
            case "effective-dates": return effectiveDates(name);
            case "no-money": return perClaim(name, this::noMoney);
            case "labelled":
                return policy.manifest().label().isBlank()
                        ? new InvariantResult(name, false, 0, "policy.yaml has no 'label': an estimate must say what it is with every result", null)
                        : InvariantResult.pass(name, 1);
            default:
                break;
        }
        if (name.startsWith("monotone-in-declared:")) {
            String key = name.substring("monotone-in-declared:".length());
            return monotone(name, MAX_DECLARED_DELTA, (c, d) -> c.hasDeclared(key) ? ClaimMutations.higherDeclared(c, key, d) : null, "declared." + key + " +%d KRW");
        }
        if (name.startsWith("monotone-in-usage:")) {
            String key = name.substring("monotone-in-usage:".length());
            return monotone(name, MAX_USAGE_DELTA, (c, d) -> c.hasUsage(key) ? ClaimMutations.higherUsage(c, key, d) : null, "usage." + key + " +%d");
        }
        if (name.startsWith("monotone-in-parameter:")) return monotoneInParameter(name, name.substring("monotone-in-parameter:".length()));
        return new InvariantResult(name, false, 0, "unknown invariant '" + name + "'; known: " + String.join(", ", KNOWN), null);
    }

    // ---- generated cases ----

    /** One generated claim: a seed varied along every dimension. Shrinks towards the first seed, unchanged. */
    record Variant(int seedIndex, long extraMinutes, long feeDelta, long declaredDelta, long usageDelta) {
        Claim apply(List<Claim> seeds) {
            Claim c = seeds.get(seedIndex);
            c = ClaimMutations.longerOutage(c, Duration.ofMinutes(extraMinutes));
            c = ClaimMutations.higherFee(c, feeDelta);
            // Vary only the first declared amount and the first usage count so that differences between keys
            // (e.g. reference week minus outage week) move as well as levels.
            if (!c.declared().isEmpty() && declaredDelta != 0) c = ClaimMutations.higherDeclared(c, c.declared().firstKey(), declaredDelta);
            if (!c.usage().isEmpty() && usageDelta != 0) c = ClaimMutations.higherUsage(c, c.usage().firstKey(), usageDelta);
            return c;
        }
    }

    record Probe(Variant variant, long delta) {
    }

    private Gen<Variant> variants() {
        return integers().between(0, seeds.size() - 1).zip(
                longs().between(0, MAX_EXTRA_MINUTES), longs().between(0, MAX_FEE_DELTA),
                longs().between(0, MAX_DECLARED_DELTA), longs().between(0, MAX_USAGE_DELTA), Variant::new);
    }

    private interface ClaimLaw {
        /** Returns null when the law holds for {@code claim}, else what broke. */
        String violation(Claim claim);
    }

    private interface Mutation {
        /** The claim with {@code delta} more of the input, or null when the claim has no such input to vary. */
        Claim apply(Claim claim, long delta);
    }

    private InvariantResult perClaim(String name, ClaimLaw law) {
        Falsified found = new Falsified();
        qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(200).withReporter(found)
                .forAll(variants()).check(v -> safely(() -> law.violation(v.apply(seeds))) == null);
        if (found.smallest == null) return InvariantResult.pass(name, examples);
        Claim c = ((Variant) found.smallest).apply(seeds);
        return new InvariantResult(name, false, found.tried, safely(() -> law.violation(c)), ClaimWriter.scenarioSnippet(c));
    }

    /** What a monotone law compares: value in KRW and extension, or only one of them. */
    enum Measure { ALL, MONEY, EXTENSION }

    private InvariantResult monotone(String name, long maxDelta, Mutation more, String deltaText) {
        return monotone(name, maxDelta, more, deltaText, Measure.ALL);
    }

    private InvariantResult monotone(String name, long maxDelta, Mutation more, String deltaText, Measure measure) {
        // Each case walks a ladder of LADDER rungs from a generated claim in a generated step, comparing each rung with
        // the one below: a tier or threshold anywhere on the way is crossed, not merely sampled.
        Falsified found = new Falsified();
        Gen<Probe> probes = variants().zip(longs().between(1, Math.max(1, maxDelta / LADDER)), Probe::new);
        Function<Probe, String> law = p -> {
            Claim base = p.variant().apply(seeds);
            Assessment previous = policy.assess(base);
            for (int k = 1; k <= LADDER; k++) {
                Claim rung = more.apply(base, p.delta() * k);
                if (rung == null) return null;   // the law does not speak of this claim (e.g. it declares no such amount)
                Assessment next = policy.assess(rung);
                String broken = notLess(previous, next, String.format(deltaText, p.delta() * k) + " instead of "
                        + String.format(deltaText, p.delta() * (k - 1)).replaceFirst("^.*? \\+", "+"), measure);
                if (broken != null) return broken;
                previous = next;
            }
            return null;
        };
        int cases = Math.max(1, examples / 4);
        qt().withFixedSeed(seed).withExamples(cases).withShrinkCycles(200).withReporter(found)
                .forAll(probes).check(p -> safely(() -> law.apply(p)) == null);
        if (found.smallest == null) return InvariantResult.pass(name, cases * LADDER);
        Probe p = (Probe) found.smallest;
        Claim c = p.variant().apply(seeds);
        return new InvariantResult(name, false, found.tried, safely(() -> law.apply(p)), ClaimWriter.scenarioSnippet(c));
    }

    private InvariantResult monotoneInParameter(String name, String parameterId) {
        if (policy.parameters().get(parameterId).isEmpty()) {
            return new InvariantResult(name, false, 0, "the policy has no parameter '" + parameterId + "' to be monotone in", null);
        }
        Parameter parameter = policy.parameters().get(parameterId).orElseThrow();
        Falsified found = new Falsified();
        Gen<Probe> probes = variants().zip(longs().between(1, 100), Probe::new);
        Function<Probe, String> law = p -> {
            Claim c = p.variant().apply(seeds);
            LocalDate date = policy.incidentDate(c.incident());
            ParameterValue now = parameter.at(date).orElse(null);
            if (now == null) return null;
            // A whole-number parameter (days, counts) steps by whole numbers; a rate by a percentage of itself.
            BigDecimal step = parameter.type() == ParameterType.INTEGER ? BigDecimal.valueOf(1 + p.delta() / 25)
                    : now.decimal().abs().max(BigDecimal.ONE).multiply(BigDecimal.valueOf(p.delta())).movePointLeft(2);
            String raised = now.decimal().add(step).stripTrailingZeros().toPlainString();
            Policy higher = policy.withParameters(Map.of(parameterId,
                    parameter.overriddenFrom(LocalDate.of(1900, 1, 1), raised, "invariant probe")));
            return notLess(policy.assess(c), higher.assess(c), parameterId + " " + now.value() + " → " + raised, Measure.ALL);
        };
        qt().withFixedSeed(seed).withExamples(examples).withShrinkCycles(200).withReporter(found)
                .forAll(probes).check(p -> safely(() -> law.apply(p)) == null);
        if (found.smallest == null) return InvariantResult.pass(name, examples);
        Probe p = (Probe) found.smallest;
        Claim c = p.variant().apply(seeds);
        return new InvariantResult(name, false, found.tried, safely(() -> law.apply(p)), ClaimWriter.scenarioSnippet(c));
    }

    private InvariantResult batch(String name, Function<List<Claim>, String> law) {
        Falsified found = new Falsified();
        Gen<Long> shuffles = longs().between(0, Long.MAX_VALUE / 2);
        int size = Math.min(64, Math.max(seeds.size() * 2, 8));
        Function<Long, List<Claim>> build = s -> {
            Random r = new Random(s);
            List<Claim> claims = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                Variant v = new Variant(r.nextInt(seeds.size()), r.nextInt((int) MAX_EXTRA_MINUTES), r.nextInt((int) MAX_FEE_DELTA),
                        r.nextInt((int) MAX_DECLARED_DELTA), r.nextInt(MAX_USAGE_DELTA));
                claims.add(unique(v.apply(seeds), i));
            }
            return claims;
        };
        int runs = Math.max(1, examples / 20);
        qt().withFixedSeed(seed).withExamples(runs).withShrinkCycles(20).withReporter(found)
                .forAll(shuffles).check(s -> safely(() -> law.apply(build.apply(s))) == null);
        if (found.smallest == null) return InvariantResult.pass(name, runs);
        List<Claim> claims = build.apply((Long) found.smallest);
        String message = safely(() -> law.apply(claims));
        Claim culprit = claims.stream().filter(c -> message.contains(c.id())).findFirst().orElse(claims.get(0));
        return new InvariantResult(name, false, found.tried, message, ClaimWriter.scenarioSnippet(culprit));
    }

    /** Gives a generated claim its own id and claimant so that once-per-claimant pools do not couple claims. */
    private static Claim unique(Claim c, int i) {
        Claimant who = new Claimant(c.claimant().id() + "~" + i, c.claimant().kind(), c.claimant().phoneCountry(), c.claimant().business());
        return new Claim(c.id() + "~" + i, who, c.incident(), c.service(), c.subscription(), c.harm(), c.filedAt(),
                c.declared(), c.usage(), c.evidence());
    }

    // ---- the laws ----

    private String noErrors(Claim c) {
        Assessment a = policy.assess(c);
        return a.outcome() == Outcome.ERROR ? "claim " + c.id() + " made a rule fail: " + a.rejection().reason() : null;
    }

    private String nonNegative(Claim c) {
        Assessment a = policy.assess(c);
        if (a.outcome() == Outcome.ERROR && a.rejection().reason().contains("negative")) {
            return "a rule computed a negative amount: " + a.rejection().reason();
        }
        for (AwardLine l : a.lines()) {
            if (l.amountKrw() < 0 || l.nominalValueKrw() < 0 || (l.extension() != null && l.extension().isNegative())) {
                return "line of " + l.ruleId() + " is negative: " + l.derivation();
            }
        }
        return null;
    }

    private String linesSumToTotals(Claim c) {
        Assessment a = policy.assess(c);
        if (a.outcome() == Outcome.ERROR || a.outcome() == Outcome.REJECTED) return null;
        Totals sum = Totals.of(a.lines());
        return sum.equals(a.totals()) ? null : "totals " + a.totals() + " are not the sum of the lines " + sum;
    }

    private String explained(Claim c) {
        Assessment a = policy.assess(c);
        for (AwardLine l : a.lines()) {
            if (l.ruleId().isBlank() || !ruleIds.contains(l.ruleId())) return "a line names no rule of the policy: '" + l.ruleId() + "'";
            if (l.legalBasis().isBlank()) return "the line of " + l.ruleId() + " quotes no legal basis";
            if (l.derivation().isBlank()) return "the line of " + l.ruleId() + " shows no derivation (call .because(...))";
            for (ParameterValue v : l.parameters()) {
                if (policy.parameters().get(v.id()).isEmpty()) return "the line of " + l.ruleId() + " cites unknown parameter " + v.id();
            }
        }
        return null;
    }

    private String noMoney(Claim c) {
        Assessment a = policy.assess(c);
        return a.lines().isEmpty() ? null : "a duty-only policy gave an award line: " + a.lines().get(0).ruleId() + " " + a.lines().get(0).description();
    }

    private String parametersInForce(Claim c) {
        Assessment a = policy.assess(c);
        LocalDate date = policy.incidentDate(c.incident());
        for (AwardLine l : a.lines()) {
            for (ParameterValue v : l.parameters()) {
                ParameterValue inForce = policy.parameters().get(v.id()).flatMap(p -> p.at(date)).orElse(null);
                if (inForce == null) return "the line of " + l.ruleId() + " cites " + v.id() + " which has no value on " + date;
                if (!inForce.equals(v)) {
                    return "the line of " + l.ruleId() + " cites " + v.id() + " = " + v.value() + " from " + v.effectiveFrom()
                            + " but on " + date + " the value in force is " + inForce.value() + " from " + inForce.effectiveFrom();
                }
            }
        }
        return null;
    }

    private String noDoublePayment(Claim c) {
        Claim again = c.withId(c.id() + "#again");
        Map<String, Assessment> out = runBatch(List.of(c, again), 1);
        Assessment first = out.get(c.id());
        Assessment second = out.get(again.id());
        if (first.totals().valueKrw() > 0 && second.totals().valueKrw() > 0) {
            return "claim " + c.id() + " submitted twice was paid twice: " + first.totals().valueKrw() + " and " + second.totals().valueKrw() + " KRW";
        }
        if (first.totals().extension().compareTo(Duration.ZERO) > 0 && second.totals().extension().compareTo(Duration.ZERO) > 0) {
            return "claim " + c.id() + " submitted twice was extended twice: " + first.totals().extension() + " and " + second.totals().extension();
        }
        return null;
    }

    private String deterministic(List<Claim> claims) {
        Map<String, Assessment> one = runBatch(claims, 1);
        Map<String, Assessment> two = runBatch(claims, 2);
        for (Claim c : claims) {
            String alone = Json.line(policy.assess(c).atRecord(0));
            String again = Json.line(policy.assess(c).atRecord(0));
            if (!alone.equals(again)) return "claim " + c.id() + " assessed twice gave two different assessments";
            String batchOne = Json.line(one.get(c.id()).atRecord(0));
            String batchTwo = Json.line(two.get(c.id()).atRecord(0));
            if (!batchOne.equals(batchTwo)) return "claim " + c.id() + " differs between 1 and 2 threads";
            if (!alone.equals(batchOne)) return "claim " + c.id() + " differs alone and in a batch";
        }
        return null;
    }

    private String orderIndependent(List<Claim> claims) {
        Map<String, Assessment> inOrder = runBatch(claims, 1);
        List<Claim> shuffled = new ArrayList<>(claims);
        Collections.shuffle(shuffled, new Random(claims.size() * 31L + claims.get(0).id().hashCode()));
        Map<String, Assessment> other = runBatch(shuffled, 2);
        for (Claim c : claims) {
            if (!Json.line(inOrder.get(c.id()).atRecord(0)).equals(Json.line(other.get(c.id()).atRecord(0)))) {
                return "claim " + c.id() + " is assessed differently when the batch is in another order";
            }
        }
        return null;
    }

    private InvariantResult effectiveDates(String name) {
        int tried = 0;
        for (Parameter p : policy.parameters().all()) {
            List<DatedValue> values = p.values();
            for (int k = 1; k < values.size(); k++) {
                LocalDate switchDay = values.get(k).from();
                for (Claim seedClaim : seeds) {
                    for (LocalDate day : List.of(switchDay.minusDays(1), switchDay)) {
                        long shift = day.toEpochDay() - policy.incidentDate(seedClaim.incident()).toEpochDay();
                        Claim moved = ClaimMutations.shiftedDays(seedClaim, shift);
                        tried++;
                        Assessment a = policy.assess(moved);
                        for (AwardLine l : a.lines()) {
                            for (ParameterValue v : l.parameters()) {
                                if (!v.id().equals(p.id())) continue;
                                ParameterValue want = p.at(day).orElse(null);
                                if (want == null || !want.equals(v)) {
                                    return new InvariantResult(name, false, tried, "on " + day + " (" + (day.equals(switchDay) ? "the day" : "the day before")
                                            + " " + p.id() + " changes) the line of " + l.ruleId() + " used the value " + v.value() + " from "
                                            + v.effectiveFrom() + ", not " + (want == null ? "none" : want.value() + " from " + want.effectiveFrom()),
                                            ClaimWriter.scenarioSnippet(moved));
                                }
                            }
                        }
                    }
                }
            }
        }
        return InvariantResult.pass(name, tried);
    }

    // ---- helpers ----

    private Map<String, Assessment> runBatch(List<Claim> claims, int threads) {
        List<ClaimInput> inputs = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) inputs.add(ClaimInput.ok(i + 1, claims.get(i)));
        Map<String, Assessment> byId = new HashMap<>();
        new BatchAssessor(policy, threads, 16).run(inputs.iterator(), a -> byId.put(a.claimId(), a));
        return byId;
    }

    /** Null when {@code more} gives at least what {@code base} gives; manual review and rejections are not compared. */
    private static String notLess(Assessment base, Assessment more, String change, Measure measure) {
        if (base.outcome() == Outcome.ERROR) return "the base claim made a rule fail: " + base.rejection().reason();
        if (more.outcome() == Outcome.ERROR) return "with " + change + " a rule failed: " + more.rejection().reason();
        if (base.outcome() == Outcome.MANUAL_REVIEW || more.outcome() == Outcome.MANUAL_REVIEW) return null;
        if (base.outcome() == Outcome.REJECTED || more.outcome() == Outcome.REJECTED) return null;
        Totals b = base.totals();
        Totals m = more.totals();
        if (measure != Measure.EXTENSION && m.valueKrw() < b.valueKrw()) {
            return "with " + change + " the claim gets " + String.format("%,d", m.valueKrw()) + " KRW instead of "
                    + String.format("%,d", b.valueKrw()) + " KRW (" + rulesOf(base) + " → " + rulesOf(more) + ")";
        }
        if (measure != Measure.MONEY && m.extension().compareTo(b.extension()) < 0) {
            return "with " + change + " the extension is " + m.extension() + " instead of " + b.extension()
                    + " (" + rulesOf(base) + " → " + rulesOf(more) + ")";
        }
        return null;
    }

    private static String rulesOf(Assessment a) {
        List<String> ids = new ArrayList<>();
        for (AwardLine l : a.lines()) ids.add(l.ruleId());
        return ids.isEmpty() ? "no line" : String.join("+", ids);
    }

    private interface Check {
        String run();
    }

    /** A law that throws is broken, not the checker: the exception becomes the violation. */
    private static String safely(Check check) {
        try {
            return check.run();
        } catch (RuntimeException e) {
            return "checking threw " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** Captures QuickTheories' smallest falsifying value instead of throwing. */
    private static final class Falsified implements Reporter {
        Object smallest;
        int tried;

        @Override
        public void falisification(long seed, int executed, Object value, Throwable cause, List<Object> examples, AsString<Object> asString) {
            smallest = value;
            tried = executed;
        }

        @Override
        public void falisification(long seed, int executed, Object value, List<Object> examples, AsString<Object> asString) {
            smallest = value;
            tried = executed;
        }

        @Override
        public void valuesExhausted(int count) {
        }
    }
}
