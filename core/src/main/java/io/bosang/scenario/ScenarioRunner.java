package io.bosang.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bosang.domain.Claim;
import io.bosang.domain.Incident;
import io.bosang.domain.Severity;
import io.bosang.engine.Policy;
import io.bosang.engine.Problem;
import io.bosang.engine.internal.YamlNodes;
import io.bosang.incident.IncidentCatalog;
import io.bosang.incident.IncidentReader;
import io.bosang.json.ClaimInput;
import io.bosang.json.ClaimReader;
import io.bosang.params.Parameter;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs scenario files: cases named as the sentence they prove, each a claim and what the policy must give.
 *
 * <pre>
 * policy: content-user-protection
 * incidents:                      # optional incidents written inline, same fields as incident files
 *   - id: vod-5h
 *     ...
 * scenarios:
 *   - name: An operator-caused 5 h stoppage without notice gives a 15 h extension
 *     source: FACTS 7 CUG-1       # where the expected figure comes from
 *     parameters:                 # optional what-if: parameter id → value, in force for every date
 *     counted-severities: [FULL, PARTIAL]   # optional what-if: another reading of policy.yaml's counted-severities
 *       no_notice_multiplier: "2"
 *     claim: { ...the claim JSON schema, as YAML... }
 *     expect:
 *       outcome: AWARD
 *       monetaryKrw: 0
 *       extension: PT15H
 *       lines:                    # all lines: the count must match, each matched on the fields given
 *         - { ruleId: CUPG-EXT-01, kind: SERVICE_EXTENSION, extension: PT15H }
 *       findings:                 # these findings must be among the findings
 *         - { code: FREE_SERVICE }
 * </pre>
 */
public final class ScenarioRunner {
    private static final Set<String> FILE_KEYS = Set.of("policy", "incidents", "scenarios");
    private static final Set<String> SCENARIO_KEYS = Set.of("name", "source", "parameters", "counted-severities", "claim", "expect");
    private static final Set<String> EXPECT_KEYS = Set.of("outcome", "monetaryKrw", "nominalInKindKrw", "extension",
            "lines", "findings", "rejection");

    private final IncidentCatalog shippedIncidents;

    public ScenarioRunner(IncidentCatalog shippedIncidents) {
        this.shippedIncidents = shippedIncidents;
    }

    /** Every {@code *.yaml} file below {@code dir}, sorted. */
    public static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs every scenario of {@code file} against {@code policy}. Problems in the file itself become failed results. */
    public List<ScenarioResult> run(Policy policy, Path file, String displayName) {
        Parsed f = parse(file, displayName);
        if (f.reader() == null) return List.of(broken(displayName, f.problems()));
        String policyId = f.yaml().optional(f.top(), "policy", "");
        if (policyId != null && !policyId.equals(policy.id())) {
            f.yaml().problem(f.top().get("policy").line(), "policy", "file is for policy '" + policyId + "', not '" + policy.id() + "'");
        }
        if (!f.problems().isEmpty()) return List.of(broken(displayName, f.problems()));
        YamlNodes.Entry scenarios = f.top().get("scenarios");
        if (scenarios == null) return List.of(broken(displayName, List.of(new Problem(displayName, 1, "scenarios", "missing 'scenarios'"))));
        List<ScenarioResult> results = new ArrayList<>();
        for (Node node : f.yaml().sequence(scenarios.value(), "scenarios")) {
            results.add(runOne(policy, displayName, node, f.reader()));
        }
        return results;
    }

    /**
     * The valid claims of every scenario in {@code file}, with the incidents the file defines: the seed claims from which
     * {@code bosang check} generates variations. Scenarios with what-if parameters still contribute their claim.
     */
    public List<Claim> claims(Path file, String displayName) {
        Parsed f = parse(file, displayName);
        YamlNodes.Entry scenarios = f.top().get("scenarios");
        if (f.reader() == null || scenarios == null) return List.of();
        List<Claim> claims = new ArrayList<>();
        for (Node node : f.yaml().sequence(scenarios.value(), "scenarios")) {
            Map<String, YamlNodes.Entry> m = f.yaml().mapping(node, "scenario", SCENARIO_KEYS);
            if (!m.containsKey("claim")) continue;
            ClaimInput input = f.reader().read(1, toJson(m.get("claim").value()));
            if (input.valid()) claims.add(input.claim());
        }
        return claims;
    }

    /** A scenario file's top-level keys and a reader that knows its inline incidents; reader null when unreadable. */
    private record Parsed(YamlNodes yaml, Map<String, YamlNodes.Entry> top, ClaimReader reader, List<Problem> problems) {
    }

    private Parsed parse(Path file, String displayName) {
        List<Problem> problems = new ArrayList<>();
        YamlNodes yaml = new YamlNodes(displayName, problems);
        Node root = yaml.parse(file);
        if (root == null) return new Parsed(yaml, Map.of(), null, problems);
        Map<String, YamlNodes.Entry> top = yaml.mapping(root, "", FILE_KEYS);
        IncidentCatalog incidents = shippedIncidents;
        if (top.containsKey("incidents")) {
            for (Node n : yaml.sequence(top.get("incidents").value(), "incidents")) {
                Incident i = IncidentReader.fromNode(yaml, n, problems);
                if (i != null) incidents = incidents.with(i);
            }
        }
        return new Parsed(yaml, top, new ClaimReader(incidents), problems);
    }

    private ScenarioResult runOne(Policy policy, String file, Node node, ClaimReader reader) {
        List<Problem> problems = new ArrayList<>();
        YamlNodes yaml = new YamlNodes(file, problems);
        int line = YamlNodes.line(node);
        Map<String, YamlNodes.Entry> m = yaml.mapping(node, "scenario", SCENARIO_KEYS);
        String name = yaml.optional(m, "name", "");
        String source = yaml.optional(m, "source", "");
        if (name == null || name.isBlank()) problems.add(new Problem(file, line, "name", "a scenario needs a name: the sentence it proves"));
        Policy subject = policy;
        if (m.containsKey("parameters")) {
            Map<String, Parameter> overrides = new TreeMap<>();
            for (Map.Entry<String, YamlNodes.Entry> e : yaml.mapping(m.get("parameters").value(), "parameters", null).entrySet()) {
                String value = yaml.scalar(e.getValue().value(), "parameters." + e.getKey());
                Parameter p = policy.parameters().get(e.getKey()).orElse(null);
                if (p == null) {
                    problems.add(new Problem(file, e.getValue().line(), "parameters." + e.getKey(), "the policy has no parameter '" + e.getKey() + "'"));
                } else {
                    overrides.put(e.getKey(), p.overriddenFrom(LocalDate.of(1900, 1, 1), value, "scenario what-if"));
                }
            }
            subject = policy.withParameters(overrides);
        }
        if (m.containsKey("counted-severities")) {
            List<Severity> severities = new ArrayList<>();
            for (Node n : yaml.sequence(m.get("counted-severities").value(), "counted-severities")) {
                String v = yaml.scalar(n, "counted-severities");
                try {
                    severities.add(Severity.valueOf(v == null ? "" : v.trim()));
                } catch (IllegalArgumentException e) {
                    problems.add(new Problem(file, YamlNodes.line(n), "counted-severities", "'" + v + "' is not one of FULL, PARTIAL"));
                }
            }
            if (!severities.contains(Severity.FULL)) {
                problems.add(new Problem(file, m.get("counted-severities").line(), "counted-severities", "must include FULL"));
            } else if (problems.isEmpty()) {
                subject = subject.withCountedSeverities(severities);
            }
        }
        if (!m.containsKey("claim")) problems.add(new Problem(file, line, "claim", "a scenario needs a claim"));
        if (!m.containsKey("expect")) problems.add(new Problem(file, line, "expect", "a scenario needs an expect block"));
        if (!problems.isEmpty()) {
            return new ScenarioResult(file, line, name == null ? "(unnamed)" : name, source, problems.stream().map(Problem::toString).toList(), null);
        }
        ClaimInput input = reader.read(1, toJson(m.get("claim").value()));
        Assessment actual = input.valid() ? subject.assess(input.claim())
                : Assessment.rejected(1, input.claimId(), subject.stamp(), input.rejection());
        List<String> failures = compare(toJson(m.get("expect").value()), actual);
        return new ScenarioResult(file, line, name, source, failures, actual);
    }

    private static ScenarioResult broken(String file, List<Problem> problems) {
        return new ScenarioResult(file, problems.isEmpty() ? 0 : problems.get(0).line(), "(scenario file)", "",
                problems.stream().map(Problem::toString).toList(), null);
    }

    /** What differs between the expectation and the assessment; empty when everything expected holds. */
    static List<String> compare(JsonNode expect, Assessment a) {
        List<String> f = new ArrayList<>();
        Iterator<String> names = expect.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (!EXPECT_KEYS.contains(k)) f.add("unknown expect key '" + k + "'; allowed: " + EXPECT_KEYS);
        }
        if (expect.has("outcome") && !expect.get("outcome").asText().equals(a.outcome().name())) {
            f.add("outcome: expected " + expect.get("outcome").asText() + ", got " + a.outcome() + describe(a));
        }
        if (expect.has("monetaryKrw") && expect.get("monetaryKrw").asLong() != a.totals().monetaryKrw()) {
            f.add("monetaryKrw: expected " + expect.get("monetaryKrw").asLong() + ", got " + a.totals().monetaryKrw() + describe(a));
        }
        if (expect.has("nominalInKindKrw") && expect.get("nominalInKindKrw").asLong() != a.totals().nominalInKindKrw()) {
            f.add("nominalInKindKrw: expected " + expect.get("nominalInKindKrw").asLong() + ", got " + a.totals().nominalInKindKrw());
        }
        if (expect.has("extension") && !Duration.parse(expect.get("extension").asText()).equals(a.totals().extension())) {
            f.add("extension: expected " + expect.get("extension").asText() + ", got " + a.totals().extension() + describe(a));
        }
        if (expect.has("rejection")) {
            JsonNode r = expect.get("rejection");
            if (a.rejection() == null) f.add("rejection: expected one, got outcome " + a.outcome());
            else if (r.has("field") && !r.get("field").asText().equals(a.rejection().field())) {
                f.add("rejection.field: expected " + r.get("field").asText() + ", got " + a.rejection().field() + " (" + a.rejection().reason() + ")");
            }
        }
        if (expect.has("lines")) {
            JsonNode lines = expect.get("lines");
            if (lines.size() != a.lines().size()) {
                f.add("lines: expected " + lines.size() + ", got " + a.lines().size() + describe(a));
            }
            List<AwardLine> unmatched = new ArrayList<>(a.lines());
            for (JsonNode want : lines) {
                AwardLine hit = unmatched.stream().filter(l -> lineMatches(want, l)).findFirst().orElse(null);
                if (hit == null) f.add("no line matches " + want + describe(a));
                else unmatched.remove(hit);
            }
        }
        if (expect.has("findings")) {
            for (JsonNode want : expect.get("findings")) {
                if (a.findings().stream().noneMatch(x -> findingMatches(want, x))) f.add("no finding matches " + want + describe(a));
            }
        }
        return f;
    }

    private static boolean lineMatches(JsonNode want, AwardLine l) {
        Iterator<Map.Entry<String, JsonNode>> it = want.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String v = e.getValue().asText();
            boolean ok = switch (e.getKey()) {
                case "ruleId" -> v.equals(l.ruleId());
                case "kind" -> v.equals(l.kind().name());
                case "amountKrw" -> e.getValue().asLong() == l.amountKrw();
                case "nominalValueKrw" -> e.getValue().asLong() == l.nominalValueKrw();
                case "extension" -> l.extension() != null && Duration.parse(v).equals(l.extension());
                case "description" -> l.description().contains(v);
                case "derivation" -> l.derivation().contains(v);
                case "parameter" -> l.parameters().stream().anyMatch(p -> p.id().equals(v));
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    private static boolean findingMatches(JsonNode want, Finding x) {
        Iterator<Map.Entry<String, JsonNode>> it = want.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String v = e.getValue().asText();
            boolean ok = switch (e.getKey()) {
                case "ruleId" -> v.equals(x.ruleId());
                case "kind" -> v.equals(x.kind().name());
                case "code" -> v.equals(x.code());
                case "message" -> x.message().contains(v);
                default -> false;
            };
            if (!ok) return false;
        }
        return true;
    }

    private static String describe(Assessment a) {
        StringBuilder sb = new StringBuilder("\n      actual: ").append(a.outcome());
        for (AwardLine l : a.lines()) {
            sb.append("\n        line ").append(l.ruleId()).append(' ').append(l.kind()).append(' ')
                    .append(l.amountKrw()).append(" KRW").append(l.extension() == null ? "" : " " + l.extension())
                    .append(" — ").append(l.derivation());
        }
        for (Finding x : a.findings()) sb.append("\n        finding ").append(x.ruleId()).append(' ').append(x.code()).append(": ").append(x.message());
        if (a.rejection() != null) sb.append("\n        rejection ").append(a.rejection().field()).append(": ").append(a.rejection().reason());
        return sb.toString();
    }

    /** YAML node → JSON node, keeping YAML's types (int, float as decimal, bool, null, string). */
    public static JsonNode toJson(Node node) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                String key = ((ScalarNode) t.getKeyNode()).getValue();
                if ("<<".equals(key)) {
                    // YAML merge key (<<: *claim): the anchor's fields, overridden by the ones written here
                    JsonNode base = toJson(t.getValueNode());
                    base.fields().forEachRemaining(e -> { if (!o.has(e.getKey())) o.set(e.getKey(), e.getValue()); });
                } else {
                    o.set(key, toJson(t.getValueNode()));
                }
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            for (Node n : s.getValue()) a.add(toJson(n));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        String v = s.getValue();
        if (Tag.NULL.equals(tag)) return f.nullNode();
        if (Tag.BOOL.equals(tag)) return f.booleanNode(Boolean.parseBoolean(v));
        if (Tag.INT.equals(tag)) return f.numberNode(new java.math.BigInteger(v.replace("_", "")));
        if (Tag.FLOAT.equals(tag)) return f.numberNode(new BigDecimal(v));
        return f.textNode(v);
    }
}
