package io.bosang.engine.internal;

import io.bosang.domain.Claim;
import io.bosang.engine.EntitlementKeys;
import io.bosang.engine.RuleInfo;
import io.bosang.params.Params;
import io.bosang.problem.Problem;
import io.bosang.result.AwardLine;
import io.bosang.result.EntitlementUnit;
import io.bosang.result.Finding;
import io.bosang.rules.PolicyCalendar;
import io.bosang.rules.ServiceOutage;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The only place that knows Drools. Compiles a policy's DRL files once into a {@link KieBase} (thread-safe, shared)
 * and evaluates one claim per short-lived session. Rules insert {@link AwardLine} and {@link Finding} facts; a
 * listener records which rule inserted each, and the facade stamps that rule's {@code @ruleId} and
 * {@code @legalBasis} on it, so provenance cannot be forgotten or forged in DRL.
 */
public final class DroolsRuleBase {
    private static final Pattern RULE_DECL = Pattern.compile("^\\s*rule\\s+(\"([^\"]+)\"|'([^']+)'|(\\S+))", Pattern.MULTILINE);
    /** A call of an award-line factory: the rule awards something and must say what it is owed per. */
    private static final Pattern AWARDS = Pattern.compile(
            "\\bAwardLine\\s*\\.\\s*(?:money|cash|points|credit|refund|feeWaiver|extension|inKind|terminationRight)\\s*\\(");
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
    private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
    private static final Pattern PARAM_READ = Pattern.compile(
            "\\$p\\.(?:get|decimal|krw|integer|text|flag|dateValue|hours|days|has)\\(\\s*\"([^\"]+)\"\\s*\\)");

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
    private final List<RuleInfo> catalogue;

    /** Rule name → where a table's rule came from (the generated file and the line of its rule keyword). */
    private final Map<String, Map.Entry<DrlFile, Integer>> tableRules;

    private DroolsRuleBase(KieBase kieBase, Map<String, RuleInfo> rulesByName, Map<String, Map.Entry<DrlFile, Integer>> tableRules) {
        this.kieBase = kieBase;
        this.tableRules = tableRules;
        this.sessions = kieBase.newKieSessionsPool(2);
        this.rulesByName = rulesByName;
        this.catalogue = rulesByName.values().stream()
                .sorted(java.util.Comparator.comparing(RuleInfo::ruleId).thenComparing(RuleInfo::name)).toList();
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
        Map<String, List<String>> paramsRead = new HashMap<>();
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
                Matcher pm = PARAM_READ.matcher(body);
                List<String> ids = new ArrayList<>();
                while (pm.find()) if (!ids.contains(pm.group(1))) ids.add(pm.group(1));
                ids.sort(null);
                paramsRead.put(names.get(k), ids);
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
                RuleInfo info = new RuleInfo(ruleId, rule.getName(), basis, file, line, paramsRead.getOrDefault(rule.getName(), List.of()),
                        oncePer, entitlement);
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
        if (failed) return null;
        Map<String, Map.Entry<DrlFile, Integer>> tableRules = new HashMap<>();
        declaredAt.forEach((name, at) -> {
            DrlFile f = inOrder.get(at[0]);
            if (f.origin() != null) tableRules.put(name, Map.entry(f, at[1]));
        });
        return new DroolsRuleBase(kieBase, rules, tableRules);
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

    /**
     * Evaluates one claim. Inserts the claim, its parts, the parameters in force, the service's outage and the
     * policy's calendar as facts,
     * fires all rules, and collects what the rules inserted. Input facts are records and never change.
     */
    public Evaluation evaluate(Claim claim, Params params, ServiceOutage outage, PolicyCalendar calendar) {
        KieSession session = sessions.newKieSession();
        Provenance provenance = new Provenance();
        try {
            session.addEventListener(provenance);
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
            if (session.fireAllRules(MAX_FIRINGS_PER_CLAIM) >= MAX_FIRINGS_PER_CLAIM) throw runaway(session);
            // The listener saw every result as it was inserted, with its rule: no scan of the session is needed.
            List<AwardLine> lines = new ArrayList<>();
            List<Finding> findings = new ArrayList<>();
            for (Map.Entry<Identity, Rule> e : provenance.insertedBy.entrySet()) {
                Object o = e.getKey().o();
                RuleInfo info = e.getValue() == null ? null : rulesByName.get(e.getValue().getName());
                String id = info == null ? "ENGINE" : info.ruleId();
                String basis = info == null ? "" : info.legalBasis();
                if (o instanceof AwardLine l) {
                    if (info == null || info.oncePer() == null) {
                        throw new IllegalStateException("rule " + id + " inserted an award line but declares no @oncePer: nothing says what it is owed per");
                    }
                    lines.add(l.attributedTo(id, basis, EntitlementKeys.of(info.oncePer(), info.entitlement(), claim)));
                }
                else findings.add(((Finding) o).attributedTo(id, basis));
            }
            return new Evaluation(lines, findings);
        } finally {
            session.removeEventListener(provenance);
            session.dispose();   // a pooled session is reset and returned to the pool, not destroyed
        }
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

    /** Which rule inserted each award line or finding (by identity: two equal lines from two rules stay apart). */
    private static final class Provenance extends DefaultRuleRuntimeEventListener {
        /** Results in insertion order with the rule that inserted them (null when inserted outside a rule). */
        final Map<Identity, Rule> insertedBy = new LinkedHashMap<>();

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            Object o = event.getObject();
            if (o instanceof AwardLine || o instanceof Finding) insertedBy.put(new Identity(o), event.getRule());
        }

        @Override
        public void objectDeleted(org.kie.api.event.rule.ObjectDeletedEvent event) {
            insertedBy.remove(new Identity(event.getOldObject()));
        }
    }

    private record Identity(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity i && i.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }
}
