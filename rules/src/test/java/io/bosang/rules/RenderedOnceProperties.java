package io.bosang.rules;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.result.Assessment;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The law: a line written with sources and parameter values rendered once is byte-for-byte the line the plain mapper
 * writes, as a String and as UTF-8 bytes, for every shipped policy on a generated Kakao corpus (duplicates, small
 * businesses, broken records included), and a pretty-printed record is still indented throughout.
 */
class RenderedOnceProperties {
    @Test
    void everyLineOfEveryPolicyIsTheBytesThePlainMapperWrites() throws Exception {
        byte[] corpus = KakaoCorpusTest.corpus(3_000, 77).getBytes(StandardCharsets.UTF_8);
        int withSources = 0;
        int withParameters = 0;
        for (String id : PolicyLoader.available()) {
            Policy policy = PolicyLoader.load(id);
            List<Assessment> out = new ArrayList<>();
            try (ClaimSource claims = ClaimSource.open(new ByteArrayInputStream(corpus), new ClaimReader(IncidentCatalog.classpath()))) {
                new BatchAssessor(policy, 2).run(claims.deferred(), a -> null, (a, r) -> out.add(a), n -> { });
            }
            assertEquals(3_000, out.size(), id);
            for (Assessment a : out) {
                String plain = Json.mapper().writeValueAsString(a);
                assertEquals(plain, Json.line(a), id + " " + a.claimId());
                assertArrayEquals(plain.getBytes(StandardCharsets.UTF_8), Json.lineBytes(a), id + " " + a.claimId());
                if (!a.sources().isEmpty()) withSources++;
                if (a.lines().stream().anyMatch(l -> !l.parameters().isEmpty())) withParameters++;
            }
        }
        // Not vacuous: the cached types were written, many times over.
        assertTrue(withSources > 10_000, "records with sources: " + withSources);
        assertTrue(withParameters > 2_000, "records with parameter values: " + withParameters);
    }

    @Test
    void aPrettyRecordIsIndentedInsideItsSourcesToo() throws Exception {
        Policy policy = PolicyLoader.load("kakao-1015-2022");
        byte[] corpus = KakaoCorpusTest.corpus(50, 3).getBytes(StandardCharsets.UTF_8);
        List<Assessment> out = new ArrayList<>();
        try (ClaimSource claims = ClaimSource.open(new ByteArrayInputStream(corpus), new ClaimReader(IncidentCatalog.classpath()))) {
            new BatchAssessor(policy, 1).run(claims.deferred(), a -> null, (a, r) -> out.add(a), n -> { });
        }
        Assessment withSources = out.stream().filter(a -> !a.sources().isEmpty()).findFirst().orElseThrow();
        Json.line(withSources); // the cache now holds this record's sources
        String pretty = Json.pretty(withSources);
        assertEquals(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(withSources), pretty);
        assertTrue(pretty.contains("\n    \"id\" : \"" + withSources.sources().get(0).id() + "\""), pretty);
    }
}
