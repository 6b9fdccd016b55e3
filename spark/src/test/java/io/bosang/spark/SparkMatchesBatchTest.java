package io.bosang.spark;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.report.ExposureSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The Spark job and {@code bosang assess} (a {@link BatchAssessor} on 2 threads, each settled assessment written
 * with {@code Json.line} and a line feed, as AssessCommand writes it) give the same NDJSON record by record, under
 * three policies side by side: kakao-1015-2022, a what-if copy of it whose TalkDrawer pass is limited to the first 40
 * claimants (so the pool runs out inside the corpus), and content-user-protection.
 *
 * <p>The corpus: 3,000 generated Kakao claims (broken records and resubmissions included) with families of claims
 * spread through it, in two files of a folder (read in path order) with a byte-order mark, blank lines and no final
 * line feed, read by several tasks (64 KiB splits). Each file is read as {@code bosang assess} reads it (lines and
 * byte offsets are the file's), records numbered on across the two.
 */
class SparkMatchesBatchTest {
    static final String QUOTA = "heart.talkdrawer_pass_quota";
    static final Map<String, String> SMALL_POOL = Map.of(QUOTA, "40");

    @TempDir
    static Path dir;
    static List<Policy> policies;
    static List<SparkAssessJob.PolicyResult> results;
    static List<List<String>> expected = new ArrayList<>();
    static List<ExposureSummary> expectedSummaries = new ArrayList<>();

    @BeforeAll
    static void runBoth() throws Exception {
        String corpus = ClaimFamilies.corpus(3_000, 1015);
        Path input = Files.createDirectories(dir.resolve("claims"));
        int cut = corpus.indexOf('\n', corpus.length() / 2) + 1;
        List<Path> files = List.of(input.resolve("a.ndjson"), input.resolve("b.ndjson"));
        Files.writeString(files.get(0), corpus.substring(0, cut), StandardCharsets.UTF_8);
        Files.writeString(files.get(1), corpus.substring(cut), StandardCharsets.UTF_8);
        Files.writeString(input.resolve("_SUCCESS"), "skipped like Hadoop skips it", StandardCharsets.UTF_8);

        // the third policy is shipped as a folder's files, the way a working copy is
        List<PolicySpec> specs = List.of(PolicySpec.classpath("kakao-1015-2022", Map.of()),
                PolicySpec.classpath("kakao-1015-2022", SMALL_POOL),
                PolicySpec.folder(Path.of("../rules/src/main/resources/policies/content-user-protection"), Map.of()));
        Policy kakao = PolicyLoader.load("kakao-1015-2022");
        policies = List.of(kakao, PolicySpec.applyWhatIf(kakao, SMALL_POOL), PolicyLoader.load("content-user-protection"));
        for (Policy p : policies) {
            StringWriter w = new StringWriter();
            ExposureSummary summary = new ExposureSummary();
            run(p, files, (a, line) -> {
                summary.accept(a);
                w.write(line);
                w.write('\n');
            });
            expected.add(lines(w.toString()));
            expectedSummaries.add(summary);
        }

        SparkAssessJob.Options options = new SparkAssessJob.Options(input.toString(), null, dir.resolve("out").toString(),
                specs, IncidentFiles.shipped(), true, false);
        long t0 = System.nanoTime();
        org.apache.spark.sql.SparkSession spark = TestSpark.session();
        long t1 = System.nanoTime();
        results = SparkAssessJob.run(spark, options);
        System.err.printf("session %.1f s, job %.1f s%n", (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9);
    }

    @Test
    void everyPolicysAssessmentsAreTheSingleRunsRecordByRecord() throws Exception {
        for (int k = 0; k < policies.size(); k++) {
            assertSameLines(results.get(k).outputName(), expected.get(k), sparkLines(results.get(k).assessments()));
        }
    }

    @Test
    void theCorpusExercisesEverySettlementCase() {
        String base = String.join("\n", expected.get(0));
        String whatIf = String.join("\n", expected.get(1));
        assertTrue(base.contains("\"outcome\":\"REJECTED\""), "broken records");
        assertTrue(base.contains("repeats the same claim id"), "duplicates by claim id");
        assertTrue(base.contains("repeats the same claimant, incident, service, harm, subscription and business"), "duplicates by content");
        assertTrue(base.contains("\"code\":\"ALREADY_GRANTED\""), "once-per-unit grants");
        assertTrue(base.contains("owed once per business"), "one business, two claims");
        assertTrue(base.contains("owed once per subscription"), "several harms on one subscription");
        assertTrue(base.contains("owed once per claimant (claimant:du-5)"), "spellings of one claimant");
        assertTrue(whatIf.contains("\"code\":\"QUOTA_EXHAUSTED\""), "an exhausted pool");
        assertTrue(!base.contains("\"code\":\"QUOTA_EXHAUSTED\""), "the shipped pool of 3,000,000 is not exhausted by 3,000 claims");
        String late = expected.get(1).stream().filter(l -> l.contains("\"claimId\":\"L-2\"")).findFirst().orElseThrow();
        assertTrue(late.contains("QUOTA_EXHAUSTED") && late.contains("ALREADY_GRANTED"),
                "a claimant refused the exhausted pass is refused again, and told the rest went to the first claim: " + late);
    }

    @Test
    void theSummaryIsTheSingleRunsExposureSummary() throws Exception {
        for (int k = 0; k < policies.size(); k++) {
            String want = Json.pretty(expectedSummaries.get(k).report());
            assertEquals(want, Json.pretty(results.get(k).summary()), results.get(k).outputName());
            Path written = dir.resolve("out").resolve(results.get(k).outputName()).resolve("summary.json");
            assertEquals(want + "\n", Files.readString(written, StandardCharsets.UTF_8));
        }
        assertEquals(40L, results.get(1).summary().poolsGranted().get("heart-talkdrawer-pass"), "the what-if pool is granted to 40 claimants");
    }

    @Test
    void aWhatIfIsWrittenApartFromItsBase() {
        assertEquals("kakao-1015-2022", results.get(0).outputName());
        assertTrue(results.get(1).outputName().startsWith("kakao-1015-2022-whatif-"), results.get(1).outputName());
    }

    // ---- the single run, as `bosang assess` does it ----

    static List<String> batchLines(Policy policy, String claims) throws Exception {
        StringWriter w = new StringWriter();
        run(policy, claims, (a, line) -> {
            w.write(line);
            w.write('\n');
        });
        return lines(w.toString());
    }

    /** {@code bosang assess} of the claims in {@code files} ({@link #run(Policy, List, java.util.function.BiConsumer)}), as lines. */
    static List<String> batchLines(Policy policy, List<Path> files) throws Exception {
        StringWriter w = new StringWriter();
        run(policy, files, (a, line) -> {
            w.write(line);
            w.write('\n');
        });
        return lines(w.toString());
    }

    static void run(Policy policy, String claims, java.util.function.BiConsumer<io.bosang.result.Assessment, String> sink) throws Exception {
        try (InputStream in = new ByteArrayInputStream(claims.getBytes(StandardCharsets.UTF_8));
             ClaimSource source = ClaimSource.open(in, new ClaimReader(IncidentCatalog.classpath()))) {
            new BatchAssessor(policy, 2).run(source.deferred(), Json::line, sink::accept, n -> { });
        }
    }

    /**
     * {@code bosang assess} over several files, as the Spark job defines a run of them: each file read by its own
     * {@link ClaimSource} (so lines, columns and byte offsets are the file's), records numbered on across the files in
     * the order given, and one settlement over them all. For one file it is exactly AssessCommand's run.
     */
    static void run(Policy policy, List<Path> files, java.util.function.BiConsumer<io.bosang.result.Assessment, String> sink) throws Exception {
        ClaimReader reader = new ClaimReader(IncidentCatalog.classpath());
        List<ClaimSource> sources = new ArrayList<>();
        try {
            for (Path f : files) {
                InputStream in = new ByteArrayInputStream(Files.readAllBytes(f));
                // a gzipped file is its uncompressed bytes, as the job reads it through Hadoop's codec
                sources.add(ClaimSource.open(f.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(in) : in, reader));
            }
            Iterator<Supplier<ClaimInput>> all = new Iterator<>() {
                private int file;
                private Iterator<Supplier<ClaimInput>> current = sources.isEmpty() ? java.util.Collections.emptyIterator() : sources.get(0).deferred();
                private long before;
                private long read;

                @Override
                public boolean hasNext() {
                    while (!current.hasNext() && file + 1 < sources.size()) {
                        current = sources.get(++file).deferred();
                        before = read;
                    }
                    return current.hasNext();
                }

                @Override
                public Supplier<ClaimInput> next() {
                    if (!hasNext()) throw new java.util.NoSuchElementException();
                    Supplier<ClaimInput> in = current.next();
                    long shift = before;
                    read++;
                    if (shift == 0) return in;
                    return () -> {
                        ClaimInput c = in.get();
                        return new ClaimInput(c.record() + shift, c.claimId(), c.claim(), c.rejection());
                    };
                }
            };
            new BatchAssessor(policy, 2).run(all, Json::line, sink::accept, n -> { });
        } finally {
            for (ClaimSource s : sources) s.close();
        }
    }

    /** The text of each record of an NDJSON file as its reader cuts them: the first after a byte order mark and white space. */
    static List<String> recordTexts(byte[] file) throws IOException {
        ClaimSource.FileStart start = ClaimSource.start(new ByteArrayInputStream(file));
        List<String> out = new ArrayList<>();
        int from = 0;
        while (from < file.length) {
            int end = from;
            while (end < file.length && file[end] != '\n') end++;
            byte[] line = java.util.Arrays.copyOfRange(file, from, end);
            if (start.isRecord(from, line, line.length)) {
                int skip = (int) Math.max(0, start.byteOffset() - from);
                out.add(new String(line, skip, line.length - skip, StandardCharsets.UTF_8));
            }
            from = end + 1;
        }
        return out;
    }

    /** The part files in name order, concatenated: what the README tells a user to do. */
    static List<String> sparkLines(String assessments) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> parts = Files.list(Path.of(assessments))) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                all.append(Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return lines(all.toString());
    }

    static List<String> lines(String text) {
        List<String> out = new ArrayList<>(List.of(text.split("\n", -1)));
        if (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    static void assertSameLines(String what, List<String> expected, List<String> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                fail(what + ": record " + (i + 1) + " differs\n  bosang assess: " + expected.get(i) + "\n  spark:         " + actual.get(i));
            }
        }
        assertEquals(expected.size(), actual.size(), what + ": one output per input record");
    }
}
