package io.bosang;

import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import io.bosang.result.RunStats;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The front door: one claim or a whole file, through one compiled, shared policy. */
class BosangTest {
    static final Path MINI = Path.of("src/test/resources/fixtures/mini");
    static final Path INCIDENT = Path.of("../cli/src/test/resources/vod-incident.yaml");
    static final String CLAIM = "{\"id\":\"C-1\",\"incident\":\"vod-5h\",\"service\":\"vod\",\"claimant\":{\"id\":\"U-1\",\"kind\":\"CONSUMER\"},"
            + "\"subscription\":{\"plan\":\"basic\",\"monthlyFeeKrw\":39000,\"start\":\"2022-10-01T00:00:00+09:00\"},"
            + "\"harm\":\"SERVICE_UNAVAILABLE\",\"filedAt\":\"2022-10-20T10:00:00+09:00\"}";

    @Test
    void oneClaimAsJsonIsAssessedOrRejectedNeverThrown() throws Exception {
        Bosang mini = Bosang.policy(MINI.toString()).withIncidents(INCIDENT);
        Assessment a = mini.assess(CLAIM);
        assertEquals(Outcome.AWARD, a.outcome(), String.valueOf(a.rejection()));
        Assessment bad = mini.assess(CLAIM.replace("CONSUMER", "ALIEN"));
        assertEquals(Outcome.REJECTED, bad.outcome());
        assertEquals("claimant.kind", bad.rejection().field());
    }

    @Test
    void aWholeFileGivesOneSettledAssessmentPerRecordInOrder() throws Exception {
        Bosang mini = Bosang.policy(MINI.toString()).withIncidents(INCIDENT).threads(2);
        String file = CLAIM + "\n" + CLAIM + "\nnot json\n" + CLAIM.replace("C-1", "C-2").replace("U-1", "U-2") + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RunStats stats = mini.assessAll(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), out);
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(4, stats.records());
        assertEquals(4, lines.size());
        assertTrue(lines.get(1).contains("DUPLICATE_CLAIM"), lines.get(1));
        assertTrue(lines.get(2).contains("\"outcome\":\"REJECTED\""), lines.get(2));
        List<Assessment> seen = new ArrayList<>();
        mini.assessAll(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), seen::add);
        for (int i = 0; i < 4; i++) assertEquals(lines.get(i), Bosang.json(seen.get(i)), "the sink and the NDJSON agree");
    }

    @Test
    void anUnknownPolicyIsABuildProblemThatSaysWhichExist() {
        io.bosang.problem.PolicyBuildException e = assertThrows(io.bosang.problem.PolicyBuildException.class, () -> Bosang.policy("no-such-policy"));
        assertTrue(e.getMessage().contains("no policy 'no-such-policy'"), e.getMessage());
    }
}
