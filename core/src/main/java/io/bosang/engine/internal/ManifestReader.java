package io.bosang.engine.internal;

import io.bosang.engine.PolicyManifest;
import io.bosang.internal.yaml.YamlNodes;
import io.bosang.law.Citation;
import io.bosang.law.SourceRegistry;
import io.bosang.problem.Problem;
import org.yaml.snakeyaml.nodes.Node;

import io.bosang.domain.Severity;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and validates {@code policy.yaml}. */
public final class ManifestReader {
    private static final Set<String> KEYS = Set.of("id", "title", "version", "kind", "jurisdiction", "summary",
            "effective-from", "effective-to", "sources", "invariants", "label", "zone", "counted-severities");
    private static final Set<String> SOURCE_KEYS = Set.of("cite", "about");
    public static final Set<String> KINDS = Set.of("guideline", "company-plan", "standard-terms", "dispute-standard",
            "precedent", "estimate", "statutory-duty");

    private ManifestReader() {
    }

    public static PolicyManifest read(Path file, String folderName, List<Problem> problems) {
        return read(file, folderName, problems, null);
    }

    /** Reads policy.yaml, resolving its sources against {@code registry} (unchecked when null). */
    public static PolicyManifest read(Path file, String folderName, List<Problem> problems, SourceRegistry registry) {
        int before = problems.size();
        YamlNodes yaml = new YamlNodes("policy.yaml", problems);
        Node root = yaml.parse(file);
        if (root == null) {
            if (problems.size() == before) yaml.problem(0, "", "policy.yaml is empty");
            return null;
        }
        Map<String, YamlNodes.Entry> top = yaml.mapping(root, "", KEYS);
        String id = yaml.required(top, "id", "", 1);
        if (id != null && !id.equals(folderName)) {
            yaml.problem(top.get("id").line(), "id", "id '" + id + "' must equal the folder name '" + folderName + "'");
        }
        String title = yaml.required(top, "title", "", 1);
        String version = yaml.required(top, "version", "", 1);
        String kind = yaml.required(top, "kind", "", 1);
        if (kind != null && !KINDS.contains(kind)) {
            yaml.problem(top.get("kind").line(), "kind", "unknown kind '" + kind + "'; use one of " + String.join(", ", KINDS.stream().sorted().toList()));
        }
        String jurisdiction = yaml.optional(top, "jurisdiction", "");
        String zone = zone(yaml, top);
        List<Severity> counted = countedSeverities(yaml, top);
        String summary = yaml.optional(top, "summary", "");
        String label = yaml.optional(top, "label", "");
        LocalDate from = date(yaml, top, "effective-from");
        LocalDate to = date(yaml, top, "effective-to");
        if (from != null && to != null && to.isBefore(from)) {
            yaml.problem(top.get("effective-to").line(), "effective-to", "effective-to " + to + " is before effective-from " + from);
        }
        List<PolicyManifest.Cited> sources = new ArrayList<>();
        YamlNodes.Entry sourcesEntry = top.get("sources");
        if (sourcesEntry == null) {
            yaml.problem(1, "sources", "missing required key 'sources' (the legal and published sources of the policy, by registry id)");
        } else {
            int i = 0;
            for (Node s : yaml.sequence(sourcesEntry.value(), "sources")) {
                String ctx = "sources[" + i++ + "]";
                Map<String, YamlNodes.Entry> m = yaml.mapping(s, ctx, SOURCE_KEYS);
                String cite = yaml.required(m, "cite", ctx, YamlNodes.line(s));
                String about = yaml.optional(m, "about", ctx);
                if (cite == null) continue;
                List<String> why = new ArrayList<>();
                List<Citation> parsed = Citation.parseList(cite, why);
                int line = m.get("cite").line();
                for (String w : why) yaml.problem(line, ctx + ".cite", w);
                if (parsed.size() != 1) {
                    if (why.isEmpty()) yaml.problem(line, ctx + ".cite", "one source per entry: cite: \"id pinpoint\"");
                    continue;
                }
                Citation c = parsed.get(0);
                if (registry != null) {
                    List<String> unknown = new ArrayList<>();
                    c = registry.resolve(List.of(c), unknown).get(0);
                    for (String u : unknown) {
                        yaml.problem(line, ctx + ".cite", "'" + u + "' is not in the source registry (rules/src/main/resources/sources, or the policy's own sources.yaml)");
                    }
                }
                sources.add(new PolicyManifest.Cited(c, about == null ? "" : about.trim()));
            }
        }
        List<String> invariants = new ArrayList<>();
        YamlNodes.Entry inv = top.get("invariants");
        if (inv != null) {
            for (Node n : yaml.sequence(inv.value(), "invariants")) {
                String v = yaml.scalar(n, "invariants");
                if (v != null) invariants.add(v.trim());
            }
        }
        if (problems.size() > before) return null;
        return new PolicyManifest(id, title, version, kind, jurisdiction == null ? "" : jurisdiction, zone, counted, summary,
                from, to, sources, invariants, label);
    }

    /** {@code zone: Asia/Seoul}: required, a region id (not a fixed offset: a jurisdiction's days follow its law). */
    private static String zone(YamlNodes yaml, Map<String, YamlNodes.Entry> top) {
        String v = yaml.required(top, "zone", "", 1);
        if (v == null) return null;
        String z = v.trim();
        try {
            ZoneId id = ZoneId.of(z);
            if (!(id.getId().contains("/"))) {
                yaml.problem(top.get("zone").line(), "zone", "'" + z + "' is not a region zone id; write the jurisdiction's zone, e.g. Asia/Seoul");
                return null;
            }
            return id.getId();
        } catch (DateTimeException e) {
            yaml.problem(top.get("zone").line(), "zone", "'" + z + "' is not a known time zone; write e.g. Asia/Seoul");
            return null;
        }
    }

    /** {@code counted-severities: [FULL]} or {@code [FULL, PARTIAL]}: required, must include FULL, no repeats. */
    private static List<Severity> countedSeverities(YamlNodes yaml, Map<String, YamlNodes.Entry> top) {
        YamlNodes.Entry e = top.get("counted-severities");
        if (e == null) {
            yaml.problem(1, "counted-severities", "missing required key 'counted-severities' (which disruption severities the policy "
                    + "measures: [FULL] where the law speaks of stoppage, [FULL, PARTIAL] where any disruption counts)");
            return null;
        }
        List<Severity> out = new ArrayList<>();
        boolean bad = false;
        for (Node n : yaml.sequence(e.value(), "counted-severities")) {
            String v = yaml.scalar(n, "counted-severities");
            if (v == null) { bad = true; continue; }
            try {
                Severity s = Severity.valueOf(v.trim());
                if (out.contains(s)) {
                    yaml.problem(YamlNodes.line(n), "counted-severities", "'" + v + "' is listed twice");
                    bad = true;
                }
                out.add(s);
            } catch (IllegalArgumentException x) {
                yaml.problem(YamlNodes.line(n), "counted-severities", "'" + v + "' is not one of FULL, PARTIAL");
                bad = true;
            }
        }
        if (!bad && !out.contains(Severity.FULL)) {
            yaml.problem(e.line(), "counted-severities", "must include FULL: a policy that counts partial service counts full stoppage too");
            bad = true;
        }
        return bad ? null : out;
    }

    private static LocalDate date(YamlNodes yaml, Map<String, YamlNodes.Entry> top, String key) {
        String v = yaml.optional(top, key, "");
        if (v == null) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            yaml.problem(top.get(key).line(), key, "'" + v + "' is not a date (YYYY-MM-DD)");
            return null;
        }
    }
}
