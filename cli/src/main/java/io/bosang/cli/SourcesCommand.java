package io.bosang.cli;

import io.bosang.engine.Policy;
import io.bosang.problem.PolicyBuildException;
import io.bosang.engine.PolicyLoader;
import io.bosang.engine.RuleInfo;
import io.bosang.json.Json;
import io.bosang.law.Citation;
import io.bosang.law.Quotation;
import io.bosang.law.Source;
import io.bosang.law.SourceRegistry;
import io.bosang.params.DatedValue;
import io.bosang.params.Parameter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * {@code bosang sources}: the source registry in full, or the sources one policy cites with what cites each (its
 * manifest, rules and parameter values).
 */
@Command(name = "sources", mixinStandardHelpOptions = true,
        header = "List the source registry: every statute, guideline, terms, notice, report and decision cited.",
        description = {"Without --policy: every entry of the shared source registry, in full (title, article, issuer, date,",
                "address, how we know it, quotations marked verbatim or paraphrase). With --policy: the sources that",
                "policy cites, each with the rules, parameters and manifest entries that cite it."})
final class SourcesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", paramLabel = "ID|DIR", description = "Only the sources this policy cites: a shipped id or a folder.")
    String policy;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|ko", description = "Language of titles and issuers (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--json", description = "Print one JSON object per source instead of text.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!lang.equals("en") && !lang.equals("ko")) {
            err.println("bosang sources: --lang is en or ko, not '" + lang + "'");
            return BosangCli.USAGE;
        }
        boolean ko = lang.equals("ko");
        SourceRegistry registry;
        Map<String, Set<String>> citedBy = new TreeMap<>();
        if (policy == null) {
            registry = PolicyLoader.sources();
        } else {
            Policy p;
            try {
                p = PolicyLoader.resolve(policy);
            } catch (PolicyBuildException e) {
                err.println(e.getMessage());
                return BosangCli.BROKEN_POLICY;
            }
            registry = p.sources();
            citedBy = citations(p);
        }
        if (registry.size() == 0) {
            err.println("bosang sources: no source registry on the class path (the rules module ships it)");
            return BosangCli.BROKEN_POLICY;
        }
        int shown = 0;
        for (Source s : registry.all()) {
            if (policy != null && !citedBy.containsKey(s.id())) continue;
            shown++;
            if (json) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("source", s);
                if (policy != null) row.put("citedBy", List.copyOf(citedBy.get(s.id())));
                out.println(Json.line(row));
                continue;
            }
            out.println("[" + s.id() + "] " + s.render("", ko));
            if (!s.via().isEmpty()) out.println((ko ? "  확인 경로: " : "  known through: ") + String.join(", ", s.via()));
            for (Quotation q : s.quotations()) {
                out.println("  " + (q.fidelity() == Quotation.Fidelity.VERBATIM ? (ko ? "원문" : "verbatim") : (ko ? "요지(의역)" : "paraphrase"))
                        + " (" + q.lang() + "): " + q.text() + (q.heldIn().isEmpty() ? "" : " [" + q.heldIn() + "]"));
            }
            if (!s.note().isEmpty()) out.println((ko ? "  참고: " : "  note: ") + s.note());
            if (policy != null) out.println((ko ? "  인용: " : "  cited by: ") + String.join(", ", citedBy.get(s.id())));
        }
        if (!json) out.println(shown + (ko ? "개 출처" : shown == 1 ? " source" : " sources"));
        return BosangCli.OK;
    }

    /** Source id to what in the policy cites it: "policy.yaml", a rule id, or a parameter id with its date. */
    static Map<String, Set<String>> citations(Policy p) {
        Map<String, Set<String>> by = new TreeMap<>();
        for (var c : p.manifest().sources()) add(by, c.citation(), "policy.yaml");
        for (RuleInfo r : p.rules()) for (Citation c : r.citations()) add(by, c, "rule " + r.ruleId());
        for (Parameter param : p.parameters().all()) {
            for (DatedValue v : param.values()) {
                for (Citation c : v.citations()) add(by, c, "parameter " + param.id() + " (" + v.from() + ")");
            }
        }
        // the sources through which a cited source is known are cited too
        for (String id : new ArrayList<>(by.keySet())) {
            p.sources().get(id).ifPresent(s -> {
                for (String via : s.via()) by.computeIfAbsent(via, k -> new TreeSet<>()).add("via " + id);
            });
        }
        return by;
    }

    private static void add(Map<String, Set<String>> by, Citation c, String what) {
        by.computeIfAbsent(c.source(), k -> new TreeSet<>()).add(what);
    }
}
