package io.bosang.engine.internal;

import io.bosang.domain.Claim;
import io.bosang.engine.EntitlementKeys;
import io.bosang.engine.RuleInfo;
import io.bosang.law.Citation;
import io.bosang.law.LegalBasis;
import io.bosang.law.SourceRegistry;
import io.bosang.params.ParameterValue;
import io.bosang.params.Params;
import io.bosang.params.ReadLog;
import io.bosang.problem.Problem;
import io.bosang.result.AwardLine;
import io.bosang.result.EntitlementUnit;
import io.bosang.result.Finding;
import io.bosang.result.FindingKind;
import io.bosang.rules.PolicyCalendar;
import io.bosang.rules.ServiceOutage;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.AgendaGroupPoppedEvent;
import org.kie.api.event.rule.AgendaGroupPushedEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.MatchCancelledEvent;
import org.kie.api.event.rule.MatchCreatedEvent;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleFlowGroupActivatedEvent;
import org.kie.api.event.rule.RuleFlowGroupDeactivatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.KnowledgeBuilderResult;
import org.kie.internal.builder.ResultSeverity;
import org.kie.internal.io.ResourceFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only place that knows Drools. Compiles a policy's DRL files once into a {@link KieBase} (thread-safe, shared)
 * and evaluates one claim per short-lived session. Rules insert {@link AwardLine} and {@link Finding} facts; a
 * listener records which rule inserted each and which parameter values that firing read, and the facade stamps the
 * rule's {@code @ruleId}, {@code @legalBasis} and the values it read on it, so provenance cannot be forgotten or
 * forged in DRL. A rule that is an exception to another ({@code @exceptionOf}) defeats it: when it fires, the base
 * rule's results are withdrawn and a note says which applies instead and why.
 */
public final class DroolsRuleBase {
    private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))", Pattern.MULTILINE);
    /** A call of an award-line factory: the rule awards something and must say what it is owed per. */
    private static final Pattern AWARDS = Pattern.compile(
            "\\bAwardLine\\s*\\.\\s*(?:money|cash|points|credit|refund|feeWaiver|extension|inKind|terminationRight)\\s*\\(");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");

    /**
     * Rule firings allowed for one claim. A claim fires tens of rules; a rule that re-activates itself (inserting a
     * fact that matches its own pattern) would fire forever, so past this bound the claim ends as an ERROR naming
     * the rule, and the engine goes on with the next claim.
     */
    public static final int MAX_FIRINGS_PER_CLAIM = 10_000;
    private static final Pattern LINE_COLUMN = Pattern.compile("\\bLine (\\d+):(\\d+)");

    /** Agenda group of classification rules; they run to completion before entitlement rules (MAIN). */
    public static final String CLASSIFY = "classify";

    private final KieBase kieBase;
    /** Sessions are reused: a disposed pooled session is reset (facts, agenda, focus) and handed to the next claim. */
    private final KieSessionsPool sessions;
    private final Map<String, RuleInfo> rulesByName;
    private final Map<String, RuleInfo> rulesById = new HashMap<>();
    private final List<RuleInfo> catalogue;
    /** Whether any rule is an exception (most policies have none: nothing to defeat). */
    private final boolean hasExceptions;

    /** Rule name → where a table's rule came from (the generated file and the line of its rule keyword). */
    private final Map<String, Map.Entry<DrlFile, Integer>> tableRules;

    private DroolsRuleBase(KieBase kieBase, Map<String, RuleInfo> rulesByName, Map<String, Map.Entry<DrlFile, Integer>> tableRules) {
        this.kieBase = kieBase;
        this.tableRules = tableRules;
        this.sessions = kieBase.newKieSessionsPool(2);
        this.rulesByName = rulesByName;
        this.catalogue = rulesByName.values().stream()
                .sorted(java.util.Comparator.comparing(RuleInfo::ruleId).thenComparing(RuleInfo::name)).toList();
        for (RuleInfo r : catalogue) rulesById.putIfAbsent(r.ruleId(), r);
        this.hasExceptions = catalogue.stream().anyMatch(r -> r.exceptionOf() != null);
    }

    /**
     * A DRL file's path relative to the policy folder, and its text; for DRL generated from a decision table, the
     * table it came from ({@code origin}), so problems and rule locations name the sheet row and cell, not a line of
     * generated text.
     */
    public record DrlFile(String path, String text, DecisionTables.Origin origin) {
        public DrlFile(String path, String text) {
            this(path, text, null);
        }

        /** The resource name given to Drools: unique even for two sheets of one workbook. */
        String resourceName(int index) {
            return origin == null ? path : path + "#" + index;
        }

        /** A line of the text as the analyst knows it: the sheet row for a table, the line itself for DRL. */
        int located(int line) {
            return origin == null ? line : origin.row(line);
        }

        /** "sheet S, cell D11: " for a table when a cell of that row shows {@code text}; "" for DRL. */
        String where(int line, String text) {
            if (origin == null) return "";
            int row = origin.row(line);
            return origin.where(row, origin.cell(row, text));
        }

        /** The cell of the row of {@code line} whose value stands at {@code column} of {@code lineText}, or "". */
        String cellAt(int line, String lineText, int column) {
            if (origin == null) return "";
            String c = origin.cellAt(origin.row(line), lineText, column);
            return c == null ? "" : c;
        }

        /** The cell of the row of {@code line} that shows {@code text}, or "" (DRL, or no such cell). */
        String cell(int line, String text) {
            if (origin == null) return "";
            String c = origin.cell(origin.row(line), text);
            return c == null ? "" : c;
        }
    }

    /**
     * Compiles the DRL files; compile errors, and rules without {@code @ruleId} or {@code @legalBasis} or with a
     * duplicate id, are appended to {@code problems}. Returns null when compilation failed.
     */
    public static DroolsRuleBase compile(List<DrlFile> files, List<Problem> problems) {
        return compile(files, problems, null);
    }

    /**
     * Compiles the DRL files, resolving every legal basis against {@code sources} (an id the registry does not hold
     * is a problem at the rule); with null sources the citations stay unresolved and unchecked.
     */
    public static DroolsRuleBase compile(List<DrlFile> files, List<Problem> problems, SourceRegistry sources) {
        // What a policy may not do is refused before Drools sees it: a hostile file never compiles.
        List<Problem> lint = new ArrayList<>();
        for (DrlFile f : files) {
            for (Problem p : DrlLint.check(f.path(), f.text())) {
                if (f.origin() == null) {
                    lint.add(p);
                    continue;
                }
                // A table's refusal at the row, and the cell, whose value brought the refused text.
                String[] lines = f.text().split("\n", -1);
                String lineText = p.line() >= 1 && p.line() <= lines.length ? lines[p.line() - 1] : "";
                String cell = f.cell(p.line(), lineText);
                lint.add(new Problem(p.file(), f.located(p.line()), cell.isEmpty() ? p.key() : cell,
                        f.origin().where(f.located(p.line()), cell.isEmpty() ? null : cell) + p.message()));
            }
        }
        if (!lint.isEmpty()) {
            problems.addAll(lint);
            return null;
        }
        files = withStandardImports(files);
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        CompositeKnowledgeBuilder batch = builder.batch();
        Map<String, DrlFile> byPath = new LinkedHashMap<>();   // resource name → file
        for (DrlFile f : files) {
            // Always DRL text: a decision table arrives converted (DecisionTables), never through Drools' table
            // provider, whose cache keyed by source path would hand back a stale compilation of an edited sheet.
            Resource r = ResourceFactory.newByteArrayResource(f.text().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String name = f.resourceName(byPath.size());
            r.setSourcePath(name);
            batch.add(r, ResourceType.DRL);
            byPath.put(name, f);
        }
        try {
            batch.build();
        } catch (RuntimeException e) {
            problems.add(new Problem(files.isEmpty() ? "" : files.get(0).path(), 0, "", "DRL could not be compiled: " + e.getMessage()));
            return null;
        }
        boolean failed = false;
        List<Problem> errors = new ArrayList<>();
        for (KnowledgeBuilderResult r : builder.getResults(ResultSeverity.ERROR)) {
            String name = r.getResource() == null || r.getResource().getSourcePath() == null ? "" : r.getResource().getSourcePath();
            int line = Math.max(0, r.getLines() == null || r.getLines().length == 0 ? 0 : r.getLines()[0]);
            DrlFile f = byPath.get(name);
            String message = oneLine(r.getMessage());
            if (f == null || f.origin() == null) {
                errors.add(new Problem(f == null ? name : f.path(), line, "", "DRL: " + message));
            } else {
                // A table's error is reported at its sheet row and, when a cell of that row shows on the failing
                // line of the generated DRL (or in the message), at that cell.
                String[] lines = f.text().split("\n", -1);
                String lineText = line >= 1 && line <= lines.length ? lines[line - 1] : "";
                // A parse error points at a line and column of the generated DRL: the cell whose value covers that
                // column. Other errors quote the expression Drools could not analyse: the cell whose value it shows
                // (the rule's own name, quoted in most messages, left out).
                Matcher at = LINE_COLUMN.matcher(message);
                String cell = at.find() && Integer.parseInt(at.group(1)) == line
                        ? f.cellAt(line, lineText, Integer.parseInt(at.group(2))) : "";
                if (cell.isEmpty()) cell = f.cell(line, message.replaceAll("rule \"[^\"]*\"", "rule"));
                if (cell.isEmpty()) cell = f.cell(line, lineText);
                String where = f.origin().where(f.located(line), cell.isEmpty() ? null : cell);
                errors.add(new Problem(f.path(), f.located(line), cell, where + "decision table: " + message));
            }
            failed = true;
        }
        // A syntax error drops its whole file, so every type it declared goes missing in the other files and
        // Drools reports each use as another error. Show the syntax errors alone: they are the analyst's edit.
        // Drools adds "Parser returned a null Package" (no line) to a file's syntax errors: it says nothing more.
        List<Problem> syntax = errors.stream().filter(p -> p.message().contains("[ERR ")).toList();
        if (!syntax.isEmpty()) errors.removeIf(p -> p.line() == 0 && p.message().endsWith("Parser returned a null Package"));
        problems.addAll(syntax.isEmpty() ? errors : syntax);
        if (failed) return null;
        KieBase kieBase = builder.newKieBase();

        Map<String, int[]> declaredAt = new HashMap<>();      // rule name → {file index, line}
        Map<String, RuleText> texts = new HashMap<>();
        Map<String, Boolean> awards = new HashMap<>();       // rule name → its consequence builds an award line
        List<String> paths = new ArrayList<>(byPath.keySet());
        List<DrlFile> inOrder = new ArrayList<>(byPath.values());
        for (int i = 0; i < paths.size(); i++) {
            String text = byPath.get(paths.get(i)).text();
            Matcher m = RULE_DECL.matcher(text);
            List<int[]> starts = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (m.find()) {
                String name = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                int line = 1 + (int) text.substring(0, m.start(1)).chars().filter(c -> c == '\n').count();
                declaredAt.put(name, new int[]{i, line});
                starts.add(new int[]{m.start()});
                names.add(name);
            }
            for (int k = 0; k < names.size(); k++) {
                int from = starts.get(k)[0];
                int to = k + 1 < names.size() ? starts.get(k + 1)[0] : text.length();
                String body = text.substring(from, to);
                String code = LINE_COMMENT.matcher(body).replaceAll("");
                Matcher then = THEN.matcher(code);
                awards.put(names.get(k), then.find() && AWARDS.matcher(code.substring(then.end())).find());
                texts.put(names.get(k), RuleText.of(body));
            }
        }

        Map<String, RuleInfo> rules = new LinkedHashMap<>();
        Map<String, RuleInfo> byId = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) {
            for (Rule rule : pkg.getRules()) {
                int[] at = declaredAt.getOrDefault(rule.getName(), new int[]{-1, 0});
                DrlFile source = at[0] >= 0 ? inOrder.get(at[0]) : null;
                String file = source == null ? "" : source.path();
                int line = source == null ? at[1] : source.located(at[1]);   // a table's rule: its sheet row
                boolean table = source != null && source.origin() != null;
                String ruleId = meta(rule, "ruleId");
                String basis = meta(rule, "legalBasis");
                if (ruleId.isBlank()) {
                    problems.add(new Problem(file, line, rule.getName(), (table ? source.where(at[1], null)
                            + "the table's rule has no rule id: add a METADATA column ruleId(\"$param\")" : "rule has no @ruleId(\"...\") metadata")));
                    failed = true;
                }
                if (basis.isBlank()) {
                    problems.add(new Problem(file, line, rule.getName(), (table ? source.where(at[1], null)
                            + "the table's rule has no legal basis: add a METADATA column legalBasis(\"$param\") and fill it"
                            : "rule has no @legalBasis(\"...\") metadata: quote the provision it applies")));
                    failed = true;
                }
                String oncePerText = meta(rule, "oncePer");
                String entitlementText = meta(rule, "entitlement");
                EntitlementUnit oncePer = EntitlementUnit.parse(oncePerText);
                if (!oncePerText.isBlank() && oncePer == null) {
                    String cell = table ? source.cell(at[1], oncePerText) : "";
                    problems.add(new Problem(file, line, table && !cell.isEmpty() ? cell : ruleId,
                            (table ? source.origin().where(line, cell.isEmpty() ? null : cell) : "")
                                    + "@oncePer(\"" + oncePerText + "\") names no unit; use one of " + unitNames()));
                    failed = true;
                } else if (oncePer == null && awards.getOrDefault(rule.getName(), false)) {
                    problems.add(new Problem(file, line, ruleId, table
                            ? source.where(at[1], null) + "the table's rule awards but does not say what it is owed per: add a METADATA column oncePer(\"$param\") with one of "
                                    + unitNames() + " in every awarding row (see docs/DESIGN.md, units of entitlement)"
                            : "rule inserts an award line but does not say what it is owed per: add @oncePer(...) with one of "
                                    + unitNames() + " (see docs/DESIGN.md, units of entitlement)"));
                    failed = true;
                }
                if (!entitlementText.isBlank() && oncePerText.isBlank()) {
                    problems.add(new Problem(file, line, ruleId, "@entitlement needs @oncePer: the entitlement is granted once per that unit"));
                    failed = true;
                }
                String entitlement = oncePer == null ? null : entitlementText.isBlank() ? ruleId : entitlementText;
                RuleText text = texts.getOrDefault(rule.getName(), RuleText.of(""));
                if (text.computedInConditions) {
                    problems.add(new Problem(file, line, ruleId, (table ? source.where(at[1], null) : "")
                            + "a condition reads a parameter by a computed key: only a consequence may (there the read is cited); "
                            + "name the parameter in the condition, or compute the key in the consequence"));
                    failed = true;
                }
                List<String> why = new ArrayList<>();
                LegalBasis parsed = basis.isBlank() ? new LegalBasis(List.of(), "") : LegalBasis.parse(basis, why);
                for (String w : why) {
                    String cell = table ? source.cell(at[1], basis) : "";
                    problems.add(new Problem(file, line, table && !cell.isEmpty() ? cell : ruleId,
                            (table ? source.origin().where(line, cell.isEmpty() ? null : cell) : "") + "@legalBasis: " + w));
                    failed = true;
                }
                if (sources != null && why.isEmpty()) {
                    List<String> unknown = new ArrayList<>();
                    parsed = new LegalBasis(sources.resolve(parsed.citations(), unknown), parsed.summary());
                    for (String u : unknown) {
                        String cell = table ? source.cell(at[1], basis) : "";
                        problems.add(new Problem(file, line, table && !cell.isEmpty() ? cell : ruleId,
                                (table ? source.origin().where(line, cell.isEmpty() ? null : cell) : "") + "@legalBasis cites '" + u
                                        + "', which is not in the source registry (rules/src/main/resources/sources, or the policy's own sources.yaml)"));
                        failed = true;
                    }
                }
                String exceptionOf = meta(rule, "exceptionOf");
                RuleInfo info = new RuleInfo(ruleId, rule.getName(), parsed.text(), parsed.citations(), file, line, text.allKeys(),
                        text.conditionKeys, text.computedKeys, oncePer, entitlement, exceptionOf.isBlank() ? null : exceptionOf);
                if (!exceptionOf.isBlank() && isClassification(rule)) {
                    problems.add(new Problem(file, line, ruleId, "@exceptionOf: a classification rule (agenda-group \"classify\") cannot be an "
                            + "exception; exceptions are between rules that give results (lines and findings)"));
                    failed = true;
                }
                if (!ruleId.isBlank() && byId.containsKey(ruleId)) {
                    RuleInfo first = byId.get(ruleId);
                    problems.add(new Problem(file, line, ruleId, "duplicate @ruleId '" + ruleId + "' (also rule '"
                            + first.name() + "' at " + first.file() + ":" + first.line() + ")"));
                    failed = true;
                }
                byId.putIfAbsent(ruleId, info);
                rules.put(rule.getName(), info);
            }
        }
        failed |= !validExceptions(rules, byId, kieBase, problems);
        if (failed) return null;
        Map<String, Map.Entry<DrlFile, Integer>> tableRules = new HashMap<>();
        declaredAt.forEach((name, at) -> {
            DrlFile f = inOrder.get(at[0]);
            if (f.origin() != null) tableRules.put(name, Map.entry(f, at[1]));
        });
        return new DroolsRuleBase(kieBase, rules, tableRules);
    }

    /**
     * The types every rule file sees without importing them: Bosang's domain, parameters, results and rule helpers,
     * and the java.time and java.math types rules compute with. Written onto the {@code package} line, so line
     * numbers do not move.
     */
    public static final String STANDARD_IMPORTS = "import io.bosang.domain.*; import io.bosang.params.*; import io.bosang.result.*; "
            + "import io.bosang.rules.*; import java.time.Duration; import java.time.LocalDate; import java.math.BigDecimal; "
            + "import java.math.RoundingMode;";
    private static final Pattern PACKAGE_LINE = Pattern.compile("(?m)^([ \\t]*package[ \\t]+[A-Za-z0-9_.]+[ \\t]*;?)");

    private static List<DrlFile> withStandardImports(List<DrlFile> files) {
        List<DrlFile> out = new ArrayList<>(files.size());
        for (DrlFile f : files) {
            Matcher m = PACKAGE_LINE.matcher(f.text());
            String text = m.find()
                    ? f.text().substring(0, m.end()) + (m.group(1).trim().endsWith(";") ? " " : "; ") + STANDARD_IMPORTS + f.text().substring(m.end())
                    : STANDARD_IMPORTS + " " + f.text();
            out.add(new DrlFile(f.path(), text, f.origin()));
        }
        return out;
    }

    /**
     * Every {@code @exceptionOf} names another rule of the policy that gives results, and exceptions do not go round
     * in a circle.
     */
    private static boolean validExceptions(Map<String, RuleInfo> rules, Map<String, RuleInfo> byId, KieBase kieBase, List<Problem> problems) {
        boolean ok = true;
        Map<String, Boolean> classifying = new HashMap<>();
        for (KiePackage pkg : kieBase.getKiePackages()) for (Rule r : pkg.getRules()) classifying.put(r.getName(), isClassification(r));
        for (RuleInfo r : rules.values()) {
            if (r.exceptionOf() == null) continue;
            RuleInfo base = byId.get(r.exceptionOf());
            if (base == null) {
                problems.add(new Problem(r.file(), r.line(), r.ruleId(), "@exceptionOf(\"" + r.exceptionOf() + "\") names no rule of the policy"));
                ok = false;
            } else if (base.ruleId().equals(r.ruleId())) {
                problems.add(new Problem(r.file(), r.line(), r.ruleId(), "@exceptionOf names the rule itself"));
                ok = false;
            } else if (classifying.getOrDefault(base.name(), false)) {
                problems.add(new Problem(r.file(), r.line(), r.ruleId(), "@exceptionOf(\"" + base.ruleId() + "\"): the base is a classification rule "
                        + "(agenda-group \"classify\"); an exception defeats a rule that gives results"));
                ok = false;
            } else {
                Set<String> seen = new HashSet<>();
                RuleInfo at = r;
                while (at != null && at.exceptionOf() != null && seen.add(at.ruleId())) at = byId.get(at.exceptionOf());
                if (at != null && at.exceptionOf() != null) {
                    problems.add(new Problem(r.file(), r.line(), r.ruleId(), "@exceptionOf goes round in a circle: " + String.join(" → ", seen)));
                    ok = false;
                }
            }
        }
        return ok;
    }

    private static boolean isClassification(Rule rule) {
        return rule instanceof org.drools.base.definitions.rule.impl.RuleImpl impl && CLASSIFY.equals(impl.getAgendaGroup());
    }

    private static String unitNames() {
        StringBuilder b = new StringBuilder();
        for (EntitlementUnit u : EntitlementUnit.values()) b.append(b.length() == 0 ? "" : ", ").append(u.name().toLowerCase(java.util.Locale.ROOT));
        return b.toString();
    }

    private static String meta(Rule rule, String key) {
        Object v = rule.getMetaData().get(key);
        if (v == null) return "";
        String s = v.toString().trim();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) s = s.substring(1, s.length() - 1);
        return s;
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*\\n\\s*", " ").trim();
    }

    public List<RuleInfo> catalogue() {
        return catalogue;
    }

    /**
     * For a rule of a decision table, "sheet S, cell H10: " naming the cell of its row that shows {@code text} (a
     * parameter id, say); "" for a DRL rule, so messages about a rule can name the cell an analyst must fix.
     */
    public String where(RuleInfo rule, String text) {
        Map.Entry<DrlFile, Integer> at = tableRules.get(rule.name());
        return at == null ? "" : at.getKey().where(at.getValue(), text);
    }

    /** Lines and findings of one evaluation, stamped with their rules, in no particular order. */
    public record Evaluation(List<AwardLine> lines, List<Finding> findings) {
    }

    /** Code of the note an exception leaves when it defeats its base rule. */
    public static final String EXCEPTION_APPLIES = "EXCEPTION_APPLIES";
    /** Code of the finding on a line whose rule read an assumed parameter value. */
    public static final String ASSUMED_VALUE = "ASSUMED_VALUE";

    /**
     * Evaluates one claim. Inserts the claim, its parts, the parameters in force (a view that records what is read),
     * the service's outage and the policy's calendar as facts, fires all rules, and collects what the rules inserted,
     * each with the parameter values its firing read and its conditions compared. Input facts are records and never
     * change.
     */
    public Evaluation evaluate(Claim claim, io.bosang.params.ParameterSet parameters, java.time.LocalDate date, ServiceOutage outage,
                               PolicyCalendar calendar) {
        ReadLog log = new ReadLog();
        Params params = parameters.on(date, log);
        KieSession session = sessions.newKieSession();
        Provenance provenance = new Provenance(log);
        try {
            session.addEventListener((RuleRuntimeEventListener) provenance);
            session.addEventListener((AgendaEventListener) provenance);
            session.insert(params);
            session.insert(claim);
            session.insert(claim.claimant());
            if (claim.claimant().business() != null) session.insert(claim.claimant().business());
            session.insert(claim.incident());
            session.insert(claim.service());
            if (claim.subscription() != null) session.insert(claim.subscription());
            session.insert(outage);
            session.insert(calendar);
            // Classify, then entitle: rules in agenda group "classify" all fire before any rule of MAIN, so an
            // entitlement guarded by `not SomeClassification()` never fires ahead of the classification.
            org.kie.api.runtime.rule.AgendaGroup classify = session.getAgenda().getAgendaGroup(CLASSIFY);
            if (classify != null) classify.setFocus(); // null when the policy has no classification rules
            int fired;
            try {
                fired = session.fireAllRules(MAX_FIRINGS_PER_CLAIM);
            } catch (RuntimeException e) {
                RuleInfo failing = provenance.firing == null ? null : rulesByName.get(provenance.firing.getName());
                if (failing != null) throw new RuleFailedException(failing.ruleId(), e);
                throw e;
            }
            if (fired >= MAX_FIRINGS_PER_CLAIM) throw runaway(session);
            return collect(claim, params, provenance);
        } finally {
            session.removeEventListener((RuleRuntimeEventListener) provenance);
            session.removeEventListener((AgendaEventListener) provenance);
            session.dispose();   // a pooled session is reset and returned to the pool, not destroyed
        }
    }

    /**
     * The results as stamped: each with its rule's identity and the values its firing read (the consequence's
     * reads, then what its conditions compared); the results of a rule defeated by a fired exception withdrawn, with a
     * note; and a finding on each line that rests on an assumed value.
     */
    private Evaluation collect(Claim claim, Params params, Provenance provenance) {
        Set<String> defeated = defeated(provenance.fired);
        List<AwardLine> lines = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Result r : provenance.results) {
            RuleInfo info = r.rule == null ? null : rulesByName.get(r.rule.getName());
            if (info != null && defeated.contains(info.ruleId())) continue;
            String id = info == null ? "ENGINE" : info.ruleId();
            String basis = info == null ? "" : info.legalBasis();
            List<Citation> cites = info == null ? List.of() : info.citations();
            List<ParameterValue> read = cited(info, params, r.read);
            if (r.o instanceof AwardLine l) {
                if (info == null || info.oncePer() == null) {
                    throw new IllegalStateException("rule " + id + " inserted an award line but declares no @oncePer: nothing says what it is owed per");
                }
                AwardLine stamped = l.attributedTo(id, basis, cites, EntitlementKeys.of(info.oncePer(), info.entitlement(), claim)).withParameters(read);
                lines.add(stamped);
                for (ParameterValue v : stamped.parameters()) {
                    if (!v.assumed()) continue;
                    Finding f = new Finding(id, basis, cites, FindingKind.ASSUMPTION, ASSUMED_VALUE, "'" + l.description() + "' rests on an assumed value: "
                            + v.id() + " = " + v.value() + (v.unit().isEmpty() ? "" : " " + v.unit()) + " (from " + v.effectiveFrom() + ")"
                            + (v.why().isEmpty() ? "." : ": " + v.why()), List.of(v), null, null);
                    if (!findings.contains(f)) findings.add(f);
                }
            } else {
                findings.add(((Finding) r.o).attributedTo(id, basis, cites).withParameters(read));
            }
        }
        for (Rule fired : provenance.fired) {
            RuleInfo e = rulesByName.get(fired.getName());
            if (e == null || e.exceptionOf() == null || defeated.contains(e.ruleId())) continue;
            RuleInfo base = byRuleId(e.exceptionOf());
            if (base == null || !provenance.firedIds(rulesByName).contains(base.ruleId())) continue;
            Finding note = new Finding(e.ruleId(), e.legalBasis(), e.citations(), FindingKind.NOTE, EXCEPTION_APPLIES,
                    e.ruleId() + " applies instead of " + base.ruleId() + " because " + e.sentence() + ".", List.of(), null, null);
            if (!findings.contains(note)) findings.add(note);
        }
        return new Evaluation(lines, findings);
    }

    /** The values a result cites: its firing's reads, then the parameters its rule's conditions compare (in force). */
    private static List<ParameterValue> cited(RuleInfo info, Params params, List<ParameterValue> read) {
        if (info == null || info.conditions().isEmpty()) return read;
        List<ParameterValue> all = new ArrayList<>(read);
        for (String id : info.conditions()) {
            ParameterValue v = params.peek(id);
            if (v != null && !all.contains(v)) all.add(v);
        }
        return all;
    }

    /** The rule ids whose results are withdrawn: every base, and base of a base, of an exception that fired. */
    private Set<String> defeated(List<Rule> fired) {
        if (!hasExceptions) return Set.of();
        Set<String> out = new HashSet<>();
        for (Rule r : fired) {
            RuleInfo info = rulesByName.get(r.getName());
            while (info != null && info.exceptionOf() != null && out.add(info.exceptionOf())) info = byRuleId(info.exceptionOf());
        }
        return out;
    }

    private RuleInfo byRuleId(String ruleId) {
        return rulesById.get(ruleId);
    }

    /** Names the rules still firing after the cap, by firing a few more with a listener. */
    private RuntimeException runaway(KieSession session) {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        org.kie.api.event.rule.DefaultAgendaEventListener names = new org.kie.api.event.rule.DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(org.kie.api.event.rule.AfterMatchFiredEvent event) {
                RuleInfo info = rulesByName.get(event.getMatch().getRule().getName());
                counts.merge(info == null ? event.getMatch().getRule().getName() : info.ruleId(), 1, Integer::sum);
            }
        };
        session.addEventListener(names);
        session.fireAllRules(100);
        session.removeEventListener(names);
        return new IllegalStateException("more than " + MAX_FIRINGS_PER_CLAIM + " rule firings for one claim: "
                + (counts.isEmpty() ? "the rules" : "rule " + String.join(", ", counts.keySet())) + " kept re-activating (a rule that matches what it inserts)");
    }

    /** A result a rule inserted, and the parameter values its firing read. */
    private static final class Result {
        final Object o;
        final Rule rule;
        List<ParameterValue> read = List.of();

        Result(Object o, Rule rule) {
            this.o = o;
            this.rule = rule;
        }
    }

    /**
     * Which rule inserted each award line or finding, and what the firing read: the read log is cleared when a
     * firing starts and what it holds when the firing ends is cited on everything that firing inserted. Conditions
     * are matched outside firings, so their reads never leak into a consequence's.
     */
    private static final class Provenance implements RuleRuntimeEventListener, AgendaEventListener {
        private final ReadLog log;
        /** Results in insertion order (by identity: two equal lines from two rules stay apart). */
        final List<Result> results = new ArrayList<>();
        /** Rules whose consequence ran, in firing order. */
        final List<Rule> fired = new ArrayList<>();
        /** The rule whose consequence is running, or null between firings. */
        Rule firing;
        private int firstOfFiring;

        Provenance(ReadLog log) {
            this.log = log;
        }

        Set<String> firedIds(Map<String, RuleInfo> rulesByName) {
            Set<String> ids = new HashSet<>();
            for (Rule r : fired) {
                RuleInfo info = rulesByName.get(r.getName());
                if (info != null) ids.add(info.ruleId());
            }
            return ids;
        }

        @Override
        public void beforeMatchFired(BeforeMatchFiredEvent event) {
            firing = event.getMatch().getRule();
            firstOfFiring = results.size();
            log.clear();
        }

        @Override
        public void afterMatchFired(AfterMatchFiredEvent event) {
            fired.add(firing);
            if (results.size() > firstOfFiring) {
                List<ParameterValue> read = log.values();
                for (int i = firstOfFiring; i < results.size(); i++) results.get(i).read = read;
            }
            firing = null;
            log.clear();
        }

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Object o = event.getObject();
            if (o instanceof AwardLine || o instanceof Finding) results.add(new Result(o, event.getRule()));
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            Object old = event.getOldObject();
            if (!(old instanceof AwardLine || old instanceof Finding)) return;
            for (int i = 0; i < results.size(); i++) {
                if (results.get(i).o == old) {
                    results.remove(i);
                    if (i < firstOfFiring) firstOfFiring--;
                    return;
                }
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
        }

        @Override
        public void matchCreated(MatchCreatedEvent event) {
        }

        @Override
        public void matchCancelled(MatchCancelledEvent event) {
        }

        @Override
        public void agendaGroupPopped(AgendaGroupPoppedEvent event) {
        }

        @Override
        public void agendaGroupPushed(AgendaGroupPushedEvent event) {
        }

        @Override
        public void beforeRuleFlowGroupActivated(RuleFlowGroupActivatedEvent event) {
        }

        @Override
        public void afterRuleFlowGroupActivated(RuleFlowGroupActivatedEvent event) {
        }

        @Override
        public void beforeRuleFlowGroupDeactivated(RuleFlowGroupDeactivatedEvent event) {
        }

        @Override
        public void afterRuleFlowGroupDeactivated(RuleFlowGroupDeactivatedEvent event) {
        }
    }

}
