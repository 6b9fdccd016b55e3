package io.bosang.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.domain.Severity;

import java.util.List;
import java.util.Map;

/**
 * One scenario: the sentence it proves, the claims (one, or a family settled in order as one run would), and what
 * each must give.
 *
 * @param file         the scenario file, as displayed
 * @param line         the line where the scenario starts
 * @param name         the sentence it proves
 * @param source       where its expected figures come from
 * @param parameters   what-if parameter values by id (in force for every date), with the line of each
 * @param countedSeverities a what-if reading of policy.yaml's counted-severities, or null for the policy's own
 * @param claims       the claims as JSON, in input order
 * @param expectations one expectation per claim, in the same order
 */
public record Scenario(String file, int line, String name, String source, Map<String, Overlay> parameters,
                       List<Severity> countedSeverities, List<JsonNode> claims, List<Expectation> expectations) {
    public Scenario {
        parameters = Map.copyOf(parameters);
        countedSeverities = countedSeverities == null ? null : List.copyOf(countedSeverities);
        claims = List.copyOf(claims);
        expectations = List.copyOf(expectations);
    }

    /** A what-if parameter value and the line it is written on. */
    public record Overlay(String value, int line) {
    }

    /** True for a family: several claims settled together. */
    public boolean family() {
        return claims.size() > 1;
    }
}
