package io.bosang.cli;

import io.bosang.compare.ClaimsFile;
import io.bosang.compare.PolicyDiff;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.Json;
import io.bosang.problem.PolicyBuildException;
import io.bosang.rules.Hours;
import org.jfree.data.category.DefaultCategoryDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bosang diff}: what an edit of a policy changes across a claims file. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        header = "What an edit of a policy changes across a claims file.",
        description = {"Run a claims file through the base and the changed version of a policy and report the impact:",
                "how many claims change, outcome transitions, total cost before and after, the biggest changes, and",
                "the rules and parameters that caused them. A readable table on stdout, or --json; --html adds charts."})
final class DiffCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--base", required = true, paramLabel = "ID|DIR", description = "The policy before the edit: a shipped id or a folder.")
    String base;

    @Mixin
    PolicyOption policyOption = new PolicyOption();

    @Parameters(index = "0", paramLabel = "FILE", description = "Claims (a JSON array, one claim object, or NDJSON).")
    Path file;

    @Mixin
    IncidentsOption incidentOption = new IncidentsOption();

    @Mixin
    ThreadsOption threadsOption = new ThreadsOption();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report (table, or JSON with --json) to FILE instead of stdout.")
    String output;

    @Option(names = "--top", defaultValue = "20", paramLabel = "N", description = "How many of the biggest changes to list (default: ${DEFAULT-VALUE}).")
    int top;

    @Option(names = "--json", description = "Print the report as one JSON object.")
    boolean json;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write an HTML report with charts to FILE.")
    Path html;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("bosang diff: no such claims file: " + file);
            return BosangCli.USAGE;
        }
        Policy before;
        Policy after;
        IncidentCatalog incidents;
        try {
            before = PolicyLoader.resolve(base);
            after = policyOption.load();
            incidents = incidentOption.catalog();
        } catch (PolicyBuildException e) {
            err.println(e.getMessage());
            return BosangCli.BROKEN_POLICY;
        }
        int n = threadsOption.resolve("diff", err);
        if (n < 1) return BosangCli.USAGE;
        PolicyDiff.Report r;
        try {
            if (html != null) CliFiles.output("diff", "--html", html.toString());
            try (Writer w = output != null ? CliFiles.writer("diff", "-o", output, null) : CliFiles.notClosing(out)) {
                r = PolicyDiff.run(before, after, new ClaimsFile(file, incidents), n, top);
                PrintWriter report = new PrintWriter(w);
                if (json) report.println(Json.line(r));
                else print(r, report);
                report.flush();
                if (report.checkError()) throw new CliFiles.Refused(BosangCli.OUTPUT, "bosang diff: cannot write the report" + (output == null ? "" : " to " + output));
            }
            if (html != null) html(r).write(html);
        } catch (CliFiles.Refused refused) {
            return CliFiles.refuse(err, refused);
        } catch (UncheckedIOException e) {
            err.println(CliFiles.midRun("diff", e)); // names the file and the cause; no stack trace
            return BosangCli.USAGE;
        } catch (java.io.IOException e) {
            err.println("bosang diff: " + CliFiles.reason(e));
            return BosangCli.OUTPUT;
        }
        return BosangCli.OK;
    }

    static void print(PolicyDiff.Report r, PrintWriter out) {
        out.printf("diff %s %s (%s) → %s (%s)%n", r.base().id(), r.base().version(), r.base().contentHash().substring(7, 19),
                r.changed().version(), r.changed().contentHash().substring(7, 19));
        out.printf("  claims            %,d%n", r.claims());
        out.printf("  changed claims    %,d (outcome changed for %,d)%n", r.changedClaims(), r.changedOutcomes());
        out.printf("  cost before       %,d KRW (money %,d)%n", r.costBeforeKrw(), r.moneyBeforeKrw());
        out.printf("  cost after        %,d KRW (money %,d)%n", r.costAfterKrw(), r.moneyAfterKrw());
        out.printf("  delta             %+,d KRW%n", r.deltaKrw());
        for (PolicyDiff.Transition t : r.transitions()) out.printf("  outcome           %s → %s: %,d%n", t.from(), t.to(), t.claims());
        if (!r.parameterChanges().isEmpty()) {
            out.println("  parameters edited");
            for (PolicyDiff.ParameterChange p : r.parameterChanges()) {
                out.printf("    %-40s %s  →  %s   (cited by %,d changed claims)%n", p.id(), p.before(), p.after(), p.changedClaims());
            }
        }
        for (PolicyDiff.RuleChange c : r.ruleChanges()) out.printf("  rule %-14s %s: %s%n", c.ruleId(), c.change(), c.detail());
        if (!r.distribution().isEmpty()) {
            out.println("  change per claim (KRW)");
            for (PolicyDiff.Bucket b : r.distribution()) out.printf("    %-30s %,10d%n", b.range(), b.claims());
        }
        if (!r.byRule().isEmpty()) {
            out.printf("  %-16s %10s %16s %16s %16s%n", "by rule", "claims", "before KRW", "after KRW", "delta KRW");
            for (PolicyDiff.RuleImpact i : r.byRule()) {
                out.printf("  %-16s %,10d %,16d %,16d %+,16d%n", i.ruleId(), i.claims(), i.beforeKrw(), i.afterKrw(), i.deltaKrw());
            }
        }
        if (!r.biggest().isEmpty()) {
            out.println("  biggest changes");
            for (PolicyDiff.ClaimChange c : r.biggest()) {
                out.printf("    #%-8d %-14s %-13s → %-13s %,10d → %,10d KRW (%+,d)%s  %s%n", c.record(), c.claimId(), c.outcomeBefore(),
                        c.outcomeAfter(), c.beforeKrw(), c.afterKrw(), c.deltaKrw(),
                        c.extensionBefore().equals(c.extensionAfter()) ? ""
                                : "  extension " + Hours.format(c.extensionBefore()) + " → " + Hours.format(c.extensionAfter()),
                        String.join(",", c.rules()) + (c.parameters().isEmpty() ? "" : " via " + String.join(",", c.parameters())));
            }
        }
    }

    static HtmlReport html(PolicyDiff.Report r) {
        HtmlReport page = new HtmlReport("Impact of an edit to " + r.base().id());
        page.paragraph(String.format("Base version %s (%s), changed version %s (%s), on %,d claims.", r.base().version(),
                r.base().contentHash(), r.changed().version(), r.changed().contentHash(), r.claims()));
        page.table(List.of("measure", "before", "after", "delta"), List.of(
                List.of("claims changed", "", String.format("%,d", r.changedClaims()), ""),
                List.of("outcomes changed", "", String.format("%,d", r.changedOutcomes()), ""),
                List.of("total value KRW", String.format("%,d", r.costBeforeKrw()), String.format("%,d", r.costAfterKrw()),
                        String.format("%+,d", r.deltaKrw())),
                List.of("money KRW", String.format("%,d", r.moneyBeforeKrw()), String.format("%,d", r.moneyAfterKrw()),
                        String.format("%+,d", r.moneyAfterKrw() - r.moneyBeforeKrw()))));
        if (!r.byRule().isEmpty()) {
            DefaultCategoryDataset byRule = new DefaultCategoryDataset();
            for (PolicyDiff.RuleImpact i : r.byRule()) {
                byRule.addValue(i.beforeKrw(), "before", i.ruleId());
                byRule.addValue(i.afterKrw(), "after", i.ruleId());
            }
            page.heading("Value by rule on the changed claims").barChart("Value by rule, changed claims only", "KRW", byRule, 900, 420);
            List<List<String>> rows = new ArrayList<>();
            for (PolicyDiff.RuleImpact i : r.byRule()) {
                rows.add(List.of(i.ruleId(), String.format("%,d", i.claims()), String.format("%,d", i.beforeKrw()),
                        String.format("%,d", i.afterKrw()), String.format("%+,d", i.deltaKrw())));
            }
            page.table(List.of("rule", "claims", "before KRW", "after KRW", "delta KRW"), rows);
        }
        if (!r.distribution().isEmpty()) {
            DefaultCategoryDataset d = new DefaultCategoryDataset();
            for (PolicyDiff.Bucket b : r.distribution()) d.addValue(b.claims(), "changed claims", b.range());
            page.heading("How much each changed claim moved").barChart("Changed claims by change in value (KRW)", "claims", d, 900, 380);
        }
        if (!r.transitions().isEmpty()) {
            DefaultCategoryDataset t = new DefaultCategoryDataset();
            for (PolicyDiff.Transition x : r.transitions()) t.addValue(x.claims(), "claims", x.from() + " → " + x.to());
            page.heading("Outcome transitions").barChart("Claims changing outcome", "claims", t, 900, 360);
        }
        if (!r.parameterChanges().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (PolicyDiff.ParameterChange p : r.parameterChanges()) {
                rows.add(List.of(p.id(), p.before(), p.after(), String.format("%,d", p.changedClaims())));
            }
            page.heading("Parameters edited").table(List.of("parameter", "before", "after", "changed claims citing it"), rows);
        }
        if (!r.biggest().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            for (PolicyDiff.ClaimChange c : r.biggest()) {
                rows.add(List.of(String.valueOf(c.record()), String.valueOf(c.claimId()), c.outcomeBefore() + " → " + c.outcomeAfter(),
                        String.format("%,d", c.beforeKrw()), String.format("%,d", c.afterKrw()), String.format("%+,d", c.deltaKrw()),
                        String.join(", ", c.rules()), String.join(", ", c.parameters())));
            }
            page.heading("Biggest changes").table(List.of("record", "claim", "outcome", "before KRW", "after KRW", "delta KRW", "rules", "parameters"), rows);
        }
        return page;
    }
}
