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
        Run run = bosang("assess", "--policy", "mini", "--rules", FIXTURES.toString(), "--incident", INCIDENT.toString(),
                "-o", out.toString(), CLAIMS.toString());
        assertEquals(BosangCli.OK, run.code(), "rejections are records, not a failed run: " + run.err());
        Run strict = bosang("assess", "--quiet", "--fail-on-rejected", "--policy", "mini", "--rules", FIXTURES.toString(),
                "--incident", INCIDENT.toString(), "-o", tmp.resolve("strict.ndjson").toString(), CLAIMS.toString());
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
        bosang("assess", "--quiet", "--threads", "1", "--policy", "mini", "--rules", FIXTURES.toString(), "--incident", INCIDENT.toString(), "-o", one.toString(), CLAIMS.toString());
        bosang("assess", "--quiet", "--threads", "2", "--policy", "mini", "--rules", FIXTURES.toString(), "--incident", INCIDENT.toString(), "-o", two.toString(), CLAIMS.toString());
        assertEquals(Files.readString(one), Files.readString(two));
    }

    @Test
    void aBrokenPolicyExitsWithItsProblemsListedByFileAndLine(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("mini");
        Files.createDirectories(copy.resolve("parameters"));
        for (String f : List.of("policy.yaml", "rules.drl", "parameters/multiplier.yaml")) {
            Files.copy(FIXTURES.resolve("mini").resolve(f), copy.resolve(f));
        }
        Files.writeString(copy.resolve("rules.drl"), Files.readString(copy.resolve("rules.drl")).replace("totalMinutes > 0", "totalMinutes >>> 0"));
        Files.writeString(copy.resolve("parameters/multiplier.yaml"), Files.readString(copy.resolve("parameters/multiplier.yaml")).replace("2023-01-01", "2023-13-01"));
        Run run = bosang("assess", "--policy", "mini", "--rules", tmp.toString(), CLAIMS.toString());
        assertEquals(BosangCli.BROKEN_POLICY, run.code());
        assertTrue(run.err().contains("rules.drl:"), run.err());
        assertTrue(run.err().contains("parameters/multiplier.yaml:7: [values.2023-13-01]"), run.err());
    }

    @Test
    void unknownFileIsAUsageError() {
        Run run = bosang("assess", "--policy", "mini", "--rules", FIXTURES.toString(), "no-such-file.ndjson");
        assertEquals(BosangCli.USAGE, run.code());
        assertTrue(run.err().contains("no such claims file"));
    }

    @Test
    void helpExplainsTheCommands() {
        Run run = bosang("--help");
        assertEquals(0, run.code());
        assertTrue(run.out().contains("assess"));
        assertTrue(run.out().contains("policies"));
        assertTrue(run.out().contains("Exit codes"));
    }
}
