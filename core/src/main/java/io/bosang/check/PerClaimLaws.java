package io.bosang.check;

import io.bosang.domain.Claim;
import io.bosang.params.ParameterValue;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.Outcome;
import io.bosang.result.Totals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The laws that speak of one claim's assessment at a time; each is its own small class. */
final class PerClaimLaws {
    private PerClaimLaws() {
    }

    /** A law judged on each generated claim's assessment alone. */
    abstract static class PerClaim implements Invariant {
        abstract Judgement judge(Claim c, Assessment a, CheckContext ctx);

        @Override
        public InvariantResult check(String name, CheckContext ctx) {
            return ctx.perClaim(name, c -> judge(c, ctx.policy.assess(c), ctx));
        }
    }

    /** {@code no-errors} (always): no generated claim makes a rule fail. */
    static final class NoErrors extends PerClaim {
        @Override
        Judgement judge(Claim c, Assessment a, CheckContext ctx) {
            return Judgement.of(a.outcome() == Outcome.ERROR ? "claim " + c.id() + " made a rule fail: " + a.rejection().reason() : null);
        }
    }

    /** {@code non-negative}: no amount, nominal value or extension is negative. */
    static final class NonNegative extends PerClaim {
        @Override
        Judgement judge(Claim c, Assessment a, CheckContext ctx) {
            if (a.outcome() == Outcome.ERROR && a.rejection().reason().contains("negative")) {
                return Judgement.broken("a rule computed a negative amount: " + a.rejection().reason());
            }
            if (a.lines().isEmpty()) return Judgement.SILENT;
            for (AwardLine l : a.lines()) {
                if (l.amountKrw() < 0 || l.nominalValueKrw() < 0 || (l.extension() != null && l.extension().isNegative())) {
                    return Judgement.broken("line of " + l.ruleId() + " is negative: " + l.derivation());
                }
            }
            return Judgement.HOLDS;
        }
    }

    /** {@code lines-sum-to-totals}: the totals are the sums of the lines. */
    static final class LinesSumToTotals extends PerClaim {
        @Override
        Judgement judge(Claim c, Assessment a, CheckContext ctx) {
            if (a.lines().isEmpty()) return Judgement.SILENT;
            Totals sum = Totals.of(a.lines());
            return Judgement.of(sum.equals(a.totals()) ? null : "totals " + a.totals() + " are not the sum of the lines " + sum);
        }
    }

    /**
     * {@code explained}: every line names a rule of the policy, states a legal basis that cites at least one source,
     * shows a derivation, says what it is owed per, and cites what its rule read: every parameter its rule's conditions
     * compare (in force), and only parameters of the policy that its rule names or reads by a computed key.
     */
    static final class Explained extends PerClaim {
        @Override
        Judgement judge(Claim c, Assessment a, CheckContext ctx) {
            if (a.lines().isEmpty()) return Judgement.SILENT;
            for (AwardLine l : a.lines()) {
                if (l.ruleId().isBlank() || !ctx.ruleIds.contains(l.ruleId())) return Judgement.broken("a line names no rule of the policy: '" + l.ruleId() + "'");
                if (l.legalBasis().isBlank()) return Judgement.broken("the line of " + l.ruleId() + " quotes no legal basis");
                if (l.derivation().isBlank()) return Judgement.broken("the line of " + l.ruleId() + " shows no derivation (call .because(...))");
                if (l.owedPer() == null) return Judgement.broken("the line of " + l.ruleId() + " says nothing of what it is owed per");
                if (l.citations().isEmpty()) return Judgement.broken("the line of " + l.ruleId() + " cites no source for its legal basis");
                io.bosang.engine.RuleInfo rule = ctx.policy.rules().stream().filter(r -> r.ruleId().equals(l.ruleId())).findFirst().orElse(null);
                for (ParameterValue v : l.parameters()) {
                    if (ctx.policy.parameters().get(v.id()).isEmpty()) return Judgement.broken("the line of " + l.ruleId() + " cites unknown parameter " + v.id());
                    if (rule != null && !rule.parameters().contains(v.id()) && !rule.computedKeys()) {
                        return Judgement.broken("the line of " + l.ruleId() + " cites " + v.id() + ", which its rule neither names nor reads by a computed key");
                    }
                }
                if (rule != null) {
                    LocalDate date = ctx.policy.incidentDate(c.incident());
                    for (String compared : rule.conditions()) {
                        boolean inForce = ctx.policy.parameters().get(compared).flatMap(p -> p.at(date)).isPresent();
                        if (inForce && l.parameters().stream().noneMatch(v -> v.id().equals(compared))) {
                            return Judgement.broken("the line of " + l.ruleId() + " does not cite " + compared + ", which its rule's conditions compare");
                        }
                    }
                }
            }
            return Judgement.HOLDS;
        }
    }

    /** {@code parameters-in-force} (always): every cited parameter value is the one in force on the incident date. */
    static final class ParametersInForce extends PerClaim {
        @Override
        Judgement judge(Claim c, Assessment a, CheckContext ctx) {
            LocalDate date = ctx.policy.incidentDate(c.incident());
            List<String> cited = new ArrayList<>();
            List<ParameterValue> values = new ArrayList<>();
            for (AwardLine l : a.lines()) for (ParameterValue v : l.parameters()) { cited.add(l.ruleId()); values.add(v); }
            for (Finding f : a.findings()) for (ParameterValue v : f.parameters()) { cited.add(f.ruleId()); values.add(v); }
            if (values.isEmpty()) return Judgement.SILENT;
            for (int i = 0; i < values.size(); i++) {
                ParameterValue v = values.get(i);
                ParameterValue inForce = ctx.policy.parameters().get(v.id()).flatMap(p -> p.at(date)).orElse(null);
                if (inForce == null) return Judgement.broken("the result of " + cited.get(i) + " cites " + v.id() + " which has no value on " + date);
                if (!inForce.equals(v)) {
                    return Judgement.broken("the result of " + cited.get(i) + " cites " + v.id() + " = " + v.value() + " from " + v.effectiveFrom()
                            + " but on " + date + " the value in force is " + inForce.value() + " from " + inForce.effectiveFrom());
                }
            }
            return Judgement.HOLDS;
        }
    }

    /** {@code no-money}: a policy that states duties (notice-duty) never gives an award line. */
    static final class NoMoney extends PerClaim {
        @Override
        Judgement judge(Claim c, Assessment a, CheckContext ctx) {
            if (!CheckContext.engaged(a)) return Judgement.SILENT;
            return Judgement.of(a.lines().isEmpty() ? null
                    : "a duty-only policy gave an award line: " + a.lines().get(0).ruleId() + " " + a.lines().get(0).description());
        }
    }
}
