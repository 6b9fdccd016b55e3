package io.bosang.rules;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;
import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An analyst's working copy with a DRL typo and a bad parameter date fails with one error listing both, with file
 * and line; the shipped policy goes on working in the same process.
 */
class BrokenPolicyCopyTest {
    static final Path SHIPPED = Path.of("src/main/resources/policies/content-user-protection");

    @Test
    void aTypoAndABadDateAreReportedTogetherAndTheShippedPolicyStillWorks(@TempDir Path tmp) throws Exception {
        Path copy = tmp.resolve("content-user-protection");
        try (Stream<Path> files = Files.walk(SHIPPED)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(SHIPPED.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        Path drl = copy.resolve("extension.drl");
        Files.writeString(drl, Files.readString(drl).replace("Incident( fault.operatorAttributable() )", "Incident( fault.operatorAttributable() ))"));
        Path param = copy.resolve("parameters/no_notice_multiplier.yaml");
        Files.writeString(param, Files.readString(param).replace("2012-01-01:", "2012-01-32:"));

        PolicyBuildException e = assertThrows(PolicyBuildException.class, () -> PolicyLoader.load(copy));
        List<Problem> problems = e.problems();
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("extension.drl") && p.line() > 0), e.getMessage());
        assertTrue(problems.stream().anyMatch(p -> p.file().equals("parameters/no_notice_multiplier.yaml") && p.line() == 10
                && p.key().equals("values.2012-01-32") && p.message().contains("not a date")), e.getMessage());

        Policy shipped = PolicyLoader.load("content-user-protection");
        List<Assessment> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(Path.of("../samples/kakao-2022-10-15-claims.ndjson"));
             ClaimSource claims = ClaimSource.open(in, new ClaimReader(IncidentCatalog.classpath()))) {
            claims.forEachRemaining(c -> out.add(c.valid() ? shipped.assess(c.claim(), c.record()) : null));
        }
        assertEquals(40, out.size());
        assertEquals(Outcome.AWARD, out.get(8).outcome());
    }
}
