package io.bosang.incident;

import io.bosang.domain.Disruption;
import io.bosang.domain.EndBasis;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.Incident;
import io.bosang.domain.Operator;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.PriorNotice;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Severity;
import io.bosang.internal.yaml.YamlNodes;
import io.bosang.problem.Problem;
import org.yaml.snakeyaml.nodes.Node;

import java.io.Reader;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads an incident file (YAML; the same field names as the JSON schema). Every problem is reported with file,
 * line and key. Disruption windows are half-open {@code [start, end)} and must carry their UTC offset.
 */
public final class IncidentReader {
    private static final Set<String> KEYS = Set.of("id", "operator", "title", "cause", "fault", "faultBasis",
            "startedAt", "priorNotice", "services", "disruptions", "sources");
    private static final Set<String> SERVICE_KEYS = Set.of("id", "name", "category", "payment");
    private static final Set<String> WINDOW_KEYS = Set.of("service", "start", "end", "severity", "end-basis", "source");
    private static final Set<String> OPERATOR_KEYS = Set.of("id", "name");
    private static final Set<String> NOTICE_KEYS = Set.of("givenAt", "means");

    private IncidentReader() {
    }

    public static Incident read(Path file, String name, List<Problem> problems) {
        YamlNodes yaml = new YamlNodes(name, problems);
        return fromNode(yaml, yaml.parse(file), problems);
    }

    public static Incident read(Reader reader, String name, List<Problem> problems) {
        YamlNodes yaml = new YamlNodes(name, problems);
        return fromNode(yaml, yaml.parse(reader), problems);
    }

    /** Reads an incident from a parsed YAML node (also used for incidents written inline in scenario files). */
    public static Incident fromNode(YamlNodes yaml, Node root, List<Problem> problems) {
        int before = problems.size();
        if (root == null) {
            if (problems.size() == before) yaml.problem(0, "", "the incident file is empty");
            return null;
        }
        Map<String, YamlNodes.Entry> top = yaml.mapping(root, "", KEYS);
        String id = yaml.required(top, "id", "", YamlNodes.line(root));
        Operator operator = operator(yaml, top, YamlNodes.line(root));
        String title = yaml.optional(top, "title", "");
        String cause = yaml.optional(top, "cause", "");
        FaultPosition fault = enumOf(yaml, FaultPosition.class, top, "fault", "", YamlNodes.line(root));
        String faultBasis = yaml.optional(top, "faultBasis", "");
        OffsetDateTime startedAt = time(yaml, top, "startedAt", "", YamlNodes.line(root));
        PriorNotice notice = null;
        YamlNodes.Entry noticeEntry = top.get("priorNotice");
        if (noticeEntry != null && noticeEntry.value() instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            Map<String, YamlNodes.Entry> n = yaml.mapping(noticeEntry.value(), "priorNotice", NOTICE_KEYS);
            OffsetDateTime given = time(yaml, n, "givenAt", "priorNotice", noticeEntry.line());
            if (given != null) notice = new PriorNotice(given, yaml.optional(n, "means", "priorNotice"));
        } else if (noticeEntry != null && yaml.scalar(noticeEntry.value(), "priorNotice") != null) {
            yaml.problem(noticeEntry.line(), "priorNotice", "must be null (no notice) or a mapping with givenAt and means");
        }
        List<Service> services = new ArrayList<>();
        Set<String> serviceIds = new HashSet<>();
        YamlNodes.Entry svcEntry = top.get("services");
        if (svcEntry == null) {
            yaml.problem(YamlNodes.line(root), "services", "missing required key 'services'");
        } else {
            int i = 0;
            for (Node s : yaml.sequence(svcEntry.value(), "services")) {
                String ctx = "services[" + i++ + "]";
                Map<String, YamlNodes.Entry> m = yaml.mapping(s, ctx, SERVICE_KEYS);
                String sid = yaml.required(m, "id", ctx, YamlNodes.line(s));
                String sname = yaml.optional(m, "name", ctx);
                ServiceCategory cat = enumOf(yaml, ServiceCategory.class, m, "category", ctx, YamlNodes.line(s));
                PaymentModel pay = enumOf(yaml, PaymentModel.class, m, "payment", ctx, YamlNodes.line(s));
                if (sid != null && !serviceIds.add(sid)) yaml.problem(s, ctx + ".id", "duplicate service id '" + sid + "'");
                if (sid != null && cat != null && pay != null) services.add(new Service(sid, sname, cat, pay));
            }
        }
        List<Disruption> windows = new ArrayList<>();
        YamlNodes.Entry dEntry = top.get("disruptions");
        if (dEntry != null) {
            int i = 0;
            for (Node d : yaml.sequence(dEntry.value(), "disruptions")) {
                String ctx = "disruptions[" + i++ + "]";
                Map<String, YamlNodes.Entry> m = yaml.mapping(d, ctx, WINDOW_KEYS);
                String sid = yaml.required(m, "service", ctx, YamlNodes.line(d));
                OffsetDateTime start = time(yaml, m, "start", ctx, YamlNodes.line(d));
                OffsetDateTime end = time(yaml, m, "end", ctx, YamlNodes.line(d));
                Severity sev = m.containsKey("severity") ? enumOf(yaml, Severity.class, m, "severity", ctx, YamlNodes.line(d)) : Severity.FULL;
                EndBasis endBasis = endBasis(yaml, m, ctx, YamlNodes.line(d));
                String source = yaml.optional(m, "source", ctx);
                if (sid != null && !serviceIds.contains(sid)) {
                    yaml.problem(m.get("service").line(), ctx + ".service", "no service '" + sid + "' in services");
                    continue;
                }
                if (start != null && end != null && !end.isAfter(start)) {
                    yaml.problem(m.get("end").line(), ctx + ".end", "end " + end + " is not after start " + start);
                    continue;
                }
                if (sid != null && start != null && end != null && sev != null && endBasis != null) {
                    windows.add(new Disruption(sid, start, end, sev, endBasis, source));
                }
            }
        }
        List<String> sources = new ArrayList<>();
        if (top.containsKey("sources")) {
            for (Node s : yaml.sequence(top.get("sources").value(), "sources")) {
                String v = yaml.scalar(s, "sources");
                if (v != null) sources.add(v);
            }
        }
        if (problems.size() > before) return null;
        return new Incident(id, operator, title, cause, fault, faultBasis, startedAt, notice, services, windows, sources);
    }

    /** {@code operator: {id: kt, name: KT Corp.}}: rules match the id; the name is for people. */
    private static Operator operator(YamlNodes yaml, Map<String, YamlNodes.Entry> top, int line) {
        YamlNodes.Entry e = top.get("operator");
        if (e == null) {
            yaml.problem(line, "operator", "missing required key 'operator' ({id: kt, name: KT Corp.})");
            return null;
        }
        if (!(e.value() instanceof org.yaml.snakeyaml.nodes.MappingNode)) {
            yaml.problem(e.line(), "operator", "must be a mapping {id: ..., name: ...} (rules match the id, e.g. kt, skt, lgu, kakao; "
                    + "the name is for people)");
            return null;
        }
        Map<String, YamlNodes.Entry> m = yaml.mapping(e.value(), "operator", OPERATOR_KEYS);
        String id = yaml.required(m, "id", "operator", e.line());
        String name = yaml.required(m, "name", "operator", e.line());
        if (id == null || name == null) return null;
        if (!Operator.ID.matcher(id).matches()) {
            yaml.problem(m.get("id").line(), "operator.id", "'" + id + "' is not an operator id: lower-case letters, digits and '-', "
                    + "starting with a letter (" + Operator.ID.pattern() + "), e.g. kt");
            return null;
        }
        return new Operator(id, name);
    }

    /** {@code end-basis: reported | inferred | assumed}: required on every window. */
    private static EndBasis endBasis(YamlNodes yaml, Map<String, YamlNodes.Entry> m, String ctx, int line) {
        String v = yaml.required(m, "end-basis", ctx, line);
        if (v == null) return null;
        for (EndBasis b : EndBasis.values()) if (b.text().equals(v.trim())) return b;
        yaml.problem(m.get("end-basis").line(), ctx + ".end-basis", "'" + v + "' is not one of reported, inferred, assumed "
                + "(is the end of this window reported by a source, inferred from another report, or assumed?)");
        return null;
    }

    private static OffsetDateTime time(YamlNodes yaml, Map<String, YamlNodes.Entry> m, String key, String ctx, int line) {
        String v = yaml.required(m, key, ctx, line);
        if (v == null) return null;
        try {
            return OffsetDateTime.parse(v);
        } catch (DateTimeParseException e) {
            yaml.problem(m.get(key).line(), ctx.isEmpty() ? key : ctx + "." + key,
                    "'" + v + "' is not an ISO-8601 date-time with offset (2022-10-15T15:30:00+09:00)");
            return null;
        }
    }

    private static <E extends Enum<E>> E enumOf(YamlNodes yaml, Class<E> type, Map<String, YamlNodes.Entry> m, String key, String ctx, int line) {
        String v = yaml.required(m, key, ctx, line);
        if (v == null) return null;
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            yaml.problem(m.get(key).line(), ctx.isEmpty() ? key : ctx + "." + key, "'" + v + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }
}
