package io.bosang.check;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.domain.Claim;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;
import io.bosang.scenario.ScenarioResult;
import io.bosang.scenario.ScenarioRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code bosang check} does, as a library call: build the policy (DRL, parameter files, rule catalogue — every
 * problem located by file, line and key), run its scenarios, then run the payout invariants it declares on claims
 * generated from those scenarios. A policy passes only when all three pass.
 */
public final class PolicyCheck {
    /** Settings of a check run. */
    public record Settings(int examples, long seed) {
        public static final Settings DEFAULT = new Settings(200, 20221015L);
    }

    /** The full report. */
    @JsonPropertyOrder({"policy", "origin", "passed", "problems", "scenarios", "invariants"})
    public record Report(String policy, String origin, List<Problem> problems, List<ScenarioSummary> scenarios,
                         List<InvariantResult> invariants) {
        @JsonProperty("passed")
        public boolean passed() {
            return problems.isEmpty() && scenarios.stream().allMatch(ScenarioSummary::passed)
                    && !invariants.isEmpty() && invariants.stream().noneMatch(InvariantResult::failsCheck);
        }

        @JsonIgnore
        public long failedScenarios() {
            return scenarios.stream().filter(s -> !s.passed()).count();
        }

        @JsonIgnore
        public long failedInvariants() {
            return invariants.stream().filter(InvariantResult::failsCheck).count();
        }
    }

    /** One scenario's verdict without the full assessment. */
    @JsonPropertyOrder({"file", "line", "name", "passed", "failures"})
    public record ScenarioSummary(String file, int line, String name, boolean passed, List<String> failures) {
        static ScenarioSummary of(ScenarioResult r) {
            return new ScenarioSummary(r.file(), r.line(), r.name(), r.passed(), r.failures());
        }
    }

    private PolicyCheck() {
    }

    /**
     * Checks the policy in {@code policyDir} (a folder with {@code policy.yaml}) or, when it is not a folder, the
     * shipped policy of that id. Scenarios are read from {@code scenariosDir} when given, else, for a folder, from
     * {@link #scenariosFor(Path)}; a shipped policy carries no scenarios, so its check needs {@code scenariosDir}.
     */
    public static Report run(String policyDirOrId, Path scenariosDir, IncidentCatalog incidents, Settings settings) {
        Policy policy;
        try {
            policy = PolicyLoader.resolve(policyDirOrId);
        } catch (PolicyBuildException e) {
            return new Report(policyDirOrId, policyDirOrId, e.problems(), List.of(), List.of());
        }
        Path dir = Path.of(policyDirOrId);
        Path scenarios = scenariosDir != null ? scenariosDir : Files.isDirectory(dir) ? scenariosFor(dir).orElse(null) : null;
        return run(policy, scenarios, incidents, settings);
    }

    /** Checks an already-built policy with the scenarios under {@code scenariosDir} (may be null: no scenarios). */
    public static Report run(Policy policy, Path scenariosDir, IncidentCatalog incidents, Settings settings) {
        List<Problem> problems = new ArrayList<>();
        List<ScenarioSummary> scenarioResults = new ArrayList<>();
        List<Claim> seeds = new ArrayList<>();
        ScenarioRunner runner = new ScenarioRunner(incidents);
        List<Path> files = scenariosDir == null ? List.of() : ScenarioRunner.files(scenariosDir);
        if (files.isEmpty()) {
            problems.add(new Problem(scenariosDir == null ? "scenarios/" : scenariosDir.toString(), 0, "scenarios",
                    "no scenario files: write at least one scenario (it also seeds the invariants' generated claims)"));
        }
        for (Path file : files) {
            String name = scenariosDir.relativize(file).toString();
            for (ScenarioResult r : runner.run(policy, file, name)) scenarioResults.add(ScenarioSummary.of(r));
            seeds.addAll(runner.claims(file, name));
        }
        List<InvariantResult> invariants = seeds.isEmpty() ? List.of()
                : new InvariantChecker(policy, seeds, settings.examples(), settings.seed()).check(policy.manifest().invariants());
        return new Report(policy.id(), policy.origin(), problems, scenarioResults, invariants);
    }

    /**
     * Where a policy folder's scenarios live: {@code DIR/scenarios}, or, for a folder inside this repository's
     * {@code src/main/resources/policies/ID}, the matching {@code src/test/resources/policies/ID/scenarios}.
     */
    public static Optional<Path> scenariosFor(Path policyDir) {
        Path own = policyDir.resolve("scenarios");
        if (Files.isDirectory(own)) return Optional.of(own);
        Path abs = policyDir.toAbsolutePath().normalize();
        String text = abs.toString().replace('\\', '/');
        int at = text.lastIndexOf("/src/main/resources/policies/");
        if (at >= 0) {
            Path sibling = Path.of(text.substring(0, at) + "/src/test/resources/policies/"
                    + text.substring(at + "/src/main/resources/policies/".length()) + "/scenarios");
            if (Files.isDirectory(sibling)) return Optional.of(sibling);
        }
        return Optional.empty();
    }
}
