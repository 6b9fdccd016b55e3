package io.bosang.cli;

import io.bosang.check.InvariantResult;
import io.bosang.check.PolicyCheck;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.Json;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bosang check --policy DIR}: is this edit of a policy valid, do its scenarios pass, do its payout laws hold? */
@Command(name = "check", mixinStandardHelpOptions = true,
        header = "Check a policy edit: build, scenarios and payout invariants.",
        description = {"Check a policy folder (or a shipped policy id): compile its DRL, validate every parameter file",
                "and the rule catalogue, run its scenarios, then run the payout invariants its policy.yaml declares",
                "on claims generated from the scenarios. Problems are given with file, line and key; a broken",
                "invariant shows the smallest claim that breaks it, ready to paste into a scenario.",
                "Exit code 0 only when everything passes."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOption policyOption = new PolicyOption();

    @Option(names = "--scenarios", paramLabel = "DIR",
            description = "Scenario folder (default: DIR/scenarios, or the repository's src/test/resources/policies/ID/scenarios).")
    Path scenarios;

    @Mixin
    IncidentsOption incidentsOption = new IncidentsOption();

    @Option(names = "--examples", defaultValue = "200", description = "Generated claims per invariant (default: ${DEFAULT-VALUE}).")
    int examples;

    @Option(names = "--seed", defaultValue = "20221015", description = "Seed of the generated claims (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = "--watch", description = "Check again whenever a file of the policy or its scenarios changes (Ctrl-C to stop).")
    boolean watch;

    /** For tests: stop watching after this many checks. */
    @Option(names = "--watch-max", hidden = true, defaultValue = "0")
    int watchMax;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        IncidentCatalog incidents;
        try {
            incidents = incidentsOption.catalog();
        } catch (PolicyBuildException e) {
            err.println(e.getMessage());
            return BosangCli.BROKEN_POLICY;
        }
        PolicyCheck.Settings settings = new PolicyCheck.Settings(examples, seed);
        // Watch: poll the folders' content hashes; check again after each change, so an analyst sees the
        // verdict of every save without typing the command again. The first fingerprint is taken before the first
        // check, so a save during that check is not missed.
        String policy = policyOption.policy;
        Path dir = Path.of(policy);
        Path scenarioDir = scenarios != null ? scenarios : ScenarioFolders.defaultFor(policy).orElse(null);
        if (scenarios == null && scenarioDir != null && !scenarioDir.toAbsolutePath().startsWith(dir.toAbsolutePath())) {
            err.println("bosang check: scenarios from " + scenarioDir + " (--scenarios DIR to choose others)");
        }
        String seen = watch ? fingerprint(dir, scenarioDir) : "";
        PolicyCheck.Report report = checkOnce(policy, scenarioDir, incidents, settings, out);
        if (!watch) return report.passed() ? BosangCli.OK : BosangCli.SOME_REJECTED;
        int runs = 1;
        try {
            while (watchMax == 0 || runs < watchMax) {
                Thread.sleep(300);
                String now = fingerprint(dir, scenarioDir);
                if (now.equals(seen)) continue;
                seen = now;
                out.println();
                out.println("-- changed; checking again");
                report = checkOnce(policy, scenarioDir, incidents, settings, out);
                runs++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return report.passed() ? BosangCli.OK : BosangCli.SOME_REJECTED;
    }

    private PolicyCheck.Report checkOnce(String policy, Path scenarioDir, IncidentCatalog incidents, PolicyCheck.Settings settings, PrintWriter out) {
        PolicyCheck.Report report = PolicyCheck.run(policy, scenarioDir, incidents, settings);
        if (json) out.println(Json.line(report));
        else print(report, out);
        out.flush();
        return report;
    }

    /** The content hashes of the folders (as policies are stamped): they change when an analyst saves. */
    static String fingerprint(Path... dirs) {
        StringBuilder b = new StringBuilder();
        for (Path d : dirs) {
            if (d == null || !java.nio.file.Files.isDirectory(d)) continue;
            try {
                b.append(PolicyLoader.contentHash(d)).append('\n');
            } catch (java.io.UncheckedIOException e) {
                b.append(d).append(" unreadable\n");   // mid-save: the next poll sees the settled content
            }
        }
        return b.toString();
    }

    static void print(PolicyCheck.Report r, PrintWriter out) {
        out.println("check " + r.policy() + " (" + r.origin() + ")");
        if (r.problems().isEmpty()) {
            out.println("  build        ok: DRL compiled, parameter files and rule catalogue valid");
        } else {
            out.println("  build        " + r.problems().size() + " problem(s):");
            for (Problem p : r.problems()) out.println("    " + p);
        }
        if (!r.scenarios().isEmpty()) {
            out.printf("  scenarios    %d passed, %d failed%n", r.scenarios().size() - r.failedScenarios(), r.failedScenarios());
            for (PolicyCheck.ScenarioSummary s : r.scenarios()) {
                if (s.passed()) continue;
                out.println("    FAIL " + s.file() + ":" + s.line() + " " + s.name());
                for (String f : s.failures()) out.println("         " + f);
            }
        }
        if (!r.invariants().isEmpty()) {
            long held = r.invariants().stream().filter(InvariantResult::passed).count();
            long broken = r.invariants().stream().filter(i -> i.status() == InvariantResult.Status.BROKEN).count();
            out.printf("  invariants   %d held, %d broken, %d not exercised%n", held, broken, r.invariants().size() - held - broken);
            for (InvariantResult i : r.invariants()) {
                String status = switch (i.status()) {
                    case HELD -> "ok";
                    case BROKEN -> "BROKEN";
                    case NOT_EXERCISED -> i.declared() ? "UNUSED" : "unused";
                };
                out.printf("    %-6s %-44s %s%n", status, i.invariant(),
                        i.passed() ? i.exercised() + " of " + i.examples() + " cases exercised it" : i.message());
                if (!i.passed() && i.counterExample() != null) {
                    out.println("           smallest counter-example (paste into a scenario):");
                    out.println("           " + Json.line(i.counterExample()));
                }
            }
        }
        out.println(r.passed() ? "PASSED" : "FAILED");
    }
}
