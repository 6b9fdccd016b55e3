package io.bosang.rules;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.report.ExposureSummary;
import io.bosang.result.Outcome;
import io.bosang.result.RunStats;
import io.bosang.sample.KakaoClaimsGenerator;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The full-size demo: Kakao received 105,116 reports (FACTS 2.4); a generated corpus of that size runs through. */
class KakaoCorpusTest {
    static String corpus(long count, long seed) throws Exception {
        StringWriter w = new StringWriter();
        KakaoClaimsGenerator.write(count, seed, w);
        return w.toString();
    }

    @Test
    void theGeneratorIsDeterministicForASeed() throws Exception {
        assertEquals(corpus(2_000, 7), corpus(2_000, 7));
        assertNotEquals(corpus(2_000, 7), corpus(2_000, 8));
        assertEquals(2_000, corpus(2_000, 7).lines().count());
    }

    @Test
    void aCorpusOfKakaosSizeGivesOneAssessmentPerRecordAndTheCountsAddUp() throws Exception {
        byte[] bytes = corpus(105_116, 1015).getBytes(StandardCharsets.UTF_8);
        ExposureSummary exposure = new ExposureSummary();
        RunStats stats;
        try (ClaimSource claims = ClaimSource.open(new ByteArrayInputStream(bytes), new ClaimReader(IncidentCatalog.classpath()))) {
            stats = new BatchAssessor(PolicyLoader.load("kakao-1015-2022"), 2).run(claims, exposure);
        }
        ExposureSummary.Report r = exposure.report();
        assertEquals(105_116, stats.records());
        assertEquals(105_116, r.outcomes().values().stream().mapToLong(Long::longValue).sum());
        assertEquals(0, stats.count(Outcome.ERROR), "no rule failed on any generated claim");
        assertEquals(stats.monetaryKrw(), r.monetaryKrw());
        assertEquals(r.monetaryKrw(), r.byRule().values().stream().mapToLong(v -> v.monetaryKrw()).sum(), "rules sum to the total");
        assertEquals(r.nominalInKindKrw(), r.byKind().values().stream().mapToLong(v -> v.nominalInKindKrw()).sum());
        long rejected = stats.count(Outcome.REJECTED);
        assertTrue(rejected > 500 && rejected < 1_500, "about 1% bad records on purpose: " + rejected);
        assertTrue(r.findingCodes().getOrDefault("DUPLICATE_CLAIM", 0L) > 0, "duplicates are caught");
        assertEquals(stats.count(Outcome.MANUAL_REVIEW), r.manualReviewQueue());
    }
}
