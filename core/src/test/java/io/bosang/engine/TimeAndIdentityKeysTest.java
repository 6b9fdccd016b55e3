package io.bosang.engine;

import io.bosang.domain.EndBasis;
import io.bosang.domain.Incident;
import io.bosang.domain.Severity;
import io.bosang.incident.IncidentReader;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** policy.yaml's zone and counted-severities, and an incident's operator id and end-basis: required, checked by line. */
class TimeAndIdentityKeysTest {
    static final Path MINI = Path.of("src/test/resources/fixtures/mini");

    static Path copyWith(Path tmp, String from, String to) throws Exception {
        Path dir = tmp.resolve("mini");
        Files.createDirectories(dir.resolve("parameters"));
        for (String f : List.of("policy.yaml", "sources.yaml", "rules.drl", "parameters/multiplier.yaml")) {
            Files.copy(MINI.resolve(f), dir.resolve(f));
        }
        String yaml = Files.readString(dir.resolve("policy.yaml"));
        assertTrue(yaml.contains(from), from);
        Files.writeString(dir.resolve("policy.yaml"), yaml.replace(from, to));
        return dir;
    }

    static String problems(Path dir) {
        PolicyBuildException e = assertThrows(PolicyBuildException.class, () -> PolicyLoader.load(dir));
        return e.problems().toString();
    }

    @Test
    void theShippedFixtureStatesItsZoneAndSeverities() throws Exception {
        Policy p = PolicyLoader.load(MINI);
        assertEquals("Asia/Seoul", p.calendar().toString());
        assertEquals(List.of(Severity.FULL, Severity.PARTIAL), p.manifest().countedSeverities());
    }

    @Test
    void aMissingZoneIsAProblemOfPolicyYaml(@TempDir Path tmp) throws Exception {
        String p = problems(copyWith(tmp, "zone: Asia/Seoul\n", ""));
        assertTrue(p.contains("policy.yaml:1: [zone] missing required key 'zone'"), p);
    }

    @Test
    void anUnknownZoneOrAFixedOffsetIsRefusedAtItsLine(@TempDir Path tmp) throws Exception {
        String unknown = problems(copyWith(tmp.resolve("a"), "zone: Asia/Seoul", "zone: Asia/Pangyo"));
        assertTrue(unknown.contains("policy.yaml:6: [zone] 'Asia/Pangyo' is not a known time zone"), unknown);
        String fixed = problems(copyWith(tmp.resolve("b"), "zone: Asia/Seoul", "zone: +09:00"));
        assertTrue(fixed.contains("policy.yaml:6: [zone] '+09:00' is not a region zone id"), fixed);
    }

    @Test
    void countedSeveritiesAreRequiredKnownAndIncludeFull(@TempDir Path tmp) throws Exception {
        String missing = problems(copyWith(tmp.resolve("a"), "counted-severities: [FULL, PARTIAL]\n", ""));
        assertTrue(missing.contains("[counted-severities] missing required key 'counted-severities'"), missing);
        String unknown = problems(copyWith(tmp.resolve("b"), "[FULL, PARTIAL]", "[FULL, DEGRADED]"));
        assertTrue(unknown.contains("policy.yaml:7: [counted-severities] 'DEGRADED' is not one of FULL, PARTIAL"), unknown);
        String partialOnly = problems(copyWith(tmp.resolve("c"), "[FULL, PARTIAL]", "[PARTIAL]"));
        assertTrue(partialOnly.contains("policy.yaml:7: [counted-severities] must include FULL"), partialOnly);
        String twice = problems(copyWith(tmp.resolve("d"), "[FULL, PARTIAL]", "[FULL, FULL]"));
        assertTrue(twice.contains("'FULL' is listed twice"), twice);
    }

    static final String INCIDENT = """
            id: i
            operator: {id: kt, name: KT Corp.}
            fault: ORDINARY_NEGLIGENCE
            startedAt: 2021-10-25T11:20:00+09:00
            priorNotice: null
            services: [{id: m, name: Mobile, category: TELECOM_MOBILE, payment: SUBSCRIPTION}]
            disruptions:
              - {service: m, start: 2021-10-25T11:20:00+09:00, end: 2021-10-25T12:45:00+09:00, severity: FULL, end-basis: reported}
              - {service: m, start: 2021-10-25T12:45:00+09:00, end: 2021-10-25T14:00:00+09:00, severity: PARTIAL, end-basis: assumed}
            """;

    static Incident read(String yaml, List<io.bosang.problem.Problem> problems) {
        return IncidentReader.read(new StringReader(yaml), "i.yaml", problems);
    }

    @Test
    void anIncidentNamesItsOperatorByIdAndEachWindowItsEndBasis() {
        List<Problem> problems = new ArrayList<>();
        Incident i = read(INCIDENT, problems);
        assertEquals(List.of(), problems);
        assertNotNull(i);
        assertTrue(i.operator().is("kt"));
        assertEquals("KT Corp.", i.operator().name());
        assertEquals(List.of(EndBasis.REPORTED, EndBasis.ASSUMED), i.disruptions().stream().map(d -> d.endBasis()).toList());
    }

    @Test
    void anOperatorWrittenAsANameOrWithABadIdIsAProblemAtItsLine() {
        List<Problem> problems = new ArrayList<>();
        assertNull(read(INCIDENT.replace("operator: {id: kt, name: KT Corp.}", "operator: KT Corp."), problems));
        assertTrue(problems.toString().contains("i.yaml:2: [operator] must be a mapping {id: ..., name: ...}"), problems.toString());
        problems.clear();
        assertNull(read(INCIDENT.replace("{id: kt,", "{id: KT Corp,"), problems));
        assertTrue(problems.toString().contains("i.yaml:2: [operator.id] 'KT Corp' is not an operator id"), problems.toString());
        problems.clear();
        assertNull(read(INCIDENT.replace("{id: kt, name: KT Corp.}", "{id: kt}"), problems));
        assertTrue(problems.toString().contains("[operator.name] missing required key 'name'"), problems.toString());
    }

    @Test
    void aWindowWithoutOrWithAnUnknownEndBasisIsAProblemAtItsLine() {
        List<Problem> problems = new ArrayList<>();
        assertNull(read(INCIDENT.replace(", end-basis: assumed", ""), problems));
        assertTrue(problems.toString().contains("i.yaml:9: [disruptions[1].end-basis] missing required key 'end-basis'"), problems.toString());
        problems.clear();
        assertNull(read(INCIDENT.replace("end-basis: assumed", "end-basis: guessed"), problems));
        assertTrue(problems.toString().contains("i.yaml:9: [disruptions[1].end-basis] 'guessed' is not one of reported, inferred, assumed"),
                problems.toString());
    }
}
