package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyRegistry;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.result.Assessment;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.*;

/** Every endpoint over loopback with the bundled sample claims. */
class ServiceEndpointsTest extends ServiceTestSupport {
    @Autowired
    PolicyRegistry registry;
    @Autowired
    IncidentCatalog incidents;

    @Test
    void theBundledOneClaimSampleGetsItsAwardWithThePolicyStamp() throws Exception {
        HttpResponse<String> r = post("/v1/assessments?policy=kakao-1015-2022", Files.readString(SAMPLES.resolve("one-claim.json")));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        Policy policy = registry.current("kakao-1015-2022");
        assertEquals(policy.contentHash(), body.at("/policy/contentHash").asText());
        assertEquals(policy.version(), body.at("/policy/version").asText());
        assertEquals(1, body.get("records").asInt());
        JsonNode a = body.get("assessments").get(0);
        assertEquals("K-0009", a.get("claimId").asText());
        assertEquals("AWARD", a.get("outcome").asText());
        assertEquals(body.get("policy"), a.get("policy"), "each assessment names the version that produced it");
        assertEquals("PT72H", a.at("/totals/extension").asText());
    }

    @Test
    void aBatchOfTheWholeSampleAnswersEveryRecordInOrderAsTheLibraryDoes() throws Exception {
        List<String> lines = sampleLines();
        List<String> elements = new ArrayList<>();
        for (String l : lines) {
            boolean parses;
            try {
                Json.mapper().readTree(l);
                parses = true;
            } catch (Exception e) {
                parses = false;
            }
            elements.add(parses ? l : Json.line(l)); // the malformed line goes in as a string: still one record
        }
        HttpResponse<String> r = post("/v1/assessments?policy=content-user-protection", "[" + String.join(",", elements) + "]");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode got = json(r).get("assessments");
        assertEquals(40, got.size());

        Policy policy = registry.current("content-user-protection");
        List<Assessment> expected = new ArrayList<>();
        try (InputStream in = Files.newInputStream(SAMPLES.resolve("kakao-2022-10-15-claims.ndjson"));
             ClaimSource claims = ClaimSource.open(in, new ClaimReader(incidents))) {
            new BatchAssessor(policy, 1).run(claims, expected::add);
        }
        for (int i = 0; i < 40; i++) {
            JsonNode want = Json.mapper().readTree(Json.line(expected.get(i)));
            JsonNode have = got.get(i);
            assertEquals(i + 1, have.get("record").asInt());
            if (want.get("outcome").asText().equals("REJECTED")) {
                assertEquals("REJECTED", have.get("outcome").asText(), "record " + (i + 1));
                assertEquals(want.at("/claimId"), have.at("/claimId"));
            } else {
                assertEquals(want, have, "record " + (i + 1) + " differs from the library's assessment");
            }
        }
        assertEquals("claimant.kind", got.get(27).at("/rejection/field").asText(), got.get(27).toString());
    }

    @Test
    void aSingleMalformedClaimIsA400NamingTheField() throws Exception {
        String claim = Files.readString(SAMPLES.resolve("one-claim.json")).replace("\"monthlyFeeKrw\": 4900", "\"monthlyFeeKrw\": 4900.5");
        HttpResponse<String> r = post("/v1/assessments?policy=kakao-1015-2022", claim);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("subscription.monthlyFeeKrw", json(r).get("field").asText());
        assertTrue(json(r).get("reason").asText().contains("whole number"), r.body());
        assertEquals(Set.of("field", "reason"), fieldNames(json(r)));
    }

    @Test
    void requestLevelErrorsAreFieldLevelJson() throws Exception {
        String one = Files.readString(SAMPLES.resolve("one-claim.json"));
        assertError(post("/v1/assessments?policy=nope", one), 404, "policy");
        assertError(post("/v1/assessments", one), 400, "policy");
        assertError(post("/v1/assessments?policy=kakao-1015-2022", "{\"id\": "), 400, "$");
        assertError(post("/v1/assessments?policy=kakao-1015-2022", "42"), 400, "$");
        assertError(post("/v1/assessments?policy=kakao-1015-2022", ""), 400, "$");
        assertError(post("/v1/assessments?policy=kakao-1015-2022", one, "Content-Type", "text/plain"), 415, "Content-Type");

        String tooMany = "[" + String.join(",", java.util.Collections.nCopies(MAX_BATCH + 1, one)) + "]";
        HttpResponse<String> r = assertError(post("/v1/assessments?policy=kakao-1015-2022", tooMany), 400, "$");
        assertTrue(json(r).get("reason").asText().contains("at most " + MAX_BATCH), r.body());

        String padding = " ".repeat((int) MAX_BYTES);
        r = assertError(post("/v1/assessments?policy=kakao-1015-2022", one + padding), 413, "$");
        assertTrue(json(r).get("reason").asText().contains("bosang.max-request-bytes"), r.body());

        assertError(post("/v1/comparisons?policies=kakao-1015-2022", one), 400, "policies");
    }

    @Test
    void comparisonsPutEachPolicySideBySideWithTheLargestAndSmallest() throws Exception {
        List<String> lines = sampleLines();
        String batch = "[" + lines.get(0) + "," + lines.get(8) + "," + lines.get(27) + "]";
        HttpResponse<String> r = post("/v1/comparisons?policies=kakao-1015-2022,content-user-protection", batch);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(3, body.get("records").asInt());
        assertEquals("kakao-1015-2022", body.at("/policies/0/id").asText());
        assertEquals(registry.current("content-user-protection").contentHash(), body.at("/policies/1/contentHash").asText());

        JsonNode free = body.at("/claims/0");
        assertEquals("K-0001", free.get("claimId").asText());
        assertEquals("kakao-1015-2022", free.at("/largest/policy").asText());
        assertEquals("content-user-protection", free.at("/smallest/policy").asText());
        assertEquals(0, free.at("/smallest/valueKrw").asLong());
        assertEquals(2, free.get("assessments").size());
        assertEquals("content-user-protection", free.at("/assessments/1/policy/id").asText());
        assertTrue(free.get("why").asText().startsWith("kakao-1015-2022 gives 13,200 KRW by K1015-FREE-01"), free.toString());
        assertEquals(2, body.get("totals").size());
        assertEquals(13_200 + 3_000, body.at("/totals/0/valueKrw").asLong());

        JsonNode webtoon = body.at("/claims/1");
        assertEquals("kakao-1015-2022", webtoon.at("/largest/policy").asText());
        assertEquals("PT46H30M", webtoon.at("/assessments/1/totals/extension").asText());

        JsonNode rejected = body.at("/claims/2");
        assertTrue(rejected.path("largest").isMissingNode(), rejected.toString());
        assertEquals("REJECTED", rejected.at("/assessments/0/outcome").asText());
    }

    @Test
    void policiesNameTheirVersionsAndHashes() throws Exception {
        HttpResponse<String> r = get("/v1/policies");
        assertEquals(200, r.statusCode(), r.body());
        Set<String> ids = new TreeSet<>();
        for (JsonNode p : json(r)) {
            ids.add(p.get("id").asText());
            assertEquals(registry.current(p.get("id").asText()).contentHash(), p.get("contentHash").asText());
            assertFalse(p.get("title").asText().isBlank());
            assertFalse(p.get("version").asText().isBlank());
        }
        assertEquals(new TreeSet<>(io.bosang.engine.PolicyLoader.available()), ids, "every shipped policy is served");
    }

    @Test
    void reloadNeedsTheAdminTokenAndRefusesABrokenEditWith422() throws Exception {
        String before = registry.current("content-user-protection").contentHash();
        assertError(post("/v1/policies/content-user-protection/reload", ""), 401, "Authorization");
        assertError(reload("no-such-policy"), 404, "id");
        assertError(reload(".."), 404, "id");

        HttpResponse<String> ok = reload("content-user-protection");
        assertEquals(200, ok.statusCode(), ok.body());
        assertFalse(json(ok).get("changed").asBoolean(), "the copy equals the shipped content");
        assertEquals(before, json(ok).at("/current/contentHash").asText());

        Path drl = CUP.resolve("extension.drl");
        try {
            Files.writeString(drl, Files.readString(drl).replace("Incident( fault.operatorAttributable() )", "Incident( fault.operatorAttributable() ))"));
            HttpResponse<String> bad = reload("content-user-protection");
            assertEquals(422, bad.statusCode(), bad.body());
            JsonNode b = json(bad);
            assertFalse(b.get("accepted").asBoolean());
            assertEquals(before, b.at("/current/contentHash").asText(), "the old version keeps serving");
            boolean located = false;
            for (JsonNode p : b.get("problems")) located |= p.get("file").asText().equals("extension.drl") && p.get("line").asInt() > 0;
            assertTrue(located, "a problem names the file and line: " + bad.body());
            assertEquals(before, registry.current("content-user-protection").contentHash());
        } finally {
            restoreCup();
            assertEquals(200, reload("content-user-protection").statusCode());
        }
    }

    @Test
    void healthMetricsAndOpenApiAreServed() throws Exception {
        post("/v1/assessments?policy=kakao-1015-2022", Files.readString(SAMPLES.resolve("one-claim.json")));
        HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(uri("/actuator/health")).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET().build(), HttpResponse.BodyHandlers.ofString());   // details are the admin's (HealthDetailsTest)
        assertEquals(200, health.statusCode(), health.body());
        assertEquals("UP", json(health).get("status").asText());
        assertTrue(json(health).at("/components/policies/details/policies").toString().contains("kakao-1015-2022"), health.body());

        HttpResponse<String> assessed = get("/actuator/metrics/bosang.claims.assessed");
        assertEquals(200, assessed.statusCode(), assessed.body());
        assertTrue(json(assessed).at("/measurements/0/value").asDouble() >= 1, assessed.body());

        HttpResponse<String> api = get("/v3/api-docs");
        assertEquals(200, api.statusCode(), api.body());
        JsonNode paths = json(api).get("paths");
        for (String p : List.of("/v1/assessments", "/v1/comparisons", "/v1/policies", "/v1/policies/{id}/reload")) {
            assertTrue(paths.has(p), p + " missing from " + paths.fieldNames());
        }
    }

    @Test
    void onlyOneJacksonVersionIsOnTheClassPath() {
        String core = com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString();
        assertEquals(core, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString());
        assertEquals(core, com.fasterxml.jackson.datatype.jsr310.PackageVersion.VERSION.toString());
        assertEquals(core, com.fasterxml.jackson.dataformat.yaml.PackageVersion.VERSION.toString());
        assertEquals(core, com.fasterxml.jackson.datatype.jdk8.PackageVersion.VERSION.toString());
        assertEquals(core, com.fasterxml.jackson.module.paramnames.PackageVersion.VERSION.toString());
    }

    private HttpResponse<String> assertError(HttpResponse<String> r, int status, String field) {
        assertEquals(status, r.statusCode(), r.body());
        JsonNode b = json(r);
        assertEquals(field, b.path("field").asText(), r.body());
        assertFalse(b.path("reason").asText().isBlank(), r.body());
        return r;
    }

    private static Set<String> fieldNames(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
