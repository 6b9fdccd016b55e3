package io.bosang.params;

import io.bosang.internal.yaml.YamlNodes;
import io.bosang.law.Citation;
import io.bosang.law.SourceRegistry;
import io.bosang.problem.Problem;
import org.yaml.snakeyaml.nodes.Node;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads a policy's {@code parameters/} folder: one YAML file per parameter.
 *
 * <pre>
 * description: Multiple of the stoppage time given as a free extension ...
 * type: decimal            # decimal (default), integer, text, boolean, date, scale
 * unit: ratio
 * values:
 *   2012-01-01:
 *     value: "3"
 *     certainty: reported  # official, reported or assumed
 *     why: "2x in one company's quotation of the clause"   # required when assumed
 *     reference: "cupg outage clause (a); welaaa-terms-2017"   # source registry ids with pinpoints
 *   2030-01-01:
 *     value: null          # the parameter ends
 * </pre>
 *
 * A scale ({@code type: scale}) gives {@code brackets:} instead of {@code value:}, in ascending order of threshold:
 * {@code - {threshold: "300000", bound: exclusive, amount: "50000"}} ({@code bound} inclusive by default;
 * {@code amount: null} for a bracket with no fixed amount).
 *
 * Every mistake is collected as a {@link Problem} with file, line and key; nothing stops at the first one. Values
 * are bounded by type whatever the file declares, so no parameter can carry an amount a rule's arithmetic cannot
 * hold: a KRW value ({@code unit: KRW}) is a whole number of won up to {@link #MAX_KRW}; an integer up to
 * {@link #MAX_INTEGER}; any other decimal up to {@link #MAX_DECIMAL} with at most {@link #MAX_DECIMAL_PLACES}
 * places. A declared {@code minimum}/{@code maximum} can only tighten these.
 */
public final class ParameterFileReader {
    /** The largest KRW parameter, in magnitude: 10^13 won (10조 원), as for claims. */
    public static final BigDecimal MAX_KRW = BigDecimal.TEN.pow(13);
    /** The largest integer parameter, in magnitude: 10^9. */
    public static final BigDecimal MAX_INTEGER = BigDecimal.TEN.pow(9);
    /** The largest other decimal parameter (a ratio, hours), in magnitude: 10^9. */
    public static final BigDecimal MAX_DECIMAL = BigDecimal.TEN.pow(9);
    /** The most decimal places a decimal parameter may have. */
    public static final int MAX_DECIMAL_PLACES = 12;

    private static final Set<String> TOP_KEYS = Set.of("description", "type", "unit", "values", "note", "minimum", "maximum");
    private static final Set<String> ENTRY_KEYS = Set.of("value", "brackets", "reference", "certainty", "why", "note");
    private static final Set<String> BRACKET_KEYS = Set.of("threshold", "bound", "amount");

    private ParameterFileReader() {
    }

    /** Reads every {@code *.yaml} below {@code parametersDir}; problems are appended to {@code problems}. */
    public static ParameterSet readFolder(Path parametersDir, String relativePrefix, List<Problem> problems) {
        return readFolder(parametersDir, relativePrefix, problems, null);
    }

    /**
     * Reads every {@code *.yaml} below {@code parametersDir}, resolving each value's references against
     * {@code sources} (an unknown id is a problem at its line); with null sources, ids are not checked.
     */
    public static ParameterSet readFolder(Path parametersDir, String relativePrefix, List<Problem> problems, SourceRegistry sources) {
        Map<String, Parameter> parameters = new TreeMap<>();
        if (!Files.isDirectory(parametersDir)) {
            return new ParameterSet(parameters);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(parametersDir)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        } catch (java.io.IOException e) {
            problems.add(new Problem(relativePrefix, 0, "", "cannot list parameters: " + e.getMessage()));
            return new ParameterSet(parameters);
        }
        for (Path file : files) {
            String rel = parametersDir.relativize(file).toString().replace('\\', '/');
            String relName = relativePrefix + rel;
            if (!rel.endsWith(".yaml")) {
                problems.add(new Problem(relName, 0, "", "only .yaml files belong in parameters/"));
                continue;
            }
            String id = rel.substring(0, rel.length() - ".yaml".length()).replace('/', '.');
            Parameter p = read(file, relName, id, problems, sources);
            if (p != null) parameters.put(id, p);
        }
        return new ParameterSet(parameters);
    }

    /** An optional numeric bound ({@code minimum: "0"}); a bound that is not a number is a problem. */
    private static BigDecimal bound(YamlNodes yaml, Map<String, YamlNodes.Entry> top, String key) {
        String text = yaml.optional(top, key, "");
        if (text == null) return null;
        try {
            BigDecimal v = new BigDecimal(text.trim());
            if (v.abs().compareTo(MAX_KRW) > 0 || v.scale() > MAX_DECIMAL_PLACES) {
                yaml.problem(top.get(key).line(), key, "'" + text + "' is out of range for a bound (at most 10^13 in magnitude and "
                        + MAX_DECIMAL_PLACES + " decimal places)");
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            yaml.problem(top.get(key).line(), key, "'" + text + "' is not a number");
            return null;
        }
    }

    /** A scale's brackets as its canonical text, or null after recording what is wrong. */
    private static String brackets(YamlNodes yaml, YamlNodes.Entry e, String key, String unit) {
        List<Scale.Bracket> out = new ArrayList<>();
        boolean bad = false;
        int i = 0;
        for (Node n : yaml.sequence(e.value(), key)) {
            String ctx = key + "[" + i++ + "]";
            Map<String, YamlNodes.Entry> m = yaml.mapping(n, ctx, BRACKET_KEYS);
            String t = yaml.required(m, "threshold", ctx, YamlNodes.line(n));
            String bound = yaml.optional(m, "bound", ctx);
            if (!m.containsKey("amount")) {
                yaml.problem(YamlNodes.line(n), ctx + ".amount", "missing 'amount' (amount: null for a bracket with no fixed amount)");
                bad = true;
                continue;
            }
            String a = yaml.scalar(m.get("amount").value(), ctx + ".amount");
            if (t == null) { bad = true; continue; }
            boolean inclusive = true;
            if (bound != null) {
                if (bound.equals("exclusive")) inclusive = false;
                else if (!bound.equals("inclusive")) {
                    yaml.problem(m.get("bound").line(), ctx + ".bound", "'" + bound + "' is not inclusive or exclusive");
                    bad = true;
                }
            }
            try {
                BigDecimal threshold = new BigDecimal(t.trim());
                BigDecimal amount = a == null ? null : new BigDecimal(a.trim());
                if (amount != null) {
                    String why = outOfRange(ParameterType.DECIMAL, unit, amount.toPlainString());
                    if (why != null) { yaml.problem(m.get("amount").line(), ctx + ".amount", why); bad = true; }
                }
                if (threshold.abs().compareTo(MAX_KRW) > 0) {
                    yaml.problem(m.get("threshold").line(), ctx + ".threshold", t + " is beyond 10^13");
                    bad = true;
                }
                out.add(new Scale.Bracket(out.size() + 1, threshold, inclusive, amount));
            } catch (NumberFormatException x) {
                yaml.problem(YamlNodes.line(n), ctx, "threshold and amount must be numbers written as strings (\"300000\")");
                bad = true;
            }
        }
        if (bad) return null;
        String why = Scale.problemWith(out);
        if (why != null) {
            yaml.problem(e.line(), key, why);
            return null;
        }
        return Scale.of(out).toString();
    }

    /** Why a well-typed numeric value is out of its type's range, or null. */
    private static String outOfRange(ParameterType type, String unit, String value) {
        if (type != ParameterType.DECIMAL && type != ParameterType.INTEGER) return null;
        BigDecimal v = new BigDecimal(value);
        boolean krw = "KRW".equalsIgnoreCase(unit == null ? "" : unit.trim());
        if (krw) {
            if (v.stripTrailingZeros().scale() > 0) return value + " is not a whole number of won (unit: KRW)";
            if (v.abs().compareTo(MAX_KRW) > 0) return value + " is beyond 10,000,000,000,000 (10^13), the most a KRW parameter may hold";
            return null;
        }
        if (type == ParameterType.INTEGER) {
            return v.abs().compareTo(MAX_INTEGER) > 0 ? value + " is beyond 1,000,000,000 (10^9), the most an integer parameter may hold" : null;
        }
        if (v.abs().compareTo(MAX_DECIMAL) > 0) return value + " is beyond 1,000,000,000 (10^9), the most a decimal parameter may hold";
        if (v.scale() > MAX_DECIMAL_PLACES) return value + " has more than " + MAX_DECIMAL_PLACES + " decimal places";
        return null;
    }

    /** Reads one parameter file, or returns null after recording its problems. */
    public static Parameter read(Path file, String relName, String id, List<Problem> problems) {
        return read(file, relName, id, problems, null);
    }

    /** Reads one parameter file against a source registry, or returns null after recording its problems. */
    public static Parameter read(Path file, String relName, String id, List<Problem> problems, SourceRegistry sources) {
        int before = problems.size();
        YamlNodes yaml = new YamlNodes(relName, problems);
        Node root = yaml.parse(file);
        if (root == null) {
            if (problems.size() == before) yaml.problem(0, "", "the file is empty");
            return null;
        }
        Map<String, YamlNodes.Entry> top = yaml.mapping(root, "", TOP_KEYS);
        String description = yaml.required(top, "description", "", 1);
        String typeText = yaml.optional(top, "type", "");
        ParameterType type = ParameterType.DECIMAL;
        if (typeText != null) {
            try {
                type = ParameterType.valueOf(typeText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                yaml.problem(top.get("type").line(), "type", "unknown type '" + typeText + "'; use decimal, integer, text, boolean, date or scale");
            }
        }
        String unit = yaml.optional(top, "unit", "");
        BigDecimal minimum = bound(yaml, top, "minimum");
        BigDecimal maximum = bound(yaml, top, "maximum");
        List<DatedValue> values = new ArrayList<>();
        YamlNodes.Entry valuesEntry = top.get("values");
        if (valuesEntry == null) {
            yaml.problem(1, "values", "missing required key 'values' (dated values, one per effective date)");
        } else {
            Map<String, YamlNodes.Entry> byDate = yaml.mapping(valuesEntry.value(), "values", null);
            if (byDate.isEmpty()) yaml.problem(valuesEntry.line(), "values", "no dated values");
            LocalDate previous = null;
            for (YamlNodes.Entry dated : byDate.values()) {
                String key = "values." + dated.key();
                LocalDate from;
                try {
                    from = LocalDate.parse(dated.key());
                } catch (DateTimeParseException e) {
                    yaml.problem(dated.line(), key, "'" + dated.key() + "' is not a date (YYYY-MM-DD)");
                    continue;
                }
                if (previous != null && !from.isAfter(previous)) {
                    yaml.problem(dated.line(), key, "dates must ascend: " + from + " comes after " + previous);
                }
                previous = from;
                Map<String, YamlNodes.Entry> entry = yaml.mapping(dated.value(), key, ENTRY_KEYS);
                String value;
                int valueLine;
                if (type != ParameterType.SCALE && entry.containsKey("brackets")) {
                    yaml.problem(entry.get("brackets").line(), key + ".brackets", "only a scale (type: scale) has brackets");
                }
                if (type == ParameterType.SCALE && entry.containsKey("brackets")) {
                    valueLine = entry.get("brackets").line();
                    value = brackets(yaml, entry.get("brackets"), key + ".brackets", unit);
                    if (entry.containsKey("value")) yaml.problem(entry.get("value").line(), key + ".value", "a scale gives brackets:, not value:");
                } else if (!entry.containsKey("value")) {
                    yaml.problem(dated.line(), key + ".value", type == ParameterType.SCALE
                            ? "missing 'brackets' (or value: null to end the scale)" : "missing 'value' (write value: null to end the parameter)");
                    continue;
                } else {
                    valueLine = entry.get("value").line();
                    value = yaml.scalar(entry.get("value").value(), key + ".value");
                    if (value != null && type == ParameterType.SCALE) {
                        yaml.problem(valueLine, key + ".value", "a scale gives its brackets: as a list of {threshold, bound, amount}");
                        value = null;
                    }
                }
                if (value != null && type != ParameterType.SCALE) {
                    String why = type.problemWith(value.trim());
                    if (why == null) why = outOfRange(type, unit, value.trim());
                    if (why != null) yaml.problem(valueLine, key + ".value", why);
                    value = value.trim();
                    if (why == null && (minimum != null || maximum != null)) {
                        BigDecimal v = new BigDecimal(value);
                        if (minimum != null && v.compareTo(minimum) < 0) {
                            yaml.problem(valueLine, key + ".value", value + " is below the minimum " + minimum.toPlainString()
                                    + " declared for this parameter");
                        }
                        if (maximum != null && v.compareTo(maximum) > 0) {
                            yaml.problem(valueLine, key + ".value", value + " is above the maximum " + maximum.toPlainString()
                                    + " declared for this parameter");
                        }
                    }
                }
                String reference = yaml.required(entry, "reference", key, dated.line());
                List<Citation> citations = List.of();
                if (reference != null) {
                    List<String> why = new ArrayList<>();
                    citations = Citation.parseList(reference, why);
                    int refLine = entry.get("reference").line();
                    for (String w : why) yaml.problem(refLine, key + ".reference", w);
                    if (why.isEmpty() && citations.isEmpty()) yaml.problem(refLine, key + ".reference", "the reference names no source");
                    if (sources != null) {
                        List<String> unknown = new ArrayList<>();
                        citations = sources.resolve(citations, unknown);
                        for (String u : unknown) {
                            yaml.problem(refLine, key + ".reference", "'" + u + "' is not in the source registry (rules/src/main/resources/sources, "
                                    + "or the policy's own sources.yaml)");
                        }
                    }
                }
                Certainty certainty = null;
                String certaintyText = yaml.optional(entry, "certainty", key);
                if (certaintyText == null) {
                    yaml.problem(dated.line(), key + ".certainty", "missing 'certainty': official (the issuer's own figure), reported "
                            + "(from reports, imprecise or unsettled) or assumed (no source states it; say why)");
                } else {
                    certainty = Certainty.of(certaintyText.trim());
                    if (certainty == null) {
                        yaml.problem(entry.get("certainty").line(), key + ".certainty", "'" + certaintyText + "' is not official, reported or assumed");
                    }
                }
                String why = yaml.optional(entry, "why", key);
                if (certainty == Certainty.ASSUMED && (why == null || why.isBlank())) {
                    yaml.problem(entry.get("certainty").line(), key + ".why", "an assumed value must say why: add why: \"...\" (what no source states, and why this value)");
                }
                values.add(new DatedValue(from, value, reference, citations, certainty, why == null ? "" : why.trim(), dated.line()));
            }
        }
        if (problems.size() > before) return null;
        return new Parameter(id, description, type, unit, values, relName);
    }
}
