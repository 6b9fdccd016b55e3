package io.bosang.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.domain.Incident;
import io.bosang.domain.Severity;
import io.bosang.incident.IncidentCatalog;
import io.bosang.incident.IncidentReader;
import io.bosang.internal.yaml.YamlNodes;
import io.bosang.problem.Problem;
import io.bosang.result.AwardKind;
import io.bosang.result.EntitlementUnit;
import io.bosang.result.FindingKind;
import io.bosang.result.Outcome;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A scenario file read into typed scenarios: every key is checked where it is written, so a mistyped key inside an
 * expected line is "unknown key 'amountKwr'" at its file and line, not a vague mismatch.
 *
 * <pre>
 * policy: kakao-1015-2022
 * incidents: [ ... ]              # optional incidents written inline, same fields as incident files
 * scenarios:
 *   - name: A sentence the case proves
 *     source: where the expected figure comes from
 *     parameters: { id: "value" }  # optional what-if, in force for every date
 *     counted-severities: [FULL, PARTIAL]  # optional what-if: another reading of policy.yaml's counted-severities
 *     claim: { ... }               # one claim, with expect: { ... }
 *     expect: { outcome: AWARD, monetaryKrw: 3000, lines: [ {ruleId: X, unit: SUBSCRIPTION} ], findings: [ {code: Y} ] }
 *   - name: A family of one claimant's claims, settled in this order as one run would
 *     claims: [ {...}, {...} ]     # or claims:, with expect: a list, one per claim
 *     expect: [ {...}, {...} ]
 * </pre>
 *
 * @param file      the file as displayed
 * @param policyId  the policy the file is for, or null when it names none
 * @param policyLine the line of the {@code policy} key
 * @param incidents the shipped incidents plus the file's own
 * @param scenarios the scenarios that could be read
 * @param problems  what is wrong with the file, by line and key
 */
public record ScenarioFile(String file, String policyId, int policyLine, IncidentCatalog incidents, List<Scenario> scenarios,
                           List<Problem> problems) {
    static final Set<String> FILE_KEYS = ordered("policy", "incidents", "scenarios");
    static final Set<String> SCENARIO_KEYS = ordered("name", "source", "parameters", "counted-severities", "claim", "claims", "expect");
    static final Set<String> EXPECT_KEYS = ordered("outcome", "monetaryKrw", "nominalInKindKrw", "extension", "lines", "findings", "rejection");
    static final Set<String> LINE_KEYS = ordered("ruleId", "kind", "amountKrw", "nominalValueKrw", "extension", "description",
            "derivation", "parameter", "unit", "key");
    static final Set<String> FINDING_KEYS = ordered("ruleId", "kind", "code", "message", "unit", "priorClaim");
    static final Set<String> REJECTION_KEYS = ordered("field");

    public ScenarioFile {
        scenarios = List.copyOf(scenarios);
        problems = List.copyOf(problems);
    }

    private static Set<String> ordered(String... keys) {
        return new LinkedHashSet<>(List.of(keys));
    }

    /** Reads {@code path}; what cannot be read becomes a problem with its line, never an exception. */
    public static ScenarioFile read(Path path, String displayName, IncidentCatalog shipped) {
        List<Problem> problems = new ArrayList<>();
        YamlNodes yaml = new YamlNodes(displayName, problems);
        Node root = yaml.parse(path);
        if (root == null) return new ScenarioFile(displayName, null, 0, shipped, List.of(), problems);
        Map<String, YamlNodes.Entry> top = yaml.mapping(root, "", FILE_KEYS);
        IncidentCatalog incidents = shipped;
        if (top.containsKey("incidents")) {
            for (Node n : yaml.sequence(top.get("incidents").value(), "incidents")) {
                Incident i = IncidentReader.fromNode(yaml, n, problems);
                if (i != null) incidents = incidents.with(i);
            }
        }
        String policyId = yaml.optional(top, "policy", "");
        int policyLine = top.containsKey("policy") ? top.get("policy").line() : 0;
        List<Scenario> scenarios = new ArrayList<>();
        YamlNodes.Entry list = top.get("scenarios");
        if (list == null) {
            problems.add(new Problem(displayName, 1, "scenarios", "missing 'scenarios'"));
        } else {
            List<Node> items = yaml.sequence(list.value(), "scenarios");
            for (int k = 0; k < items.size(); k++) {
                Scenario s = scenario(yaml, problems, displayName, items.get(k), "scenarios[" + k + "]");
                if (s != null) scenarios.add(s);
            }
        }
        return new ScenarioFile(displayName, policyId, policyLine, incidents, scenarios, problems);
    }

    private static Scenario scenario(YamlNodes yaml, List<Problem> problems, String file, Node node, String path) {
        int before = problems.size();
        int line = YamlNodes.line(node);
        Map<String, YamlNodes.Entry> m = yaml.mapping(node, path, SCENARIO_KEYS);
        String name = yaml.optional(m, "name", path);
        String source = yaml.optional(m, "source", path);
        if (name == null || name.isBlank()) yaml.problem(line, path + ".name", "a scenario needs a name: the sentence it proves");
        Map<String, Scenario.Overlay> parameters = new LinkedHashMap<>();
        if (m.containsKey("parameters")) {
            for (Map.Entry<String, YamlNodes.Entry> e : yaml.mapping(m.get("parameters").value(), path + ".parameters", null).entrySet()) {
                parameters.put(e.getKey(), new Scenario.Overlay(yaml.scalar(e.getValue().value(), path + ".parameters." + e.getKey()), e.getValue().line()));
            }
        }
        List<Severity> severities = null;
        if (m.containsKey("counted-severities")) {
            severities = new ArrayList<>();
            for (Node n : yaml.sequence(m.get("counted-severities").value(), path + ".counted-severities")) {
                String v = yaml.scalar(n, path + ".counted-severities");
                try {
                    severities.add(Severity.valueOf(v == null ? "" : v.trim()));
                } catch (IllegalArgumentException e) {
                    yaml.problem(n, path + ".counted-severities", "'" + v + "' is not one of FULL, PARTIAL");
                }
            }
            if (!severities.contains(Severity.FULL)) yaml.problem(m.get("counted-severities").line(), path + ".counted-severities", "must include FULL");
        }
        List<JsonNode> claims = new ArrayList<>();
        List<Expectation> expectations = new ArrayList<>();
        boolean one = m.containsKey("claim");
        boolean many = m.containsKey("claims");
        if (one && many) yaml.problem(line, path, "a scenario has either 'claim' (one) or 'claims' (a family), not both");
        if (!one && !many) yaml.problem(line, path + ".claim", "a scenario needs a claim (or claims)");
        YamlNodes.Entry expect = m.get("expect");
        if (expect == null) yaml.problem(line, path + ".expect", "a scenario needs an expect block");
        if (one && !many) {
            claims.add(ScenarioRunner.toJson(m.get("claim").value()));
            if (expect != null) {
                if (expect.value() instanceof SequenceNode) yaml.problem(expect.line(), path + ".expect", "one claim has one expectation: a mapping, not a list");
                else expectations.add(expectation(yaml, expect.value(), path + ".expect"));
            }
        } else if (many && !one) {
            for (Node c : yaml.sequence(m.get("claims").value(), path + ".claims")) claims.add(ScenarioRunner.toJson(c));
            if (expect != null) {
                if (!(expect.value() instanceof SequenceNode)) {
                    yaml.problem(expect.line(), path + ".expect", "a family of claims has a list of expectations, one per claim in order");
                } else {
                    List<Node> items = yaml.sequence(expect.value(), path + ".expect");
                    for (int i = 0; i < items.size(); i++) expectations.add(expectation(yaml, items.get(i), path + ".expect[" + i + "]"));
                    if (items.size() != claims.size()) {
                        yaml.problem(expect.line(), path + ".expect", claims.size() + " claims but " + items.size() + " expectations: give one per claim, in order");
                    }
                }
            }
        }
        if (problems.size() > before) return null;
        return new Scenario(file, line, name, source == null ? "" : source, parameters, severities, claims, expectations);
    }

    private static Expectation expectation(YamlNodes yaml, Node node, String path) {
        Map<String, YamlNodes.Entry> m = yaml.mapping(node, path, EXPECT_KEYS);
        Outcome outcome = enumValue(yaml, m, "outcome", path, Outcome.class);
        Long money = number(yaml, m, "monetaryKrw", path);
        Long nominal = number(yaml, m, "nominalInKindKrw", path);
        Duration extension = duration(yaml, m, "extension", path);
        String rejectionField = null;
        if (m.containsKey("rejection")) {
            Map<String, YamlNodes.Entry> r = yaml.mapping(m.get("rejection").value(), path + ".rejection", REJECTION_KEYS);
            String field = yaml.optional(r, "field", path + ".rejection");
            rejectionField = field == null ? "" : field;
        }
        List<Expectation.LineExpectation> lines = null;
        if (m.containsKey("lines")) {
            lines = new ArrayList<>();
            List<Node> items = yaml.sequence(m.get("lines").value(), path + ".lines");
            for (int i = 0; i < items.size(); i++) {
                String p = path + ".lines[" + i + "]";
                Map<String, YamlNodes.Entry> l = yaml.mapping(items.get(i), p, LINE_KEYS);
                lines.add(new Expectation.LineExpectation(YamlNodes.line(items.get(i)), yaml.optional(l, "ruleId", p),
                        enumValue(yaml, l, "kind", p, AwardKind.class), number(yaml, l, "amountKrw", p), number(yaml, l, "nominalValueKrw", p),
                        duration(yaml, l, "extension", p), yaml.optional(l, "description", p), yaml.optional(l, "derivation", p),
                        yaml.optional(l, "parameter", p), enumValue(yaml, l, "unit", p, EntitlementUnit.class), yaml.optional(l, "key", p)));
            }
        }
        List<Expectation.FindingExpectation> findings = new ArrayList<>();
        if (m.containsKey("findings")) {
            List<Node> items = yaml.sequence(m.get("findings").value(), path + ".findings");
            for (int i = 0; i < items.size(); i++) {
                String p = path + ".findings[" + i + "]";
                Map<String, YamlNodes.Entry> f = yaml.mapping(items.get(i), p, FINDING_KEYS);
                findings.add(new Expectation.FindingExpectation(YamlNodes.line(items.get(i)), yaml.optional(f, "ruleId", p),
                        enumValue(yaml, f, "kind", p, FindingKind.class), yaml.optional(f, "code", p), yaml.optional(f, "message", p),
                        enumValue(yaml, f, "unit", p, EntitlementUnit.class), yaml.optional(f, "priorClaim", p)));
            }
        }
        return new Expectation(YamlNodes.line(node), outcome, money, nominal, extension, rejectionField, lines, findings);
    }

    private static <E extends Enum<E>> E enumValue(YamlNodes yaml, Map<String, YamlNodes.Entry> m, String key, String path, Class<E> type) {
        String text = yaml.optional(m, key, path);
        if (text == null) return null;
        for (E e : type.getEnumConstants()) if (e.name().equals(text)) return e;
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add(e.name());
        yaml.problem(m.get(key).line(), path + "." + key, "'" + text + "' is not one of " + String.join(", ", names));
        return null;
    }

    private static Long number(YamlNodes yaml, Map<String, YamlNodes.Entry> m, String key, String path) {
        String text = yaml.optional(m, key, path);
        if (text == null) return null;
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            yaml.problem(m.get(key).line(), path + "." + key, "'" + text + "' is not a whole number");
            return null;
        }
    }

    private static Duration duration(YamlNodes yaml, Map<String, YamlNodes.Entry> m, String key, String path) {
        String text = yaml.optional(m, key, path);
        if (text == null) return null;
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            yaml.problem(m.get(key).line(), path + "." + key, "'" + text + "' is not an ISO-8601 duration such as PT72H");
            return null;
        }
    }
}
