package io.bosang.examples;

import io.bosang.check.InvariantResult;
import io.bosang.check.PolicyCheck;
import io.bosang.check.WorkingCopy;
import io.bosang.compare.ClaimsFile;
import io.bosang.compare.PolicyDiff;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For a policy analyst: copy a policy, edit one parameter file (no Java), check the edit — build, scenarios and payout
 * invariants — and measure its impact on a claims file. Exactly what {@code bosang check} and {@code bosang diff} do.
 *
 * <p>Usage: {@code AnalystExample POLICY_FOLDER SCENARIOS_FOLDER PARAMETER_FILE NEW_VALUE CLAIMS_FILE WORK_DIR}
 * (PARAMETER_FILE relative to the policy folder, e.g. {@code parameters/mobility/days_multiplier.yaml}).
 */
public final class AnalystExample {
    private AnalystExample() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws IOException, PolicyBuildException {
        Path shipped = Path.of(args[0]);
        Path scenarios = Path.of(args[1]);
        String parameterFile = args[2];
        String newValue = args[3];
        Path claims = Path.of(args[4]);
        Path work = Path.of(args[5]);

        // 1. A working copy; the folder keeps the policy's id as its name.
        Path copy = WorkingCopy.of(shipped, work);

        // 2. The edit: the latest dated value of one parameter, as an analyst would type it.
        Path param = copy.resolve(parameterFile);
        String text = Files.readString(param);
        int at = text.lastIndexOf("value: \"");
        int end = text.indexOf('"', at + 8);
        String oldValue = text.substring(at + 8, end);
        Files.writeString(param, text.substring(0, at + 8) + newValue + text.substring(end));
        out.println("edited " + parameterFile + ": " + oldValue + " → " + newValue);

        // 3. Check: compiles? parameter files valid? scenarios pass? invariants hold?
        IncidentCatalog incidents = IncidentCatalog.classpath();
        PolicyCheck.Report report = PolicyCheck.run(copy.toString(), scenarios, incidents, new PolicyCheck.Settings(100, 1L));
        for (Problem p : report.problems()) out.println("problem " + p);
        out.printf("check: %d scenarios, %d failed; %d invariants, %d broken%n", report.scenarios().size(), report.failedScenarios(),
                report.invariants().size(), report.failedInvariants());
        for (InvariantResult i : report.invariants()) if (i.failsCheck()) out.println("  " + i.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " " + i.invariant() + ": " + i.message());
        report.scenarios().stream().filter(s -> !s.passed())
                .forEach(s -> out.println("  scenario no longer holds: " + s.name() + " — " + String.join("; ", s.failures())));

        // 4. Impact on real claims, base against the edit.
        Policy base = PolicyLoader.load(shipped);
        Policy changed = PolicyLoader.load(copy);
        PolicyDiff.Report diff = PolicyDiff.run(base, changed, new ClaimsFile(claims, incidents), 2, 3);
        out.printf("diff: %,d of %,d claims change; cost %,d → %,d KRW (%+,d)%n", diff.changedClaims(), diff.claims(),
                diff.costBeforeKrw(), diff.costAfterKrw(), diff.deltaKrw());
        for (PolicyDiff.RuleImpact r : diff.byRule()) out.printf("  %s on %,d claims: %+,d KRW%n", r.ruleId(), r.claims(), r.deltaKrw());
        for (PolicyDiff.ClaimChange c : diff.biggest()) {
            out.printf("  %s: %,d → %,d KRW via %s%n", c.claimId(), c.beforeKrw(), c.afterKrw(), String.join(",", c.parameters()));
        }
        return report.passed() ? 0 : 1;
    }
}
