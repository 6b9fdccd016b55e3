package io.bosang.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.result.EntitlementUnit;

import java.util.List;

/**
 * A rule of a policy as the catalogue sees it.
 *
 * @param ruleId      the {@code @ruleId} metadata
 * @param name        the rule's name in its DRL file
 * @param legalBasis  the {@code @legalBasis} metadata
 * @param file        the DRL file, relative to the policy folder
 * @param line        the line of the {@code rule} keyword
 * @param parameters  parameter ids the rule reads ({@code $p.get("...")} and friends), found by scanning its text
 * @param oncePer     what the rule's award lines are owed per ({@code @oncePer}); null for a rule that awards nothing
 * @param entitlement the entitlement its lines settle as ({@code @entitlement}, else the rule id); null with {@code oncePer}
 */
@JsonPropertyOrder({"ruleId", "name", "legalBasis", "file", "line", "parameters", "oncePer", "entitlement"})
public record RuleInfo(String ruleId, String name, String legalBasis, String file, int line, List<String> parameters,
                       @JsonInclude(JsonInclude.Include.NON_NULL) EntitlementUnit oncePer,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String entitlement) {
    public RuleInfo {
        parameters = List.copyOf(parameters);
    }

    public RuleInfo(String ruleId, String name, String legalBasis, String file, int line, List<String> parameters) {
        this(ruleId, name, legalBasis, file, line, parameters, null, null);
    }
}
