package io.bosang.check;

import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.RuleInfo;
import io.bosang.engine.Settlement;
import io.bosang.json.ClaimWriter;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Outcome;
import org.quicktheories.core.Gen;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * What every invariant's check works from: the policy, its seed claims (its scenarios' claims), how many cases to
 * generate and the random seed, and the helpers the laws share (generated variants, running a batch).
 */
final class CheckContext {
    static final long MAX_EXTRA_MINUTES = 8L * 24 * 60;
    static final long MAX_FEE_DELTA = 200_000;
    static final long MAX_DECLARED_DELTA = 2_000_000;
    static final int MAX_USAGE_DELTA = 30;

    final Policy policy;
    final List<Claim> seeds;
    final int examples;
    final long seed;
    /** The rule ids a line may name: the policy's rules and the engine's own. */
    final Set<String> ruleIds;

    CheckContext(Policy policy, List<Claim> seeds, int examples, long seed) {
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

    Gen<Variant> variants() {
        return variants(null);
    }

    /**
     * Variants of the seeds that {@code applies} accepts only (all when null), so a law that speaks of few seeds (a
     * usage count only chauffeur claims declare) is tried on those, not left unexercised by chance. Null when no seed
     * is accepted.
     */
    Gen<Variant> variants(java.util.function.Predicate<Claim> applies) {
        List<Integer> eligible = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) if (applies == null || applies.test(seeds.get(i))) eligible.add(i);
        if (eligible.isEmpty()) return null;
        return integers().between(0, eligible.size() - 1).map(eligible::get).zip(
                longs().between(0, MAX_EXTRA_MINUTES), longs().between(0, MAX_FEE_DELTA),
                longs().between(0, MAX_DECLARED_DELTA), longs().between(0, MAX_USAGE_DELTA), Variant::new);
    }

    Claim apply(Variant v) {
        return v.apply(seeds);
    }

    /** A per-claim law over generated variants: broken with the smallest claim, held, or not exercised. */
    InvariantResult perClaim(String name, Function<Claim, Judgement> law) {
        int exercisedBySeeds = 0;
        for (Claim c : seeds) {   // every seed as written first: the scenarios' own claims are the first cases
            Judgement j = Falsifier.judge(law, c);
            if (j.spoke()) exercisedBySeeds++;
            if (!j.holds()) return InvariantResult.broken(name, seeds.size(), exercisedBySeeds, j.violation(), ClaimWriter.scenarioSnippet(c));
        }
        Falsifier.Found<Variant> found = Falsifier.search(seed, examples, 200, variants(), v -> law.apply(apply(v)));
        if (found.smallest() == null) return InvariantResult.held(name, seeds.size() + examples, exercisedBySeeds + found.exercised());
        Claim c = apply(found.smallest());
        return InvariantResult.broken(name, found.tried(), found.exercised(), Falsifier.judge(law, c).violation(), ClaimWriter.scenarioSnippet(c));
    }

    /** The assessments of a batch run of {@code claims} in order (settled as one run), by claim id. */
    List<Assessment> runBatch(List<Claim> claims, int threads) {
        List<ClaimInput> inputs = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) inputs.add(ClaimInput.ok(i + 1, claims.get(i)));
        List<Assessment> out = new ArrayList<>();
        new BatchAssessor(policy, threads, 16).run(inputs.iterator(), out::add);
        return out;
    }

    /** Gives a generated claim its own id and claimant so that once-per-unit grants do not couple claims. */
    static Claim unique(Claim c, int i) {
        io.bosang.domain.Business b = c.claimant().business();
        io.bosang.domain.Business own = b == null || b.registrationNumber().isBlank() ? b
                : new io.bosang.domain.Business(b.industry(), b.annualRevenueKrw(), b.employees(), b.registrationNumber() + "-" + i);
        Claimant who = new Claimant(c.claimant().id() + "~" + i, c.claimant().kind(), c.claimant().phoneCountry(), own);
        return new Claim(c.id() + "~" + i, who, c.incident(), c.service(), c.subscription(), c.harm(), c.filedAt(),
                c.declared(), c.usage(), c.evidence());
    }

    /** True when the policy's rules engaged with the assessment at all (a line, or a finding of one of its rules). */
    static boolean engaged(Assessment a) {
        if (a.outcome() == Outcome.ERROR || a.outcome() == Outcome.REJECTED) return false;
        return !a.lines().isEmpty() || a.findings().stream().anyMatch(f -> !f.ruleId().equals(Policy.ENGINE_RULE) && !f.ruleId().equals(Settlement.RULE));
    }

    static String rulesOf(Assessment a) {
        List<String> ids = new ArrayList<>();
        for (AwardLine l : a.lines()) ids.add(l.ruleId());
        return ids.isEmpty() ? "no line" : String.join("+", ids);
    }
}
