package io.bosang.rules;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The bundled sample: every line gives one assessment, and the malformed ones in the middle name their field. */
class SampleClaimsTest {
    static final Path SAMPLE = Path.of("../samples/kakao-2022-10-15-claims.ndjson");

    @Test
    void everyRecordOfTheSampleGivesExactlyOneAssessmentUnderEveryShippedPolicy() throws Exception {
        long lines = Files.readAllLines(SAMPLE).stream().filter(l -> !l.isBlank()).count();
        for (String id : PolicyLoader.available()) {
            List<Assessment> out = new ArrayList<>();
            try (InputStream in = Files.newInputStream(SAMPLE);
                 ClaimSource claims = ClaimSource.open(in, new ClaimReader(IncidentCatalog.classpath()))) {
                new BatchAssessor(PolicyLoader.load(id), 2).run(claims, out::add);
            }
            assertEquals(lines, out.size(), id);
            assertEquals(List.of("$", "claimant.kind", "subscription.monthlyFeeKrw"), out.stream()
                    .filter(a -> a.outcome() == Outcome.REJECTED).map(a -> a.rejection().field()).toList(), id);
            assertEquals(0, out.stream().filter(a -> a.outcome() == Outcome.ERROR).count(), id + " failed on a claim");
        }
    }
}
