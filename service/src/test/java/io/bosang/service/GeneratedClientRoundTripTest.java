package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bosang.client.ApiClient;
import io.bosang.client.api.AssessmentsApi;
import io.bosang.client.api.LedgerApi;
import io.bosang.client.model.AssessmentsResponse;
import io.bosang.client.model.Claim;
import io.bosang.client.model.RecordedResponse;
import io.bosang.client.model.StoredDecision;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.PolicyRegistry;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.result.Assessment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Java client generated from the OpenAPI document (by openapi-generator, before the tests) round-trips every sample
 * claim of {@code samples/*.ndjson} through the running service: read into the generated {@code Claim} model, sent
 * as typed requests, answered as typed responses whose assessments are the library's.
 */
class GeneratedClientRoundTripTest extends ServiceTestSupport {
    @Autowired
    PolicyRegistry registry;
    @Autowired
    IncidentCatalog incidents;

    @Test
    void theSampleClaimsRoundTripThroughTheGeneratedClient() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
        ObjectMapper mapper = client.getObjectMapper();
        List<String> valid = new ArrayList<>();
        List<Claim> typed = new ArrayList<>();
        int unreadable = 0;
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(f -> f.toString().endsWith(".ndjson")).sorted().toList();
        }
        for (Path f : samples) {
            for (String line : Files.readAllLines(f)) {
                if (line.isBlank()) continue;
                try {
                    typed.add(mapper.readValue(line, Claim.class));
                    valid.add(line);
                } catch (Exception e) {
                    unreadable++;   // the samples' broken JSON on purpose
                }
            }
        }
        assertTrue(typed.size() >= 35, "most samples fit the generated model: " + typed.size());
        assertTrue(unreadable <= 3, unreadable + " sample lines did not fit the generated model");
        for (int i = 0; i < typed.size(); i++) {
            assertEquals(Json.mapper().readTree(valid.get(i)), Json.mapper().readTree(mapper.writeValueAsString(typed.get(i))),
                    "the generated model keeps every field of " + typed.get(i).getId());
        }

        // Stateless: the typed answer is the library's assessment of the same claims.
        AssessmentsResponse answered = new AssessmentsApi(client).assess("kakao-1015-2022", typed);
        List<Assessment> expected = new ArrayList<>();
        try (ClaimSource s = ClaimSource.open(new ByteArrayInputStream(String.join("\n", valid).getBytes(StandardCharsets.UTF_8)), new ClaimReader(incidents))) {
            new BatchAssessor(registry.current("kakao-1015-2022"), 1).run(s, expected::add);
        }
        assertEquals(expected.size(), answered.getAssessments().size());
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = Json.mapper().readTree(Json.line(expected.get(i)));
            JsonNode got = Json.mapper().readTree(mapper.writeValueAsString(answered.getAssessments().get(i)));
            assertEquals(want.get("outcome"), got.get("outcome"), "record " + (i + 1));
            assertEquals(want.get("totals"), got.get("totals"), "record " + (i + 1));
            assertEquals(want.get("lines").size(), got.get("lines").size(), "record " + (i + 1));
        }

        // The ledger: recorded once, replayed, read back as typed decisions holding the claim as sent.
        List<Claim> own = new ArrayList<>();
        for (Claim c : typed) own.add(mapper.readValue(mapper.writeValueAsString(c), Claim.class).id("GC-" + c.getId()));
        LedgerApi ledger = new LedgerApi(client);
        RecordedResponse first = ledger.record("kakao-1015-2022", own);
        RecordedResponse again = ledger.record("kakao-1015-2022", own);
        assertEquals(own.size(), first.getResults().size());
        for (int i = 0; i < own.size(); i++) {
            boolean rejected = expected.get(i).outcome() == io.bosang.result.Outcome.REJECTED;   // fits the model, breaks a rule of the reader
            assertEquals(rejected ? "REJECTED" : "DECIDED", first.getResults().get(i).getStatus().getValue(), own.get(i).getId());
            assertEquals(rejected ? "REJECTED" : "REPLAY", again.getResults().get(i).getStatus().getValue());
            if (!rejected) assertEquals(first.getResults().get(i).getAssessment(), again.getResults().get(i).getAssessment());
        }
        StoredDecision stored = ledger.claim(own.get(0).getId(), "kakao-1015-2022").get(0);
        assertEquals(own.get(0), stored.getClaim(), "the claim as received, typed");
        assertEquals(first.getResults().get(0).getAssessment(), stored.getAssessment());
    }
}
