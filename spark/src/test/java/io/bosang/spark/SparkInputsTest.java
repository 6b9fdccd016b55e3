package io.bosang.spark;

import io.bosang.engine.ClaimInput;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the job reads and refuses, on small inputs: Parquet, one part file, a JSON array, a pretty-printed claim, an
 * unsettleable pool.
 */
class SparkInputsTest {
    @TempDir
    Path dir;

    @Test
    void parquetClaimsWrittenFromTheNdjsonGiveTheSameAssessmentsInOnePartFile() throws Exception {
        // the readable claims of a generated corpus (broken JSON has no Parquet form)
        String corpus = ClaimFamilies.corpus(300, 7);
        List<String> readable = new ArrayList<>();
        try (ClaimSource src = ClaimSource.open(new ByteArrayInputStream(corpus.getBytes(StandardCharsets.UTF_8)),
                new ClaimReader(IncidentCatalog.classpath()))) {
            List<String> lines = SparkMatchesBatchTest.recordTexts(corpus.getBytes(StandardCharsets.UTF_8));
            int i = 0;
            while (src.hasNext()) {
                ClaimInput in = src.next();
                if (in.valid()) readable.add(lines.get(i));
                i++;
            }
        }
        String ndjson = String.join("\n", readable) + "\n";
        Path json = dir.resolve("claims.ndjson");
        Files.writeString(json, ndjson, StandardCharsets.UTF_8);
        SparkSession spark = TestSpark.session();
        String parquet = dir.resolve("claims-parquet").toString();
        spark.read().json(json.toString()).write().parquet(parquet);

        PolicySpec kakao = PolicySpec.classpath("kakao-1015-2022", Map.of());
        List<SparkAssessJob.PolicyResult> r = SparkAssessJob.run(spark, new SparkAssessJob.Options(parquet, null,
                dir.resolve("out").toString(), List.of(kakao), IncidentFiles.shipped(), false, true));
        try (var parts = Files.list(Path.of(r.get(0).assessments()))) {
            assertEquals(1, parts.filter(p -> p.getFileName().toString().startsWith("part-")).count(), "--single-file writes one part");
        }
        assertTrue(readable.size() > 250, "most of the corpus is readable: " + readable.size());
        SparkMatchesBatchTest.assertSameLines("parquet", SparkMatchesBatchTest.batchLines(PolicyLoader.load("kakao-1015-2022"), ndjson),
                SparkMatchesBatchTest.sparkLines(r.get(0).assessments()));
    }

    @Test
    void aJsonArrayIsRefusedBeforeAnythingRunsWithHowToConvertIt() throws Exception {
        Path array = dir.resolve("claims.json");
        Files.writeString(array, "\uFEFF  \n[" + ClaimFamilies.free("A-1", "U-1", "kakaotalk") + "]\n", StandardCharsets.UTF_8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkAssessJob.run(TestSpark.session(),
                new SparkAssessJob.Options(array.toString(), null, dir.resolve("out").toString(),
                        List.of(PolicySpec.classpath("kakao-1015-2022", Map.of())), IncidentFiles.shipped(), false, false)));
        assertTrue(e.getMessage().contains("is a JSON array") && e.getMessage().contains("jq -c '.[]'"), e.getMessage());
    }

    @Test
    void aPrettyPrintedClaimIsRefusedBeforeAnythingRunsWithHowToConvertIt() throws Exception {
        Path claims = Files.createDirectories(dir.resolve("claims"));
        Files.writeString(claims.resolve("a.ndjson"), ClaimFamilies.free("A-1", "U-1", "kakaotalk") + "\n", StandardCharsets.UTF_8);
        Files.copy(Path.of("../samples/one-claim.json"), claims.resolve("b.json"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkAssessJob.run(TestSpark.session(),
                new SparkAssessJob.Options(claims.toString(), null, dir.resolve("out").toString(),
                        List.of(PolicySpec.classpath("kakao-1015-2022", Map.of())), IncidentFiles.shipped(), false, false)));
        assertTrue(e.getMessage().contains("b.json is one JSON object over several lines") && e.getMessage().contains("jq -c . b.json"), e.getMessage());
    }

    @Test
    void aPoolWhoseLimitDiffersBetweenClaimsIsRefusedNamingThePool() throws Exception {
        Path claims = dir.resolve("claims.ndjson");
        Files.writeString(claims, webtoonWithFee("W-1", "U-1", 4900) + "\n" + webtoonWithFee("W-2", "U-2", 9900) + "\n");
        PolicySpec uneven = PolicySpec.folder(Path.of("src/test/resources/fixtures/uneven-pool"), Map.of());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SparkAssessJob.run(TestSpark.session(),
                new SparkAssessJob.Options(claims.toString(), null, dir.resolve("out").toString(), List.of(uneven),
                        IncidentFiles.shipped(), false, false)));
        assertTrue(e.getMessage().contains("pool uneven has limits 4 and 9"), e.getMessage());
    }

    @Test
    void theCommandLineRefusesABrokenPolicyFolderWithItsProblemsBeforeStartingSpark() throws Exception {
        Path broken = Files.createDirectories(dir.resolve("broken"));
        Files.writeString(broken.resolve("policy.yaml"), "id: broken\n");
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        int code;
        try {
            System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
            code = new picocli.CommandLine(new BosangSpark()).execute("--policy", broken.toString(), "-o", dir.resolve("o").toString(), "x.ndjson");
        } finally {
            System.setErr(old);
        }
        assertEquals(3, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("policy broken has"), err.toString(StandardCharsets.UTF_8));
    }

    private static String webtoonWithFee(String id, String claimant, long fee) {
        return ClaimFamilies.webtoon(id, claimant, "SERVICE_UNAVAILABLE").replace("\"monthlyFeeKrw\":4900", "\"monthlyFeeKrw\":" + fee);
    }
}
