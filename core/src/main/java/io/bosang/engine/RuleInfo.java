package io.bosang.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * A rule of a policy as the catalogue sees it.
 *
 * @param ruleId     the {@code @ruleId} metadata
 * @param name       the rule's name in its DRL file
 * @param legalBasis the {@code @legalBasis} metadata
 * @param file       the DRL file, relative to the policy folder
 * @param line       the line of the {@code rule} keyword
 * @param parameters parameter ids the rule reads ({@code $p.get("...")} and friends), found by scanning its text
 */
@JsonPropertyOrder({"ruleId", "name", "legalBasis", "file", "line", "parameters"})
public record RuleInfo(String ruleId, String name, String legalBasis, String file, int line, List<String> parameters) {
    public RuleInfo {
        parameters = List.copyOf(parameters);
    }
}
