package io.bosang.engine;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.law.Citation;
import io.bosang.result.EntitlementUnit;

import java.util.List;

/**
 * A rule of a policy as the catalogue sees it.
 *
 * @param ruleId       the {@code @ruleId} metadata
 * @param name         the rule's name in its DRL file
 * @param legalBasis   the {@code @legalBasis} in words: its sources' short titles and pinpoints, then what they provide
 * @param citations    the sources of the legal basis (registry ids and pinpoints, resolved when the policy is built)
 * @param file         the DRL file, relative to the policy folder
 * @param line         the line of the {@code rule} keyword
 * @param parameters   the parameter ids the rule's text names (a literal key read in its conditions or consequence);
 *                     what it reads by a computed key is known only when it runs
 * @param conditions   the subset its conditions compare: cited on every result of the rule, since a condition's read
 *                     is not a consequence's
 * @param computedKeys whether the consequence reads a parameter by a computed key ({@code "revenue_cap." + industry})
 * @param oncePer      what the rule's award lines are owed per ({@code @oncePer}); null for a rule that awards nothing
 * @param entitlement  the entitlement its lines settle as ({@code @entitlement}, else the rule id); null with {@code oncePer}
 * @param exceptionOf  the rule id this rule is an exception to ({@code @exceptionOf}): when this rule fires, the
 *                     base rule's results are withdrawn; null for a rule that is no exception
 */
@JsonPropertyOrder({"ruleId", "name", "legalBasis", "citations", "file", "line", "parameters", "conditions", "computedKeys",
        "oncePer", "entitlement", "exceptionOf"})
public record RuleInfo(String ruleId, String name, String legalBasis, List<Citation> citations, String file, int line,
                       List<String> parameters, List<String> conditions, boolean computedKeys,
                       @JsonInclude(JsonInclude.Include.NON_NULL) EntitlementUnit oncePer,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String entitlement,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String exceptionOf) {
    public RuleInfo {
        citations = citations == null ? List.of() : List.copyOf(citations);
        parameters = List.copyOf(parameters);
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
    }

    /** What the rule's name says after its id: when an exception applies, in words. */
    public String sentence() {
        String n = name.startsWith(ruleId) ? name.substring(ruleId.length()).trim() : name;
        return n.isEmpty() ? ruleId : n;
    }

    /** The same rule with its legal basis resolved against the source registry. */
    public RuleInfo withLegalBasis(String text, List<Citation> resolved) {
        return new RuleInfo(ruleId, name, text, resolved, file, line, parameters, conditions, computedKeys, oncePer, entitlement, exceptionOf);
    }
}
