package io.bosang.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.check.WorkingCopy;
import io.bosang.json.Json;
import io.bosang.ledger.Ledger;
import io.bosang.ledger.LedgerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.bosang.cli.AssessCommandTest.bosang;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bosang ledger}: record a file twice (decided once), show, summary, re-assess a revised plan, and a busy directory. */
class LedgerCommandTest {
    static final String SAMPLE = "../samples/kakao-2022-10-15-claims.ndjson";

    @Test
    void aFileRecordedTwiceIsDecidedOnceAndARevisedPlanIsToppedUp(@TempDir Path tmp) throws Exception {
        String dir = tmp.resolve("ledger").toString();
        Path out = tmp.resolve("first.ndjson");
        AssessCommandTest.Run first = bosang("ledger", "record", "--ledger-dir", dir, "--policy", "kakao-1015-2022", "-o", out.toString(), SAMPLE);
        assertEquals(BosangCli.OK, first.code(), first.err());
        List<String> results = Files.readAllLines(out);
        assertEquals(40, results.size(), "one result per input record");
        long decided = results.stream().filter(l -> l.contains("\"status\":\"DECIDED\"")).count();
        assertEquals(37, decided, "three malformed records are rejected, the rest decided: " + first.err());
        assertTrue(first.err().contains("40 records"), first.err());

        AssessCommandTest.Run again = bosang("ledger", "record", "--ledger-dir", dir, "--policy", "kakao-1015-2022", "--quiet",
                "--fail-on-rejected", SAMPLE);
        assertEquals(BosangCli.SOME_REJECTED, again.code(), "the malformed records, with --fail-on-rejected");
        List<JsonNode> second = again.records();
        assertEquals(37, second.stream().filter(r -> r.get("status").asText().equals("REPLAY")).count(), "decided once");
        for (int i = 0; i < 40; i++) {
            JsonNode a = Json.mapper().readTree(results.get(i));
            if (a.get("status").asText().equals("DECIDED")) assertEquals(a.get("assessment"), second.get(i).get("assessment"));
        }

        AssessCommandTest.Run show = bosang("ledger", "show", "--ledger-dir", dir, "k-0009");
        assertEquals(BosangCli.OK, show.code(), show.err());
        assertEquals("K-0009", Json.mapper().readTree(show.out()).get(0).get("claimId").asText());
        assertEquals(BosangCli.USAGE, bosang("ledger", "show", "--ledger-dir", dir, "NO-SUCH").code());

        Path copy = WorkingCopy.of(Path.of("../rules/src/main/resources/policies/kakao-1015-2022"), tmp.resolve("edit"));
        WorkingCopy.edit(copy, "parameters/small_business/tier1_award_krw.yaml", "value: \"30000\"", "value: \"40000\"");
        Path csv = tmp.resolve("topups.csv");
        AssessCommandTest.Run reassess = bosang("ledger", "reassess", "--ledger-dir", dir, "--policy", copy.toString(),
                "-o", tmp.resolve("topups.ndjson").toString(), "--csv", csv.toString());
        assertEquals(BosangCli.OK, reassess.code(), reassess.err());
        List<String> topUps = Files.readAllLines(tmp.resolve("topups.ndjson"));
        assertTrue(!topUps.isEmpty() && topUps.stream().allMatch(l -> l.contains("\"amountKrw\":10000")), topUps.toString());
        assertEquals(topUps.size() + 1, Files.readAllLines(csv).size());
        assertTrue(reassess.err().contains("top-ups"), reassess.err());

        AssessCommandTest.Run summary = bosang("ledger", "summary", "--ledger-dir", dir, "--policy", "kakao-1015-2022");
        assertEquals(BosangCli.OK, summary.code(), summary.err());
        JsonNode s = Json.mapper().readTree(summary.out());
        assertEquals(37, s.get("decisions").asLong());
        assertEquals(topUps.size(), s.get("topUps").asLong());

        try (Ledger busy = Ledger.open(LedgerSettings.embedded(Path.of(dir)))) {
            AssessCommandTest.Run locked = bosang("ledger", "summary", "--ledger-dir", dir, "--policy", "kakao-1015-2022");
            assertEquals(LedgerCommand.LEDGER_UNAVAILABLE, locked.code());
            assertTrue(locked.err().contains("in use by another Bosang process"), locked.err());
        }
    }
}
