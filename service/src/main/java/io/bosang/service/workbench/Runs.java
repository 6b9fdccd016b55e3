package io.bosang.service.workbench;

import io.bosang.check.PolicyCheck;
import io.bosang.compare.ClaimValue;
import io.bosang.compare.PolicyComparison;
import io.bosang.compare.PolicyDiff;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.Policy;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.problem.Problem;
import io.bosang.rules.Hours;
import io.bosang.sample.KakaoClaimsGenerator;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workbench's runs, each the library's own computation: {@link PolicyCheck#run} for scenarios and invariants,
 * {@link PolicyDiff#compare} and {@link PolicyComparison#combine} over values from one {@link BatchAssessor} pass of
 * the corpus under every policy — the pass {@code bosang diff} and {@code bosang compare} make through
 * {@code ClaimsFile}, here with progress reported per chunk so the page can show it and cancel it.
 */
@Component
public class Runs {
    /** Claims of a comparison shown on the page (all of them are in the downloads). */
    static final int SHOWN_ROWS = 200;
    private final PolicySources sources;
    private final WorkbenchProperties props;

    public Runs(PolicySources sources, WorkbenchProperties props) {
        this.sources = sources;
        this.props = props;
    }

    /** A claims corpus on disk and what it is, in words for the page. */
    public record Corpus(Path file, String label, long records) {
    }

    /** The bundled sample, a generated corpus of {@code count} Kakao claims, or an uploaded file, written under {@code dir}. */
    public Corpus corpus(String kind, int count, byte[] uploaded, Path dir) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("claims.ndjson");
            String label;
            switch (kind == null ? "sample" : kind) {
                case "generated" -> {
                    if (count < 1 || count > props.maxCorpus()) throw new Uploads.Refused("a generated corpus holds 1 to " + props.maxCorpus() + " claims");
                    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        KakaoClaimsGenerator.write(count, 1015, w);
                    }
                    label = "generated:" + count;
                }
                case "upload" -> {
                    if (uploaded == null) throw new Uploads.Refused("choose a claims file to upload");
                    Files.write(file, uploaded);
                    label = "upload";
                }
                default -> {
                    Files.write(file, sources.sampleClaims());
                    label = "sample";
                }
            }
            long records = records(file);
            if (records > props.maxCorpus()) throw new Uploads.Refused("the claims file holds more than " + props.maxCorpus() + " records");
            return new Corpus(file, label, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Non-blank lines of an NDJSON file (a JSON array counts as unknown: 0). */
    static long records(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            List<String> head = new ArrayList<>();
            long[] n = {0};
            lines.forEach(l -> {
                if (head.isEmpty() && !l.isBlank()) head.add(l.trim());
                if (!l.isBlank()) n[0]++;
            });
            return !head.isEmpty() && head.get(0).startsWith("[") ? 0 : n[0];
        } catch (UncheckedIOException e) {
            throw new Uploads.Refused("the claims file is not UTF-8 text");
        }
    }

    /** Streams the corpus once through every policy, in input order; one value list per policy. */
    List<List<ClaimValue>> values(List<Policy> policies, Corpus corpus, Jobs.Job job) throws IOException {
        List<List<ClaimValue>> runs = new ArrayList<>();
        for (int k = 0; k < policies.size(); k++) runs.add(new ArrayList<>());
        job.phase("claims", corpus.records());
        try (InputStream in = Files.newInputStream(corpus.file());
             ClaimSource claims = ClaimSource.open(in, new ClaimReader(sources.incidents()))) {
            new BatchAssessor(policies, Math.max(1, props.threads()), 256).runEach(claims.deferred(), ClaimValue::of, (a, values) -> {
                for (int k = 0; k < values.size(); k++) runs.get(k).add(values.get(k));
            }, job::progress);
        }
        return runs;
    }

    /** What an edit changes: the build, the check (scenarios and invariants) and the diff over the corpus. */
    public record Impact(String copyId, String policyId, List<Problem> problems, PolicyCheck.Report check, PolicyDiff.Report diff,
                         String corpus, String distributionChart, String byRuleChart, String biggestChart) {
        public boolean built() {
            return problems.isEmpty();
        }

        /** The verdict: the edit builds, its scenarios and invariants hold. */
        public boolean passed() {
            return built() && check != null && check.passed();
        }
    }

    public Impact impact(WorkingCopies copies, WorkingCopies.Copy copy, Corpus corpus, Jobs.Job job) throws IOException {
        job.phase("build", 0);
        WorkingCopies.Build build = copies.build(copy);
        if (!build.ok()) return new Impact(copy.id(), copy.policyId(), build.problems(), null, null, corpus.label(), "", "", "");
        Policy changed = build.policy();
        job.phase("check", 0);
        Path scenarios = copy.dir().resolve("scenarios");
        PolicyCheck.Report check = PolicyCheck.run(changed, Files.isDirectory(scenarios) ? scenarios : null, sources.incidents(),
                new PolicyCheck.Settings(Math.max(1, props.examples()), 20221015L));
        job.checkCancelled();
        PolicyDiff.Report diff = null;
        if (copy.base() != null) {
            List<List<ClaimValue>> runs = values(List.of(copy.base(), changed), corpus, job);
            diff = PolicyDiff.compare(copy.base(), changed, runs.get(0), runs.get(1), 20);
        }
        return new Impact(copy.id(), copy.policyId(), List.of(), check, diff, corpus.label(),
                diff == null ? "" : distributionChart(diff), diff == null ? "" : byRuleChart(diff), diff == null ? "" : biggestChart(diff));
    }

    static String distributionChart(PolicyDiff.Report r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (PolicyDiff.Bucket b : r.distribution()) d.addValue(b.claims(), "changed claims", b.range());
        return Charts.bar("claims", d, 900, 340);
    }

    static String byRuleChart(PolicyDiff.Report r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (PolicyDiff.RuleImpact i : r.byRule()) {
            d.addValue(i.beforeKrw(), "before", i.ruleId());
            d.addValue(i.afterKrw(), "after", i.ruleId());
        }
        return Charts.bar("KRW", d, 900, 340);
    }

    static String biggestChart(PolicyDiff.Report r) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (PolicyDiff.ClaimChange c : r.biggest()) d.addValue(c.deltaKrw(), "change in KRW", "#" + c.record() + " " + c.claimId());
        return Charts.bar("KRW", d, 900, 360);
    }

    /** A comparison's result: totals per policy, the first rows, charts, and the files to download. */
    public record Comparison(List<String> policies, PolicyComparison.Summary summary, List<PolicyComparison.Row> rows, long totalRows,
                             String totalsChart, String perClaimChart, Path ndjson, Path csv, Path html, String corpus) {
        /** Each policy's result for the row in a few words, as {@code bosang compare} prints it. */
        public List<String> cellTexts(PolicyComparison.Row r) {
            return r.policies().stream().map(ComparisonReport::cell).toList();
        }
    }

    public Comparison compare(List<Policy> policies, Corpus corpus, Path dir, Jobs.Job job) throws IOException {
        List<List<ClaimValue>> runs = values(policies, corpus, job);
        job.phase("rows", runs.get(0).size());
        Path ndjson = dir.resolve("rows.ndjson");
        Path csv = dir.resolve("rows.csv");
        List<PolicyComparison.Row> shown = new ArrayList<>();
        long[] n = {0};
        PolicyComparison.Summary summary;
        try (BufferedWriter rows = Files.newBufferedWriter(ndjson, StandardCharsets.UTF_8);
             BufferedWriter table = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            table.write(csvHeader(policies));
            summary = PolicyComparison.combine(policies, runs, row -> {
                try {
                    rows.write(Json.line(row));
                    rows.write('\n');
                    table.write(csvRow(row));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (shown.size() < SHOWN_ROWS) shown.add(row);
                if (++n[0] % 1024 == 0) job.progress(n[0]);
            });
            rows.write(Json.line(summary));   // as `bosang compare --ndjson`: the summary is the last line
            rows.write('\n');
        }
        List<String> ids = policies.stream().map(Policy::id).toList();
        String totals = totalsChart(summary);
        String perClaim = perClaimChart(shown);
        Path html = dir.resolve("report.html");
        Files.writeString(html, ComparisonReport.html(ids, summary, shown, totals, perClaim, corpus.label()), StandardCharsets.UTF_8);
        return new Comparison(ids, summary, List.copyOf(shown), n[0], totals, perClaim, ndjson, csv, html, corpus.label());
    }

    static String totalsChart(PolicyComparison.Summary s) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        for (PolicyComparison.PolicyTotal t : s.policies()) {
            d.addValue(t.moneyKrw(), "money", t.policy());
            d.addValue(t.valueKrw() - t.moneyKrw(), "in kind (nominal)", t.policy());
        }
        return Charts.bar("KRW", d, 900, 340);
    }

    static String perClaimChart(List<PolicyComparison.Row> rows) {
        DefaultCategoryDataset d = new DefaultCategoryDataset();
        int charted = 0;
        for (PolicyComparison.Row r : rows) {
            if (r.largest().isEmpty() || charted >= 30) continue;
            for (PolicyComparison.Cell c : r.policies()) d.addValue(c.valueKrw(), c.policy(), r.claimId());
            charted++;
        }
        return Charts.bar("KRW", d, 1100, 400);
    }

    static String csvHeader(List<Policy> policies) {
        StringBuilder b = new StringBuilder("record,claimId");
        for (Policy p : policies) {
            b.append(',').append(p.id()).append(":outcome,").append(p.id()).append(":valueKrw,").append(p.id()).append(":moneyKrw,")
                    .append(p.id()).append(":extension,").append(p.id()).append(":because");
        }
        return b.append(",largest,smallest,spreadKrw,why\n").toString();
    }

    static String csvRow(PolicyComparison.Row r) {
        StringBuilder b = new StringBuilder().append(r.record()).append(',').append(csv(r.claimId()));
        for (PolicyComparison.Cell c : r.policies()) {
            b.append(',').append(c.outcome()).append(',').append(c.valueKrw()).append(',').append(c.moneyKrw()).append(',')
                    .append(c.extension()).append(',').append(csv(c.because()));
        }
        return b.append(',').append(csv(r.largest())).append(',').append(csv(r.smallest())).append(',').append(r.spreadKrw())
                .append(',').append(csv(r.why())).append('\n').toString();
    }

    /** One CSV field: quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
    static String csv(String s) {
        if (s == null) return "";
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return v.contains(",") || v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    static String hours(java.time.Duration d) {
        return Hours.format(d);
    }
}
