package io.bosang.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.sample.KakaoClaimsGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the generator writes keeps the claim contract: every claim carries seconds, and over 20,000 generated claims
 * (with their deliberately broken records) the reader and the schema, with format assertion on, give the same
 * verdict record by record, as {@link SchemaContractTest} requires of the samples and the hostile corpus.
 */
@Timeout(180)
class GeneratedClaimsContractTest {
    @BeforeAll
    static void load() throws Exception {
        SchemaContractTest.load();
    }

    private static byte[] generated(int count, long seed) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            KakaoClaimsGenerator.write(count, seed, w);
        }
        return bytes.toByteArray();
    }

    @Test
    void everyClaimTheGeneratorWritesCarriesSeconds() throws Exception {
        long checked = 0;
        for (String line : new String(generated(2_000, 7), StandardCharsets.UTF_8).split("\n")) {
            JsonNode node;
            try {
                node = Json.mapper().readTree(line);
            } catch (Exception e) {
                continue; // the generator's deliberately broken JSON
            }
            if (node.has("filedAt")) {
                assertTrue(node.get("filedAt").asText().matches(InputLimits.DATE_TIME_PATTERN), line);
                checked++;
            }
        }
        assertTrue(checked > 1_900, checked + " claims with filedAt");
    }

    @Test
    void readerAndSchemaGiveTheSameVerdictOnTwentyThousandGeneratedClaims() throws Exception {
        SchemaContractTest.Verdicts v = new SchemaContractTest.Verdicts();
        v.ndjson(generated(20_000, 20221015));
        assertTrue(v.accepted > 15_000, v.toString());
        assertTrue(v.notJson > 50, v.toString());
    }
}
