package io.bosang.check;

import io.bosang.domain.Claim;
import io.bosang.json.ClaimWriter;
import io.bosang.params.DatedValue;
import io.bosang.params.Parameter;
import io.bosang.params.ParameterValue;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code effective-dates}: a dated parameter change applies exactly from its effective date. Every seed claim is
 * moved to the day before and the day of every switch; a case is exercised when a result cites the switching
 * parameter, and then it must cite the value in force that day.
 */
final class EffectiveDates implements Invariant {
    @Override
    public InvariantResult check(String name, CheckContext ctx) {
        int tried = 0;
        int exercised = 0;
        boolean anySwitch = false;
        for (Parameter p : ctx.policy.parameters().all()) {
            List<DatedValue> values = p.values();
            for (int k = 1; k < values.size(); k++) {
                anySwitch = true;
                LocalDate switchDay = values.get(k).from();
                for (Claim seedClaim : ctx.seeds) {
                    for (LocalDate day : List.of(switchDay.minusDays(1), switchDay)) {
                        long shift = day.toEpochDay() - ctx.policy.incidentDate(seedClaim.incident()).toEpochDay();
                        Claim moved = ClaimMutations.shiftedDays(seedClaim, shift);
                        tried++;
                        Assessment a = ctx.policy.assess(moved);
                        List<ParameterValue> cited = new ArrayList<>();
                        List<String> by = new ArrayList<>();
                        for (AwardLine l : a.lines()) for (ParameterValue v : l.parameters()) { cited.add(v); by.add(l.ruleId()); }
                        for (Finding f : a.findings()) for (ParameterValue v : f.parameters()) { cited.add(v); by.add(f.ruleId()); }
                        boolean spoke = false;
                        for (int i = 0; i < cited.size(); i++) {
                            ParameterValue v = cited.get(i);
                            if (!v.id().equals(p.id())) continue;
                            spoke = true;
                            ParameterValue want = p.at(day).orElse(null);
                            if (want == null || !want.equals(v)) {
                                return InvariantResult.broken(name, tried, exercised + 1, "on " + day + " (" + (day.equals(switchDay) ? "the day" : "the day before")
                                                + " " + p.id() + " changes) the result of " + by.get(i) + " used the value " + v.value() + " from "
                                                + v.effectiveFrom() + ", not " + (want == null ? "none" : want.value() + " from " + want.effectiveFrom()),
                                        ClaimWriter.scenarioSnippet(moved));
                            }
                        }
                        if (spoke) exercised++;
                    }
                }
            }
        }
        if (!anySwitch) return InvariantResult.notExercised(name, 0, "no parameter of the policy changes value on a date");
        if (exercised == 0) return InvariantResult.notExercised(name, tried, "no scenario claim, moved to a switch date, gives a result that cites the switching parameter");
        return InvariantResult.held(name, tried, exercised);
    }
}
