package io.bosang.spark;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark job reads hostile claims files exactly as {@code bosang assess} does: the core's hostile corpus
 * ({@code core/src/test/resources/hostile/claims.ndjson}, every record checked against its {@code expected.tsv}) and
 * files of CR LF line ends, bare CRs, invalid UTF-8, 70 KB lines, byte order marks, leading white space, blank lines,
 * empty files, first lines that open an object over several lines and a gzipped file, one folder read with 64 KiB
 * splits so that lines cross split boundaries. Its output equals, record by record and byte for byte, {@code bosang assess} of each file
 * (the first file alone, as AssessCommand runs it; all of them with records numbered on across the files, the gzipped
 * file as its uncompressed bytes). A whole-file
 * JSON array (the corpus's array form) and a pretty-printed claim are refused before any job runs.
 */
class SparkReadsAsAssessTest {
    static final Path HOSTILE = Path.of("../core/src/test/resources/hostile/claims.ndjson");
    static final Path EXPECTED = Path.of("../core/src/test/resources/hostile/expected.tsv");

    @TempDir
    static Path dir;
    static List<Path> files = new ArrayList<>();
    static Policy kakao;
    static List<String> spark;

    @BeforeAll
    static void runTheJob() throws Exception {
        Path input = Files.createDirectories(dir.resolve("claims"));
        file(input, "01-hostile.ndjson", Files.readAllBytes(HOSTILE));
        file(input, "02-line-ends.ndjson", lineEnds());
        // the first record after white space, and over the bound: its length is counted from its first character
        file(input, "03-long-first.ndjson", bytes("  \t" + ClaimFamilies.webtoon("LF-1", "LF-U1", "SERVICE_UNAVAILABLE").replace("webtoon-pass", "w".repeat(70_000))
                + "\n" + ClaimFamilies.free("LF-2", "LF-U2", "kakaotalk") + "\n"));
        // a first object over several lines that is not valid JSON: NDJSON, and every syntax error says why
        file(input, "04-hinted.ndjson", bytes("{\"id\":\"HI-1\",\n\"incident\": oops}\n" + ClaimFamilies.free("HI-2", "HI-U2", "kakaotalk") + "\n"
                + "{\"id\":\"HI-3\" broken\n" + ClaimFamilies.free("HI-4", "HI-U4", "daum") + "\n"));
        file(input, "05-empty.ndjson", new byte[0]);
        file(input, "06-blank.ndjson", bytes("\uFEFF \r\n\t\n\n"));
        // a first object that never closes, and one that runs past the record bound: NDJSON with the reason as hint
        file(input, "07-unclosed.ndjson", bytes("{\"id\":\"UC-1\",\n" + ClaimFamilies.free("UC-2", "UC-U2", "kakaotalk") + "\n{\"id\":\n"));
        String capped = "{\"id\":\"CAP-1\",\"pad\":\"";
        capped += "x".repeat(64 * 1024 - capped.length());
        file(input, "08-over-the-bound.ndjson", bytes(capped + "\n" + ClaimFamilies.free("CAP-2", "CAP-U2", "kakaotalk") + "\n{broken\n"));

        // compressed: read whole (not split), offsets in the uncompressed bytes, the byte order mark skipped as in a plain file
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(lineEnds());
        }
        file(input, "09-line-ends.ndjson.gz", gz.toByteArray());

        kakao = PolicyLoader.load("kakao-1015-2022");
        List<SparkAssessJob.PolicyResult> r = SparkAssessJob.run(TestSpark.session(), new SparkAssessJob.Options(input.toString(), null,
                dir.resolve("out").toString(), List.of(PolicySpec.classpath("kakao-1015-2022", Map.of())), IncidentFiles.shipped(), false, false));
        spark = SparkMatchesBatchTest.sparkLines(r.get(0).assessments());
    }

    private static void file(Path folder, String name, byte[] content) throws Exception {
        Path p = folder.resolve(name);
        Files.write(p, content);
        files.add(p);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** CR LF and bare CRs, blank lines, a 70 KB record and a 70 KB blank line, invalid UTF-8, a byte order mark inside. */
    private static byte[] lineEnds() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("\uFEFF  \r\n\t\n   " + ClaimFamilies.free("LE-1", "LE-U1", "kakaotalk") + "\r\n"));
        out.writeBytes(bytes(ClaimFamilies.free("LE-2", "LE-U2", "kakaotalk").replace(",\"harm\"", ",\r\"harm\"") + "\n"));
        out.writeBytes(bytes(" \t\r\n\r\n"));
        out.writeBytes(bytes(ClaimFamilies.free("LE-3", "LE-U3", "kakaotalk").replace("SERVICE_UNAVAILABLE", "SERVICE\rUNAVAILABLE") + "\r\n"));
        out.writeBytes(bytes(ClaimFamilies.free("LE-4", "LE-U4", "kakaotalk") + "\r" + ClaimFamilies.free("LE-5", "LE-U5", "daum") + "\n"));
        out.writeBytes(bytes(ClaimFamilies.webtoon("LE-6", "LE-U6", "SERVICE_UNAVAILABLE").replace("webtoon-pass", "w".repeat(70_000)) + "\n"));
        out.writeBytes(bytes(" ".repeat(70_000) + "\r\n"));
        out.writeBytes(withByte(ClaimFamilies.free("LE-7", "LE-U7", "kakaotalk"), "LE-U7", 0xFF));
        out.writeBytes(bytes("\n"));
        out.writeBytes(withByte(ClaimFamilies.free("LE-8", "LE-U8", "kakaotalk"), "LE-U8", 0xC3));
        out.writeBytes(bytes("\r\n\uFEFF" + ClaimFamilies.free("LE-9", "LE-U9", "kakaotalk") + "\n"));
        out.writeBytes(bytes("{\"id\":\"LE-10\",\"incident\": }\n"));
        out.writeBytes(bytes(ClaimFamilies.webtoon("LE-11", "LE-U11", "DATA_LOSS"))); // no line feed at the end
        return out.toByteArray();
    }

    private static byte[] withByte(String text, String after, int b) {
        int at = text.indexOf(after) + after.length();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(text.substring(0, at)));
        out.write(b);
        out.writeBytes(bytes(text.substring(at)));
        return out.toByteArray();
    }

    @Test
    void theHostileCorpusIsAssessedAsBosangAssessAssessesTheFile() throws Exception {
        List<String> alone = SparkMatchesBatchTest.batchLines(kakao, List.of(files.get(0)));
        SparkMatchesBatchTest.assertSameLines("hostile corpus", alone, spark.subList(0, Math.min(alone.size(), spark.size())));
    }

    @Test
    void everyFileIsAssessedAsBosangAssessAssessesItRecordsNumberedOnAcrossTheFiles() throws Exception {
        SparkMatchesBatchTest.assertSameLines("all files", SparkMatchesBatchTest.batchLines(kakao, files), spark);
    }

    @Test
    void everyHostileRecordGivesTheVerdictTheCorpusExpects() throws Exception {
        List<String> rows = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertTrue(rows.size() >= 500, rows.size() + " records expected");
        for (String row : rows) {
            String[] f = row.split("\t", -1);
            int record = Integer.parseInt(f[0]);
            JsonNode a = Json.mapper().readTree(spark.get(record - 1));
            assertEquals(record, a.get("record").asLong());
            if (f[1].equals("VALID")) {
                assertNotEquals("REJECTED", a.get("outcome").asText(), row + "\n" + spark.get(record - 1));
                continue;
            }
            assertEquals("REJECTED", a.get("outcome").asText(), row);
            if (!f[2].equals("*")) assertEquals(f[2], a.get("rejection").get("field").asText(), row);
            assertTrue(a.get("rejection").get("reason").asText().contains(f[3]), row + "\n" + a.get("rejection"));
        }
    }

    @Test
    void theHostileInputsAreExercised() {
        String all = String.join("\n", spark);
        for (String seen : List.of("not valid UTF-8: the byte 0xFF at byte offset", "the line is 70,", "a record holds at most 65,536 bytes",
                "a second JSON value starts at line 8", "because the object that starts at line 1 spans several lines but is not valid JSON",
                "because the object that starts at line 1 does not close before the end of the input",
                "because the object that starts at line 1 is longer than 65,536 bytes", "\"claimId\":\"LE-1\"", "\"claimId\":\"LE-2\"",
                "\"claimId\":\"LE-11\"", "\"claimId\":\"LF-2\"", "\"claimId\":\"CAP-2\"")) {
            assertTrue(all.contains(seen), "no output says " + seen);
        }
        String first = spark.stream().filter(l -> l.contains("\"claimId\":\"LE-1\"")).findFirst().orElseThrow();
        assertTrue(!first.contains("REJECTED"), "the first record after a byte order mark and white space is read: " + first);
    }

    @Test
    void theFilesAreReadInSplitsSmallerThanTheirLongLines() {
        // 64 KiB splits (TestSpark): the corpus's and line-ends' 70 KB lines each span a split boundary
        int splits = ClaimLines.read(TestSpark.session(), files.get(0).getParent().toString(), null).records().getNumPartitions();
        assertTrue(splits >= files.size() + 4, splits + " splits of " + files.size() + " files");
    }

    @Test
    void theCorpusAsOneJsonArrayIsRefusedBeforeAnythingRuns() throws Exception {
        // the corpus's records as the elements of one array, as HostileCorpusTest reads it (bytes kept as they are)
        List<String> records = SparkMatchesBatchTest.recordTexts(Files.readAllBytes(HOSTILE)).stream()
                .map(t -> new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)).toList();
        Path array = Files.createDirectories(dir.resolve("array")).resolve("claims.json");
        Files.write(array, ("[\n" + String.join(",\n", records) + "\n]\n").getBytes(StandardCharsets.ISO_8859_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkAssessJob.run(TestSpark.session(),
                new SparkAssessJob.Options(array.toString(), null, dir.resolve("array-out").toString(),
                        List.of(PolicySpec.classpath("kakao-1015-2022", Map.of())), IncidentFiles.shipped(), false, false)));
        assertTrue(e.getMessage().contains("is a JSON array") && e.getMessage().contains("jq -c '.[]'"), e.getMessage());
    }
}
