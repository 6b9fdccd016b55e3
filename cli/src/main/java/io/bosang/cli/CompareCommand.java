package io.bosang.cli;

import io.bosang.compare.ClaimsFile;
import io.bosang.compare.PolicyComparison;
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

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bosang compare}: the same claims under several policies, side by side. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        header = "The same claims under several policies, side by side.",
        description = {"Run a claims file through several policies and put the results side by side: per claim each",
                "policy's outcome and value, the largest and the smallest, and the rules behind the difference; then",
                "a summary per policy. A readable table on stdout; --ndjson FILE writes one JSON row per claim and the",
                "summary as the last line; --html FILE writes a report with charts."})
final class CompareCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policies", required = true, split = ",", paramLabel = "ID|DIR", description = "Two or more policies.")
    List<String> policies;

    @Parameters(index = "0", paramLabel = "FILE", description = "Claims, NDJSON or a JSON array.")
    Path file;

    @Mixin
    IncidentsOption incidentOption = new IncidentsOption();

    @Mixin
    ThreadsOption threadsOption = new ThreadsOption();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the table to FILE instead of stdout.")
    String output;

    @Option(names = "--ndjson", paramLabel = "FILE", description = "Write one JSON row per claim, then the summary, to FILE ('-' for stdout).")
    String ndjson;

    @Option(names = "--html", paramLabel = "FILE", description = "Write an HTML report with charts to FILE.")
    Path html;

    @Option(names = "--rows", defaultValue = "100", paramLabel = "N", description = "Claims shown in the table and the HTML (default: ${DEFAULT-VALUE}).")
    int shownRows;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isRegularFile(file)) {
            err.println("bosang compare: no such claims file: " + file);
            return BosangCli.USAGE;
        }
        if (policies.size() < 2) {
            err.println("bosang compare: give at least two policies, e.g. --policies kakao-1015-2022,content-user-protection");
            return BosangCli.USAGE;
        }
        List<Policy> loaded = new ArrayList<>();
        IncidentCatalog incidents;
        try {
            for (String p : policies) loaded.add(PolicyLoader.resolve(p));
            incidents = incidentOption.catalog();
        } catch (PolicyBuildException e) {
            err.println(e.getMessage());
            return BosangCli.BROKEN_POLICY;
        }
        int n = threadsOption.resolve("compare", err);
        if (n < 1) return BosangCli.USAGE;
        boolean rowsToStdout = "-".equals(ndjson);
        List<PolicyComparison.Row> shown = new ArrayList<>();
        try {
            if (html != null) CliFiles.output("compare", "--html", html.toString());
            if (output != null) CliFiles.output("compare", "-o", output);
        } catch (CliFiles.Refused r) {
            return CliFiles.refuse(err, r);
        }
        try (Writer rowsOut = ndjson == null ? Writer.nullWriter()
                : rowsToStdout ? CliFiles.notClosing(out) : CliFiles.writer("compare", "--ndjson", ndjson, null)) {
            PolicyComparison.Summary summary = PolicyComparison.run(loaded, new ClaimsFile(file, incidents), n, row -> {
                if (shown.size() < shownRows) shown.add(row);
                write(rowsOut, Json.line(row));
            });
            write(rowsOut, Json.line(summary));
            rowsOut.flush();
            if (!rowsToStdout) {
                if (output == null) {
                    print(loaded, shown, summary, out);
                } else {
                    java.io.StringWriter table = new java.io.StringWriter();
                    print(loaded, shown, summary, new PrintWriter(table));
                    CliFiles.write("compare", "-o", output, table.toString());
                }
            }
            if (html != null) html(loaded, shown, summary, file.getFileName().toString()).write(html);
        } catch (CliFiles.Refused r) {
            return CliFiles.refuse(err, r);
        } catch (UncheckedIOException e) {
            err.println(CliFiles.midRun("compare", e)); // names the file and the cause; no stack trace
            return BosangCli.USAGE;
        } catch (IOException e) {
            err.println("bosang compare: " + CliFiles.reason(e));
            return BosangCli.OUTPUT;
        }
        return BosangCli.OK;
    }

    private static void write(Writer w, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(PolicyComparison.Cell c) {
        String v = switch (c.outcome()) {
            case REJECTED -> "rejected";
            case ERROR -> "error";
            case MANUAL_REVIEW -> "review" + (c.valueKrw() > 0 ? " " + String.format("%,d", c.valueKrw()) : "");
            default -> String.format("%,d", c.valueKrw());
        };
        String shown = c.extension().isZero() ? v : v + " +" + Hours.format(c.extension());
        return c.onAssumedKrw() > 0 ? shown + " *" : shown;
    }

    static void print(List<Policy> policies, List<PolicyComparison.Row> rows, PolicyComparison.Summary s, PrintWriter out) {
        int w = 24;
        StringBuilder head = new StringBuilder(String.format("%-7s %-12s", "record", "claim"));
        for (Policy p : policies) head.append(String.format(" %" + w + "s", p.id()));
        out.println(head + "  largest / why");
        for (PolicyComparison.Row r : rows) {
            StringBuilder line = new StringBuilder(String.format("%-7d %-12s", r.record(), r.claimId() == null ? "-" : r.claimId()));
            for (PolicyComparison.Cell c : r.policies()) line.append(String.format(" %" + w + "s", cell(c)));
            out.println(line + "  " + r.why());
        }
        if (rows.size() < s.claims()) out.printf("(%,d more rows in --ndjson)%n", s.claims() - rows.size());
        out.println();
        if (rows.stream().anyMatch(r -> r.policies().stream().anyMatch(c -> c.onAssumedKrw() > 0))) {
            out.println("* part of the value rests on an assumed parameter value (see bosang explain)");
        }
        out.println();
        out.printf("%-28s %10s %10s %18s %16s %14s %10s %10s %18s%n", "policy", "claims", "awarded", "value KRW", "money KRW", "extension", "largest",
                "smallest", "on assumed KRW");
        for (PolicyComparison.PolicyTotal t : s.policies()) {
            out.printf("%-28s %,10d %,10d %,18d %,16d %14s %,10d %,10d %,18d%n", t.policy(), t.claims(), t.awarded(), t.valueKrw(), t.moneyKrw(),
                    Hours.format(t.extension()), t.largestFor(), t.smallestFor(), t.onAssumedKrw());
        }
        out.printf("%,d claims compared, %,d where the policies differ.%n", s.comparable(), s.differing());
        for (PolicyComparison.PolicyTotal t : s.policies()) {
            if (!t.label().isEmpty()) out.println("note: " + t.policy() + " — " + t.label());
        }
        out.println();
        out.println("Sources each policy stands on:");
        for (Policy p : policies) {
            out.println(p.id() + ":");
            for (var c : p.manifest().sources()) {
                out.println("  [" + c.citation() + "] " + c.render(false));
                if (c.citation().entry() != null && !c.citation().entry().title().ko().isEmpty()) {
                    out.println("    " + c.render(true));
                }
            }
        }
    }

    static HtmlReport html(List<Policy> policies, List<PolicyComparison.Row> rows, PolicyComparison.Summary s, String fileName) {
        HtmlReport page = new HtmlReport("What each policy gives: " + fileName);
        List<String> ids = policies.stream().map(Policy::id).toList();
        page.paragraph(String.format("%,d claims under %d policies; %,d comparable, %,d where the policies differ. Values are money "
                + "plus the nominal value of in-kind items, in KRW; extensions are shown apart and not priced.", s.claims(), ids.size(),
                s.comparable(), s.differing()));
        DefaultCategoryDataset totals = new DefaultCategoryDataset();
        for (PolicyComparison.PolicyTotal t : s.policies()) {
            totals.addValue(t.moneyKrw(), "money", t.policy());
            totals.addValue(t.valueKrw() - t.moneyKrw(), "in kind (nominal)", t.policy());
        }
        page.heading("Totals per policy").barChart("Total value across the file", "KRW", totals, 900, 380);
        List<List<String>> summary = new ArrayList<>();
        for (PolicyComparison.PolicyTotal t : s.policies()) {
            summary.add(List.of(t.policy(), t.version(), String.format("%,d", t.awarded()), String.format("%,d", t.valueKrw()),
                    String.format("%,d", t.moneyKrw()), Hours.format(t.extension()), String.format("%,d", t.largestFor()),
                    String.format("%,d", t.smallestFor()), t.label()));
        }
        page.table(List.of("policy", "version", "awarded", "value KRW", "money KRW", "extension", "largest for", "smallest for", "note"), summary);
        DefaultCategoryDataset perClaim = new DefaultCategoryDataset();
        int charted = 0;
        for (PolicyComparison.Row r : rows) {
            if (r.largest().isEmpty() || charted >= 40) continue;
            for (PolicyComparison.Cell c : r.policies()) perClaim.addValue(c.valueKrw(), c.policy(), r.claimId());
            charted++;
        }
        if (charted > 0) page.heading("Claims where the policies differ").barChart("Value per claim (first " + charted + " differing claims)", "KRW", perClaim, 1150, 460);
        List<String> header = new ArrayList<>(List.of("record", "claim"));
        header.addAll(ids);
        header.add("why they differ");
        List<List<String>> table = new ArrayList<>();
        for (PolicyComparison.Row r : rows) {
            List<String> line = new ArrayList<>(List.of(String.valueOf(r.record()), r.claimId() == null ? "-" : r.claimId()));
            for (PolicyComparison.Cell c : r.policies()) line.add(cell(c));
            line.add(r.why());
            table.add(line);
        }
        page.heading("Per claim").table(header, table);
        return page;
    }
}
