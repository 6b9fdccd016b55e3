package io.bosang.check;

import io.bosang.domain.Claim;
import io.bosang.json.ClaimWriter;
import io.bosang.params.Parameter;
import io.bosang.params.ParameterType;
import io.bosang.params.ParameterValue;
import io.bosang.engine.Policy;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Outcome;
import io.bosang.result.Totals;
import org.quicktheories.core.Gen;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.quicktheories.generators.SourceDSL.longs;

/** More of an input never pays less: in outage length, fee, a declared amount, a usage count, or a parameter. */
final class MonotoneLaws {
    private static final int LADDER = 24;

    private MonotoneLaws() {
    }

    /** What a monotone law compares: value in KRW and extension, or only one of them. */
    enum Measure { ALL, MONEY, EXTENSION }

    /** One-step change to a claim: {@code delta} more of the input, or null when the claim has no such input. */
    interface Mutation {
        Claim apply(Claim claim, long delta);
    }

    record Probe(CheckContext.Variant variant, long delta) {
    }

    /**
     * Monotone in one input. Each case walks a ladder of rungs from a generated claim in a generated step, comparing
     * each rung with the one below: a tier or threshold anywhere on the way is crossed, not merely sampled.
     */
    static final class InInput implements Invariant {
        private final long maxDelta;
        private final Mutation more;
        private final String deltaText;
        private final Measure measure;
        private final java.util.function.Predicate<Claim> applies;
        private final String needs;

        InInput(long maxDelta, Mutation more, String deltaText, Measure measure) {
            this(maxDelta, more, deltaText, measure, null, "");
        }

        InInput(long maxDelta, Mutation more, String deltaText, Measure measure, java.util.function.Predicate<Claim> applies, String needs) {
            this.applies = applies;
            this.needs = needs;
            this.maxDelta = maxDelta;
            this.more = more;
            this.deltaText = deltaText;
            this.measure = measure;
        }

        static InInput duration(Measure measure) {
            return new InInput(CheckContext.MAX_EXTRA_MINUTES, (c, d) -> ClaimMutations.longerOutage(c, Duration.ofMinutes(d)), "outage +%d min", measure);
        }

        static InInput fee() {
            return new InInput(CheckContext.MAX_FEE_DELTA, (c, d) -> c.hasSubscription() ? ClaimMutations.higherFee(c, d) : null, "monthly fee +%d KRW", Measure.ALL,
                    Claim::hasSubscription, "a subscription");
        }

        static InInput declared(String key) {
            return new InInput(CheckContext.MAX_DECLARED_DELTA, (c, d) -> c.hasDeclared(key) ? ClaimMutations.higherDeclared(c, key, d) : null,
                    "declared." + key + " +%d KRW", Measure.ALL, c -> c.hasDeclared(key), "declared." + key);
        }

        static InInput usage(String key) {
            return new InInput(CheckContext.MAX_USAGE_DELTA, (c, d) -> c.hasUsage(key) ? ClaimMutations.higherUsage(c, key, d) : null,
                    "usage." + key + " +%d", Measure.ALL, c -> c.hasUsage(key), "usage." + key);
        }

        @Override
        public InvariantResult check(String name, CheckContext ctx) {
            Gen<CheckContext.Variant> variants = ctx.variants(applies);
            if (variants == null) return InvariantResult.notExercised(name, 0, "no scenario claim has " + needs + " to vary");
            Gen<Probe> probes = variants.zip(longs().between(1, Math.max(1, maxDelta / LADDER)), Probe::new);
            int cases = Math.max(1, ctx.examples / 4);
            Falsifier.Found<Probe> found = Falsifier.search(ctx.seed, cases, 200, probes, p -> judge(p, ctx.policy, ctx));
            if (found.smallest() == null) return InvariantResult.held(name, cases * LADDER, found.exercised());
            Probe p = found.smallest();
            return InvariantResult.broken(name, found.tried(), found.exercised(), Falsifier.judge(q -> judge(q, ctx.policy, ctx), p).violation(),
                    ClaimWriter.scenarioSnippet(ctx.apply(p.variant())));
        }

        private Judgement judge(Probe p, Policy policy, CheckContext ctx) {
            Claim base = ctx.apply(p.variant());
            Assessment previous = policy.assess(base);
            boolean spoke = false;
            for (int k = 1; k <= LADDER; k++) {
                Claim rung = more.apply(base, p.delta() * k);
                if (rung == null) return Judgement.SILENT;   // the law does not speak of this claim (it declares no such amount)
                Assessment next = policy.assess(rung);
                String change = String.format(deltaText, p.delta() * k) + " instead of "
                        + String.format(deltaText, p.delta() * (k - 1)).replaceFirst("^.*? \\+", "+");
                String broken = notLess(previous, next, change, measure);
                if (broken != null) return Judgement.broken(broken);
                spoke |= comparable(previous, next);
                previous = next;
            }
            return spoke ? Judgement.HOLDS : Judgement.SILENT;
        }
    }

    /** Monotone in a parameter: raising its value never pays less. */
    static final class InParameter implements Invariant {
        private final String parameterId;

        InParameter(String parameterId) {
            this.parameterId = parameterId;
        }

        @Override
        public InvariantResult check(String name, CheckContext ctx) {
            Parameter parameter = ctx.policy.parameters().get(parameterId).orElse(null);
            if (parameter == null) {
                return InvariantResult.broken(name, 0, 0, "the policy has no parameter '" + parameterId + "' to be monotone in", null);
            }
            Gen<Probe> probes = ctx.variants().zip(longs().between(1, 100), Probe::new);
            Falsifier.Found<Probe> found = Falsifier.search(ctx.seed, ctx.examples, 200, probes, p -> judge(p, parameter, ctx));
            if (found.smallest() == null) return InvariantResult.held(name, ctx.examples, found.exercised());
            Probe p = found.smallest();
            return InvariantResult.broken(name, found.tried(), found.exercised(), Falsifier.judge(q -> judge(q, parameter, ctx), p).violation(),
                    ClaimWriter.scenarioSnippet(ctx.apply(p.variant())));
        }

        private Judgement judge(Probe p, Parameter parameter, CheckContext ctx) {
            Claim c = ctx.apply(p.variant());
            LocalDate date = ctx.policy.incidentDate(c.incident());
            ParameterValue now = parameter.at(date).orElse(null);
            if (now == null) return Judgement.SILENT;
            // A whole-number parameter (days, counts) steps by whole numbers; a rate by a percentage of itself.
            BigDecimal step = parameter.type() == ParameterType.INTEGER ? BigDecimal.valueOf(1 + p.delta() / 25)
                    : now.decimal().abs().max(BigDecimal.ONE).multiply(BigDecimal.valueOf(p.delta())).movePointLeft(2);
            String raised = now.decimal().add(step).stripTrailingZeros().toPlainString();
            Policy higher = ctx.policy.withParameters(Map.of(parameterId,
                    parameter.overriddenFrom(LocalDate.of(1900, 1, 1), raised, "invariant probe")));
            Assessment base = ctx.policy.assess(c);
            Assessment more = higher.assess(c);
            String broken = notLess(base, more, parameterId + " " + now.value() + " → " + raised, Measure.ALL);
            if (broken != null) return Judgement.broken(broken);
            return cites(base, parameterId) || cites(more, parameterId) ? Judgement.HOLDS : Judgement.SILENT;
        }

        private static boolean cites(Assessment a, String id) {
            for (AwardLine l : a.lines()) if (l.parameters().stream().anyMatch(v -> v.id().equals(id))) return true;
            return false;
        }
    }

    /** Both assessments have a fixed amount to compare (no manual review, no rejection, no error). */
    static boolean comparable(Assessment base, Assessment more) {
        for (Assessment a : new Assessment[]{base, more}) {
            if (a.outcome() == Outcome.ERROR || a.outcome() == Outcome.REJECTED || a.outcome() == Outcome.MANUAL_REVIEW) return false;
        }
        return !base.lines().isEmpty() || !more.lines().isEmpty();
    }

    /** Null when {@code more} gives at least what {@code base} gives; manual review and rejections are not compared. */
    static String notLess(Assessment base, Assessment more, String change, Measure measure) {
        if (base.outcome() == Outcome.ERROR) return "the base claim made a rule fail: " + base.rejection().reason();
        if (more.outcome() == Outcome.ERROR) return "with " + change + " a rule failed: " + more.rejection().reason();
        if (base.outcome() == Outcome.MANUAL_REVIEW || more.outcome() == Outcome.MANUAL_REVIEW) return null;
        if (base.outcome() == Outcome.REJECTED || more.outcome() == Outcome.REJECTED) return null;
        Totals b = base.totals();
        Totals m = more.totals();
        if (measure != Measure.EXTENSION && m.valueKrw() < b.valueKrw()) {
            return "with " + change + " the claim gets " + String.format("%,d", m.valueKrw()) + " KRW instead of "
                    + String.format("%,d", b.valueKrw()) + " KRW (" + CheckContext.rulesOf(base) + " → " + CheckContext.rulesOf(more) + ")";
        }
        if (measure != Measure.MONEY && m.extension().compareTo(b.extension()) < 0) {
            return "with " + change + " the extension is " + m.extension() + " instead of " + b.extension()
                    + " (" + CheckContext.rulesOf(base) + " → " + CheckContext.rulesOf(more) + ")";
        }
        return null;
    }
}
