package io.bosang.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.bosang.cli.AssessCommandTest.bosang;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the commands read claims files: the pretty-printed sample is one claim, nothing after a first-line {@code []}
 * is lost, the hostile corpus gives one record per record under {@code assess} and {@code compare}, and an
 * unreadable file is one line on stderr, never a stack trace.
 */
@Timeout(300)
class ClaimFilesTest {
    static final Path SAMPLES = Path.of("../samples");
    static final Path HOSTILE = Path.of("../core/src/test/resources/hostile");
    static final String POLICY = "kakao-1015-2022";

    /** One row of the corpus' expected.tsv: record, VALID|REJECTED, field, NDJSON reason fragment. */
    record Expect(long record, boolean valid, String field, String fragment) {
        static List<Expect> all() throws Exception {
            List<Expect> out = new ArrayList<>();
            for (String line : Files.readAllLines(HOSTILE.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                out.add(new Expect(Long.parseLong(f[0]), f[1].equals("VALID"), f[2], f[3]));
            }
            return out;
        }
    }

    static List<JsonNode> lines(Path file) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) out.add(Json.mapper().readTree(l));
        return out;
    }

    @Test
    void thePrettyPrintedSampleGivesExactlyOneAssessment(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out.ndjson");
        AssessCommandTest.Run run = bosang("assess", "--quiet", "--fail-on-rejected", "--policy", POLICY, "-o", out.toString(),
                SAMPLES.resolve("one-claim.json").toString());
        assertEquals(BosangCli.OK, run.code(), run.err());
        List<JsonNode> a = lines(out);
        assertEquals(1, a.size());
        assertEquals("K-0009", a.get(0).get("claimId").asText());
        assertEquals("AWARD", a.get(0).get("outcome").asText());
    }

    @Test
    void recordsAfterAFirstLineEmptyArrayAreRejectedNotDroppedAndTheRunSaysSo(@TempDir Path tmp) throws Exception {
        String a = Files.readAllLines(SAMPLES.resolve("kakao-2022-10-15-claims.ndjson")).get(0);
        String b = Files.readAllLines(SAMPLES.resolve("kakao-2022-10-15-claims.ndjson")).get(1);
        Path in = tmp.resolve("claims.ndjson");
        Files.writeString(in, "[]\n" + a + "\n" + b + "\n");
        Path out = tmp.resolve("out.ndjson");
        AssessCommandTest.Run run = bosang("assess", "--quiet", "--fail-on-rejected", "--policy", POLICY, "-o", out.toString(), in.toString());
        assertEquals(BosangCli.SOME_REJECTED, run.code(), run.err());
        List<JsonNode> got = lines(out);
        assertEquals(2, got.size());
        for (JsonNode g : got) {
            assertEquals("REJECTED", g.get("outcome").asText());
            assertTrue(g.at("/rejection/reason").asText().contains("after the end of the JSON array that ends at line 1"), g.toString());
        }
        Path rows = tmp.resolve("rows.ndjson");
        run = bosang("compare", "--policies", POLICY + ",content-user-protection", "--ndjson", rows.toString(), in.toString());
        assertEquals(BosangCli.OK, run.code(), run.err());
        assertEquals(3, Files.readAllLines(rows).size(), "two rows and the summary");
        assertEquals(2, lines(rows).get(2).get("claims").asLong());
    }

    @Test
    void theHostileCorpusGivesOneAssessmentPerRecordAndTheValidOnesAsIfAlone(@TempDir Path tmp) throws Exception {
        List<Expect> expect = Expect.all();
        Path corpus = HOSTILE.resolve("claims.ndjson");
        Path out = tmp.resolve("out.ndjson");
        AssessCommandTest.Run run = bosang("assess", "--fail-on-rejected", "--threads", "2", "--policy", POLICY, "-o", out.toString(), corpus.toString());
        assertEquals(BosangCli.SOME_REJECTED, run.code(), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
        List<String> assessed = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(expect.size(), assessed.size(), "records in = records out");
        List<String> validLines = new ArrayList<>();
        List<String> validOut = new ArrayList<>();
        byte[][] records = records(Files.readAllBytes(corpus));
        for (int i = 0; i < expect.size(); i++) {
            Expect e = expect.get(i);
            JsonNode a = Json.mapper().readTree(assessed.get(i));
            assertEquals(i + 1, a.get("record").asLong());
            assertFalse(assessed.get(i).contains("Exception"), assessed.get(i));
            if (e.valid()) {
                assertFalse(a.get("outcome").asText().equals("REJECTED") || a.get("outcome").asText().equals("ERROR"), a.toString());
                validLines.add(new String(records[i], StandardCharsets.UTF_8));
                validOut.add(assessed.get(i));
            } else {
                assertEquals("REJECTED", a.get("outcome").asText(), "record " + (i + 1));
                if (!e.field().equals("*")) assertEquals(e.field(), a.at("/rejection/field").asText(), "record " + (i + 1));
                assertTrue(a.at("/rejection/reason").asText().contains(e.fragment()), a.toString());
            }
        }
        // The valid claims on their own give the same assessments, byte for byte but for the record number.
        Path alone = tmp.resolve("valid.ndjson");
        Files.writeString(alone, String.join("\n", validLines) + "\n", StandardCharsets.UTF_8);
        Path aloneOut = tmp.resolve("valid-out.ndjson");
        assertEquals(BosangCli.OK, bosang("assess", "--quiet", "--fail-on-rejected", "--policy", POLICY, "-o", aloneOut.toString(), alone.toString()).code());
        List<String> aloneLines = Files.readAllLines(aloneOut, StandardCharsets.UTF_8);
        assertEquals(validOut.size(), aloneLines.size());
        for (int i = 0; i < validOut.size(); i++) assertEquals(withoutRecord(aloneLines.get(i)), withoutRecord(validOut.get(i)));

        Path rows = tmp.resolve("rows.ndjson");
        run = bosang("compare", "--threads", "2", "--policies", POLICY + ",content-user-protection", "--ndjson", rows.toString(), corpus.toString());
        assertEquals(BosangCli.OK, run.code(), run.err());
        List<JsonNode> compared = lines(rows);
        assertEquals(expect.size() + 1, compared.size(), "one row per record, then the summary");
        for (int i = 0; i < expect.size(); i++) {
            assertEquals(i + 1, compared.get(i).get("record").asLong());
            String outcome = compared.get(i).at("/policies/0/outcome").asText();
            assertEquals(!expect.get(i).valid(), outcome.equals("REJECTED"), compared.get(i).toString());
        }
    }

    @Test
    void anUnreadableClaimsFileIsOneLineOnStderrNeverAStackTrace() throws Exception {
        // Reading /proc/self/mem from offset 0 fails with EIO: a file that exists, is regular, and cannot be read.
        Path unreadable = Path.of("/proc/self/mem");
        Assumptions.assumeTrue(Files.isRegularFile(unreadable), "needs Linux /proc");
        for (String[] args : List.of(
                new String[]{"assess", "--quiet", "--policy", POLICY, unreadable.toString()},
                new String[]{"compare", "--policies", POLICY + ",content-user-protection", unreadable.toString()},
                new String[]{"diff", "--base", "content-user-protection", "--policy", "../rules/src/main/resources/policies/content-user-protection",
                        unreadable.toString()},
                new String[]{"explain", "--policy", POLICY, unreadable.toString()})) {
            AssessCommandTest.Run run = bosang(args);
            assertEquals(BosangCli.USAGE, run.code(), args[0] + ": " + run.err());
            assertTrue(run.err().contains("cannot read") && run.err().contains("/proc/self/mem"), args[0] + ": " + run.err());
            assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), args[0] + ": " + run.err());
            assertEquals(1, run.err().strip().lines().count(), args[0] + ": " + run.err());
        }
    }

    /**
     * Records near the 64 KiB bound, more than the assessor keeps in flight, through a real JVM under -Xmx256m with
     * {@code --threads 1000}: the threads are capped with a message, and memory stays bounded by the bytes in flight,
     * not by the thread count or the file (150 MB here).
     */
    @Test
    void aFileOfRecordsNearTheBoundIsAssessedUnderXmx256m(@TempDir Path tmp) throws Exception {
        String claim = Files.readAllLines(SAMPLES.resolve("kakao-2022-10-15-claims.ndjson")).get(0);
        Path big = tmp.resolve("fat.ndjson");
        int records = 2_500;
        try (java.io.Writer w = Files.newBufferedWriter(big, StandardCharsets.UTF_8)) {
            String pad = " ".repeat(60_000); // white space inside the object: a valid claim of 60 KB
            for (int i = 0; i < records; i++) {
                w.write("{" + pad + claim.substring(1).replace("\"K-0001\"", "\"F-" + i + "\"").replace("\"U-0001\"", "\"UF-" + i + "\"") + "\n");
            }
        }
        Path out = tmp.resolve("out.ndjson");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), BosangCli.class.getName(), "assess", "--quiet", "--threads", "1000",
                "--policy", AssessCommandTest.FIXTURES.resolve("mini").toString(), "-o", out.toString(), big.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(tmp.resolve("log.txt").toFile());
        Process p = pb.start();
        boolean done = p.waitFor(240, java.util.concurrent.TimeUnit.SECONDS);
        if (!done) p.destroyForcibly();
        String log = Files.readString(tmp.resolve("log.txt"));
        assertTrue(done, "did not finish in 240 s: " + log);
        assertEquals(0, p.exitValue(), log);
        assertEquals(records, Files.readAllLines(out).size(), log);
        assertTrue(log.contains("--threads 1000 is more than"), log);
    }

    /** The corpus' records: its non-blank lines, as bytes. */
    static byte[][] records(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                byte[] l = line.toByteArray();
                if (!new String(l, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\t", "").replace(" ", "").isEmpty()) out.add(l);
                line.reset();
            } else {
                line.write(file[i]);
            }
        }
        return out.toArray(new byte[0][]);
    }

    static String withoutRecord(String line) {
        assertTrue(line.startsWith("{\"record\":"), line);
        return line.substring(line.indexOf(','));
    }
}
