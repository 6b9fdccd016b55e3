package io.bosang.scenario;

import io.bosang.incident.IncidentCatalog;
import io.bosang.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Mistakes in a scenario file are named at their file, line and key, where they are written. */
class ScenarioFileTest {
    @TempDir
    Path tmp;

    private List<Problem> problems(String yaml) throws Exception {
        Path file = tmp.resolve("s.yaml");
        Files.writeString(file, yaml);
        return ScenarioFile.read(file, "s.yaml", IncidentCatalog.classpath()).problems();
    }

    private static final String CLAIM = "{id: C-1, incident: kakao-2022-10-15, service: kakaotalk, claimant: {id: U-1, kind: CONSUMER}, "
            + "harm: SERVICE_UNAVAILABLE, filedAt: 2023-01-06T09:00:00+09:00}";

    @Test
    void aMistypedKeyInsideAnExpectedLineIsUnknownAtItsLine() throws Exception {
        List<Problem> p = problems("policy: x\nscenarios:\n  - name: n\n    claim: " + CLAIM + "\n    expect:\n      lines:\n"
                + "        - {ruleId: R-1,\n           amountKwr: 3000}\n");
        assertEquals(1, p.size(), p.toString());
        assertEquals(8, p.get(0).line());
        assertEquals("scenarios[0].expect.lines[0].amountKwr", p.get(0).key());
        assertTrue(p.get(0).message().startsWith("unknown key 'amountKwr'; allowed: ruleId, kind, amountKrw"), p.get(0).message());
    }

    @Test
    void aWrongEnumValueAndABadDurationAreNamed() throws Exception {
        List<Problem> p = problems("scenarios:\n  - name: n\n    claim: " + CLAIM + "\n    expect: {outcome: PAID, extension: 72h,\n"
                + "      findings: [{unit: PERSON}]}\n");
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).message().contains("'PAID' is not one of AWARD"), p.toString());
        assertTrue(p.get(1).message().contains("not an ISO-8601 duration"), p.toString());
        assertEquals(5, p.get(2).line());
        assertTrue(p.get(2).message().contains("'PERSON' is not one of CLAIM, CLAIMANT, SUBSCRIPTION, ACCOUNT, BUSINESS"), p.toString());
    }

    @Test
    void aFamilyNeedsOneExpectationPerClaim() throws Exception {
        List<Problem> p = problems("scenarios:\n  - name: n\n    claims: [" + CLAIM + ", " + CLAIM + "]\n    expect:\n      - {outcome: AWARD}\n");
        assertEquals(1, p.size(), p.toString());
        assertEquals("2 claims but 1 expectations: give one per claim, in order", p.get(0).message());
        List<Problem> q = problems("scenarios:\n  - name: n\n    claims: [" + CLAIM + "]\n    expect: {outcome: AWARD}\n");
        assertTrue(q.get(0).message().startsWith("a family of claims has a list of expectations"), q.toString());
    }

    @Test
    void aScenarioWithBothFormsOrNeitherIsRefused() throws Exception {
        assertTrue(problems("scenarios:\n  - name: n\n    claim: " + CLAIM + "\n    claims: [" + CLAIM + "]\n    expect: {}\n")
                .stream().anyMatch(x -> x.message().contains("either 'claim' (one) or 'claims' (a family)")));
        assertTrue(problems("scenarios:\n  - name: n\n    expect: {}\n")
                .stream().anyMatch(x -> x.message().equals("a scenario needs a claim (or claims)")));
    }
}
