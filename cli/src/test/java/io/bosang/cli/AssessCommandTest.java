package io.bosang.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AssessCommandTest {
    static final Path FIXTURES = Path.of("../core/src/test/resources/fixtures");
    static final Path CLAIMS = Path.of("src/test/resources/claims.ndjson");
    static final Path INCIDENT = Path.of("src/test/resources/vod-incident.yaml");

    record Run(int code, String out, String err) {
        List<JsonNode> records() throws Exception {
            List<JsonNode> r = new ArrayList<>();
            for (String line : out.split("\n")) if (!line.isBlank()) r.add(Json.mapper().readTree(line));
            return r;
        }
    }

    static Run bosang(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = BosangCli.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everyInputRecordGivesOneOutputRecordInOrderAndRejectionsNameTheField(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out.ndjson");
        Run run = bosang("assess", "--policy", FIXTURES.resolve("mini").toString(), "--incidents", INCIDENT.toString(),
                "-o", out.toString(), CLAIMS.toString());
        assertEquals(BosangCli.OK, run.code(), "rejections are records, not a failed run: " + run.err());
        Run strict = bosang("assess", "--quiet", "--fail-on-rejected", "--policy", FIXTURES.resolve("mini").toString(),
                "--incidents", INCIDENT.toString(), "-o", tmp.resolve("strict.ndjson").toString(), CLAIMS.toString());
        assertEquals(BosangCli.SOME_REJECTED, strict.code());
        List<String> lines = Files.readAllLines(out);
        assertEquals(6, lines.size(), "6 non-blank input records → 6 assessments");
        List<JsonNode> a = new ArrayList<>();
        for (String l : lines) a.add(Json.mapper().readTree(l));
        assertEquals(List.of("AWARD", "NO_AWARD", "REJECTED", "REJECTED", "REJECTED", "AWARD"),
                a.stream().map(n -> n.get("outcome").asText()).toList());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), a.stream().map(n -> n.get("record").asLong()).toList());
        assertEquals("$", a.get(2).at("/rejection/field").asText());
        assertEquals("claimant.kind", a.get(3).at("/rejection/field").asText());
        assertEquals("subscription.monthlyFeeKrw", a.get(4).at("/rejection/field").asText());
        assertEquals("PT15H", a.get(0).at("/totals/extension").asText());
        assertTrue(run.err().contains("6 records"), run.err());
    }

    @Test
    void outputIsByteIdenticalForOneAndTwoThreads(@TempDir Path tmp) throws Exception {
        Path one = tmp.resolve("one.ndjson");
        Path two = tmp.resolve("two.ndjson");
        bosang("assess", "--quiet", "--threads", "1", "--policy", FIXTURES.resolve("mini").toString(), "--incidents", INCIDENT.toString(), "-o", one.toString(), CLAIMS.toString());
        bosang("assess", "--quiet", "--threads", "2", "--policy", FIXTURES.resolve("mini").toString(), "--incidents", INCIDENT.toString(), "-o", two.toString(), CLAIMS.toString());
        assertEquals(Files.readString(one), Files.readString(two));
    }

    @Test
    void aBrokenPolicyExitsWithItsProblemsListedByFileAndLine(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("mini");
        Files.createDirectories(copy.resolve("parameters"));
        for (String f : List.of("policy.yaml", "sources.yaml", "rules.drl", "parameters/multiplier.yaml")) {
            Files.copy(FIXTURES.resolve("mini").resolve(f), copy.resolve(f));
        }
        Files.writeString(copy.resolve("rules.drl"), Files.readString(copy.resolve("rules.drl")).replace("totalMinutes > 0", "totalMinutes >>> 0"));
        Files.writeString(copy.resolve("parameters/multiplier.yaml"), Files.readString(copy.resolve("parameters/multiplier.yaml")).replace("2023-01-01", "2023-13-01"));
        Run run = bosang("assess", "--policy", tmp.resolve("mini").toString(), CLAIMS.toString());
        assertEquals(BosangCli.BROKEN_POLICY, run.code());
        assertTrue(run.err().contains("rules.drl:"), run.err());
        assertTrue(run.err().contains("parameters/multiplier.yaml:8: [values.2023-13-01]"), run.err());
    }

    @Test
    void unknownFileIsAUsageError() {
        Run run = bosang("assess", "--policy", FIXTURES.resolve("mini").toString(), "no-such-file.ndjson");
        assertEquals(BosangCli.USAGE, run.code());
        assertEquals("bosang assess: no such claims file: no-such-file.ndjson", run.err().strip());
    }

    @Test
    void assessWritesThroughTheCommandLinesWriterSoARunWithoutOutputFileCanBeCaptured() throws Exception {
        Run run = bosang("assess", "--quiet", "--policy", FIXTURES.resolve("mini").toString(), "--incidents", INCIDENT.toString(), CLAIMS.toString());
        assertEquals(BosangCli.OK, run.code(), run.err());
        assertEquals(6, run.records().size(), "the assessments reach the writer run() was given, not System.out");
    }

    /** Each careless flag or file is one line on stderr that names the file and the problem, with its exit code. */
    @Test
    void carelessFlagsAndFilesAreOneLineEachWithADocumentedExitCode(@TempDir Path tmp) throws Exception {
        String mini = FIXTURES.resolve("mini").toString();
        String inc = INCIDENT.toString();
        Run zero = bosang("assess", "--threads", "0", "--policy", mini, "--incidents", inc, CLAIMS.toString());
        assertEquals(BosangCli.USAGE, zero.code());
        assertEquals("bosang assess: --threads must be at least 1 (got 0)", zero.err().strip());

        Run many = bosang("assess", "--quiet", "--threads", "1000", "--policy", mini, "--incidents", inc, "-o", tmp.resolve("m.ndjson").toString(), CLAIMS.toString());
        assertEquals(BosangCli.OK, many.code(), many.err());
        assertTrue(many.err().strip().matches("bosang assess: --threads 1000 is more than \\d+ \\(4 per core on \\d+ cores\\); using \\d+"), many.err());

        Run dir = bosang("assess", "--policy", mini, "--incidents", inc, "-o", tmp.toString(), CLAIMS.toString());
        assertEquals(BosangCli.OUTPUT, dir.code());
        assertEquals("bosang assess: -o " + tmp + " is a directory; give a file", dir.err().strip());

        Run missing = bosang("assess", "--policy", mini, "--incidents", inc, "--summary", tmp.resolve("no/such/summary.json").toString(), CLAIMS.toString());
        assertEquals(BosangCli.OUTPUT, missing.code());
        assertTrue(missing.err().strip().startsWith("bosang assess: --summary " + tmp.resolve("no/such/summary.json") + ": the folder "), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());

        if (Files.exists(Path.of("/dev/full"))) {
            Run full = bosang("assess", "--policy", mini, "--incidents", inc, "-o", "/dev/full", CLAIMS.toString());
            assertEquals(BosangCli.OUTPUT, full.code(), full.err());
            assertTrue(full.err().strip().startsWith("bosang assess: cannot write /dev/full: "), full.err());
            assertEquals(1, full.err().strip().lines().count(), full.err());
        }

        Path unreadable = tmp.resolve("locked.ndjson");
        Files.copy(CLAIMS, unreadable);
        unreadable.toFile().setReadable(false, false);
        if (!Files.isReadable(unreadable)) {   // root reads anything: then there is nothing to test here
            Run locked = bosang("assess", "--policy", mini, "--incidents", inc, unreadable.toString());
            assertEquals(BosangCli.USAGE, locked.code());
            assertEquals("bosang assess: cannot read " + unreadable + ": permission denied", locked.err().strip());
        }
        Run aDirectory = bosang("assess", "--policy", mini, "--incidents", inc, tmp.toString());
        assertEquals(BosangCli.USAGE, aDirectory.code());
        assertEquals("bosang assess: " + tmp + " is a directory, not a claims file", aDirectory.err().strip());
        for (Run r : List.of(zero, many, dir, missing, aDirectory)) assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
    }

    @Test
    void helpExplainsTheCommands() {
        Run run = bosang("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("assess"));
        assertTrue(run.out().contains("policies"));
        assertTrue(run.out().contains("Exit codes"));
    }

    @Test
    void sourcesByIdLeaveOutOnlyTheSourcesArray() throws Exception {
        String sample = "../samples/kakao-2022-10-15-claims.ndjson";
        Run full = bosang("assess", "--quiet", "--policy", "kakao-1015-2022", sample);
        Run ids = bosang("assess", "--quiet", "--sources", "ids", "--policy", "kakao-1015-2022", sample);
        assertEquals(0, full.code(), full.err());
        assertEquals(0, ids.code(), ids.err());
        String[] a = full.out().split("\n");
        String[] b = ids.out().split("\n");
        assertEquals(a.length, b.length);
        int withSources = 0;
        for (int k = 0; k < a.length; k++) {
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode) io.bosang.json.Json.mapper().readTree(a[k]);
            if (node.remove("sources") != null) withSources++;
            assertEquals(io.bosang.json.Json.line(node), b[k], "record " + (k + 1));
            assertTrue(!b[k].contains("\"sources\":[") , b[k]);
        }
        assertTrue(withSources > 20, "the full records carried sources: " + withSources);
        assertTrue(ids.out().length() < full.out().length() * 3 / 4, ids.out().length() + " of " + full.out().length());
        assertEquals(BosangCli.USAGE, bosang("assess", "--sources", "some", "--policy", "kakao-1015-2022", sample).code());
    }
}
