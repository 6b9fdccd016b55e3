package io.bosang.check;

import io.bosang.engine.Policy;
import io.bosang.engine.ReloadGate;
import io.bosang.incident.IncidentCatalog;
import io.bosang.problem.Problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The reload gate the service wires in: a candidate's scenarios (its folder's {@code scenarios/}), then the payout
 * invariants its {@code policy.yaml} declares, on claims generated from them — as {@code bosang check} runs them,
 * with fewer generated cases so a reload stays quick. A folder without scenarios is only built.
 */
public final class PolicyCheckGate implements ReloadGate {
    /** Generated cases per invariant when a reload is checked: enough to catch a broken law, quick under load. */
    public static final PolicyCheck.Settings RELOAD_CHECK = new PolicyCheck.Settings(40, 20221015L);

    private final IncidentCatalog incidents;
    private final PolicyCheck.Settings settings;

    public PolicyCheckGate(IncidentCatalog incidents) {
        this(incidents, RELOAD_CHECK);
    }

    public PolicyCheckGate(IncidentCatalog incidents, PolicyCheck.Settings settings) {
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public List<Problem> check(Policy candidate, Path folder) {
        List<Problem> problems = new ArrayList<>();
        Path scenarios = folder.resolve("scenarios");
        if (!Files.isDirectory(scenarios)) return problems;
        PolicyCheck.Report report = PolicyCheck.run(candidate, scenarios, incidents, settings);
        problems.addAll(report.problems());
        for (PolicyCheck.ScenarioSummary r : report.scenarios()) {
            if (!r.passed()) {
                problems.add(new Problem("scenarios/" + r.file(), r.line(), r.name() == null ? "" : r.name(),
                        "scenario failed: " + String.join("; ", r.failures())));
            }
        }
        for (InvariantResult i : report.invariants()) {
            if (i.failsCheck()) {
                problems.add(new Problem("policy.yaml", 0, i.invariant(), (i.status() == InvariantResult.Status.BROKEN ? "invariant broken: " : "invariant not exercised: ")
                        + i.message() + (i.counterExample() == null ? "" : "; smallest counter-example: " + i.counterExample())));
            }
        }
        return problems;
    }
}
