package io.bosang.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bosang.domain.Claim;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.Settlement;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.params.Parameter;
import io.bosang.problem.Problem;
import io.bosang.result.Assessment;
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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs scenario files (see {@link ScenarioFile} for the format): cases named as the sentence they prove, each a
 * claim — or a family of one claimant's claims, settled in order as one run settles them — and what the policy must
 * give each.
 */
public final class ScenarioRunner {
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
        return run(policy, ScenarioFile.read(file, displayName, shippedIncidents));
    }

    /** Runs every scenario of a file already read. */
    public List<ScenarioResult> run(Policy policy, ScenarioFile f) {
        List<Problem> problems = new ArrayList<>(f.problems());
        if (f.policyId() != null && !f.policyId().equals(policy.id())) {
            problems.add(new Problem(f.file(), f.policyLine(), "policy", "file is for policy '" + f.policyId() + "', not '" + policy.id() + "'"));
        }
        if (!problems.isEmpty()) return List.of(broken(f.file(), problems));
        ClaimReader reader = new ClaimReader(f.incidents());
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : f.scenarios()) results.add(runOne(policy, s, reader));
        return results;
    }

    /**
     * The valid claims of every scenario in {@code file}, with the incidents the file defines: the seed claims from which
     * {@code bosang check} generates variations. Scenarios with what-if parameters still contribute their claims.
     */
    public List<Claim> claims(Path file, String displayName) {
        return claims(ScenarioFile.read(file, displayName, shippedIncidents));
    }

    public List<Claim> claims(ScenarioFile f) {
        ClaimReader reader = new ClaimReader(f.incidents());
        List<Claim> claims = new ArrayList<>();
        for (Scenario s : f.scenarios()) {
            for (JsonNode json : s.claims()) {
                ClaimInput input = reader.read(1, json);
                if (input.valid()) claims.add(input.claim());
            }
        }
        return claims;
    }

    private ScenarioResult runOne(Policy policy, Scenario s, ClaimReader reader) {
        List<String> problems = new ArrayList<>();
        Policy subject = policy;
        if (!s.parameters().isEmpty()) {
            Map<String, Parameter> overrides = new TreeMap<>();
            for (Map.Entry<String, Scenario.Overlay> e : new TreeMap<>(s.parameters()).entrySet()) {
                Parameter p = policy.parameters().get(e.getKey()).orElse(null);
                if (p == null) {
                    problems.add(new Problem(s.file(), e.getValue().line(), "parameters." + e.getKey(), "the policy has no parameter '" + e.getKey() + "'").toString());
                } else if (p.problemWith(e.getValue().value()) != null) {
                    problems.add(new Problem(s.file(), e.getValue().line(), "parameters." + e.getKey(), p.problemWith(e.getValue().value())).toString());
                } else {
                    overrides.put(e.getKey(), p.overriddenFrom(LocalDate.of(1900, 1, 1), e.getValue().value() == null ? null : e.getValue().value().trim(), "what-if of scenario '" + s.name() + "'"));
                }
            }
            subject = policy.withParameters(overrides);
        }
        if (s.countedSeverities() != null) subject = subject.withCountedSeverities(s.countedSeverities());
        if (!problems.isEmpty()) return new ScenarioResult(s.file(), s.line(), s.name(), s.source(), problems, List.of());
        // Settled in order as one run would: a family shows what crosses claims (once per unit, duplicates, pools).
        Settlement settlement = new Settlement();
        List<Assessment> actual = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < s.claims().size(); i++) {
            ClaimInput input = reader.read(i + 1, s.claims().get(i));
            Assessment a = input.valid() ? subject.assess(input.claim(), i + 1)
                    : Assessment.rejected(i + 1, input.claimId(), subject.stamp(), input.rejection());
            a = settlement.settle(input, a);
            actual.add(a);
            String prefix = s.family() ? "claim " + (i + 1) + " (" + a.claimId() + "): " : "";
            for (String failure : s.expectations().get(i).failures(a)) failures.add(prefix + failure);
        }
        return new ScenarioResult(s.file(), s.line(), s.name(), s.source(), failures, actual);
    }

    private static ScenarioResult broken(String file, List<Problem> problems) {
        return new ScenarioResult(file, problems.isEmpty() ? 0 : problems.get(0).line(), "(scenario file)", "",
                problems.stream().map(Problem::toString).toList(), List.of());
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
