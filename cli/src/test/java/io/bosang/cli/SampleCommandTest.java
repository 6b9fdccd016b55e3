package io.bosang.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SampleCommandTest {
    @Test
    void sampleThenAssessWithASummary(@TempDir Path tmp) throws Exception {
        Path claims = tmp.resolve("claims.ndjson");
        Path summary = tmp.resolve("summary.json");
        assertEquals(0, AssessCommandTest.bosang("sample", "--policy", "kakao-1015-2022", "--count", "500", "--seed", "3", "-o", claims.toString()).code());
        assertEquals(500, Files.readAllLines(claims).size());
        AssessCommandTest.Run run = AssessCommandTest.bosang("assess", "--quiet", "--policy", "kakao-1015-2022", "--summary", summary.toString(),
                "-o", tmp.resolve("out.ndjson").toString(), claims.toString());
        assertEquals(0, run.code(), run.err());
        assertEquals(500, Files.readAllLines(tmp.resolve("out.ndjson")).size());
        String json = Files.readString(summary);
        assertTrue(json.contains("\"records\" : 500"), json);
        assertTrue(json.contains("\"byRule\""), json);
    }

    @Test
    void anUnknownPolicyIsAUsageError() {
        AssessCommandTest.Run run = AssessCommandTest.bosang("sample", "--policy", "nope", "--count", "5");
        assertEquals(BosangCli.USAGE, run.code());
        assertTrue(run.err().contains("supported"));
    }
}
