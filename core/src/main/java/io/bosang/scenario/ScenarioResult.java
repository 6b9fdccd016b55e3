package io.bosang.scenario;

import io.bosang.result.Assessment;

import java.util.List;

/**
 * The result of one scenario.
 *
 * @param file     the scenario file
 * @param line     the line where the scenario starts
 * @param name     the sentence the scenario proves
 * @param source   where its expected figures come from
 * @param failures what did not match (empty when it passed)
 * @param actual   the assessments produced, one per claim in order; empty when the scenario could not run
 */
public record ScenarioResult(String file, int line, String name, String source, List<String> failures, List<Assessment> actual) {
    public ScenarioResult {
        failures = List.copyOf(failures);
        actual = List.copyOf(actual);
    }

    public boolean passed() {
        return failures.isEmpty();
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (passed() ? "PASS " : "FAIL ") + name + (passed() ? "" : "\n    " + String.join("\n    ", failures));
    }
}
