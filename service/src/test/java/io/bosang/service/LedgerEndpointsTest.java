package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ledger's endpoints over loopback, on the embedded ledger of the shared test context. */
class LedgerEndpointsTest extends ServiceTestSupport {
    static String oneClaim(String id, String claimant) throws Exception {
        return Files.readString(SAMPLES.resolve("one-claim.json")).replace("K-0009", id).replace("U-0009", claimant);
    }

    @Test
    void theSameClaimPostedTwiceIsOneGrantAndOneReplayAndCanBeReadBack() throws Exception {
        String claim = oneClaim("LE-1", "LE-U1");
        HttpResponse<String> first = post("/v1/claims?policy=kakao-1015-2022", claim);
        assertEquals(200, first.statusCode(), first.body());
        JsonNode r1 = json(first).get("results").get(0);
        assertEquals("DECIDED", r1.get("status").asText());
        assertFalse(r1.get("replay").asBoolean());
        assertEquals("AWARD", r1.at("/assessment/outcome").asText());

        HttpResponse<String> second = post("/v1/claims?policy=kakao-1015-2022", claim);
        JsonNode r2 = json(second).get("results").get(0);
        assertEquals("REPLAY", r2.get("status").asText());
        assertTrue(r2.get("replay").asBoolean());
        assertEquals(r1.get("assessment"), r2.get("assessment"), "the stored decision, never a second grant");
        assertEquals(r1.get("decision"), r2.get("decision"));

        HttpResponse<String> read = get("/v1/claims/le-1");
        assertEquals(200, read.statusCode(), read.body());
        JsonNode stored = json(read).get(0);
        assertEquals("kakao-1015-2022", stored.get("policyId").asText());
        assertEquals(r1.get("assessment"), stored.get("assessment"));
        assertEquals("LE-U1", stored.at("/claim/claimant/id").asText(), "the claim as received");
        assertEquals(r1.get("decidedBy"), stored.get("decidedBy"));

        HttpResponse<String> ents = get("/v1/claimants/LE-U1/entitlements");
        assertEquals(200, ents.statusCode(), ents.body());
        assertEquals("LE-1", json(ents).at("/decisions/0/claimId").asText());
        assertTrue(json(ents).at("/decisions/0/lines").size() > 0);

        HttpResponse<String> summary = get("/v1/ledger/summary?policy=kakao-1015-2022");
        assertEquals(200, summary.statusCode(), summary.body());
        assertTrue(json(summary).get("decisions").asLong() >= 1);
        assertTrue(json(summary).get("monetaryKrw").asLong() >= 3000);

        assertEquals(404, get("/v1/claims/NO-SUCH-CLAIM").statusCode());
        assertEquals(404, get("/v1/claimants/NO-SUCH-CLAIMANT/entitlements").statusCode());
    }

    @Test
    void theSameIdWithOtherContentIsA409NamingTheFieldAndABatchMarksItAConflict() throws Exception {
        String claim = oneClaim("LE-2", "LE-U2");
        assertEquals(200, post("/v1/claims?policy=kakao-1015-2022", claim).statusCode());
        String changed = claim.replace("4900", "9900");
        HttpResponse<String> single = post("/v1/claims?policy=kakao-1015-2022", changed);
        assertEquals(409, single.statusCode(), single.body());
        assertEquals("subscription.monthlyFeeKrw", json(single).get("field").asText());
        assertTrue(json(single).get("reason").asText().contains("LE-2"), single.body());

        HttpResponse<String> batch = post("/v1/claims?policy=kakao-1015-2022", "[" + changed + "," + oneClaim("LE-3", "LE-U3") + ", 42]");
        assertEquals(200, batch.statusCode(), batch.body());
        JsonNode results = json(batch).get("results");
        assertEquals("CONFLICT", results.get(0).get("status").asText());
        assertEquals("subscription.monthlyFeeKrw", results.get(0).get("differingFields").get(0).asText());
        assertEquals("DECIDED", results.get(1).get("status").asText());
        assertEquals("REJECTED", results.get(2).get("status").asText());
        assertEquals(1, json(batch).at("/statuses/CONFLICT").asInt());
    }

    @Test
    void anAdminReassessesExportsAndErases() throws Exception {
        assertEquals(200, post("/v1/claims?policy=kakao-1015-2022", oneClaim("LE-4", "LE-U4")).statusCode());
        assertEquals(401, post("/v1/ledger/reassessments?policy=kakao-1015-2022", "").statusCode());
        HttpResponse<String> r = post("/v1/ledger/reassessments?policy=kakao-1015-2022", "", "Authorization", "Bearer " + ADMIN_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        assertEquals(0, json(r).get("topUps").asLong(), "the same version owes nothing more");
        assertTrue(json(r).get("claims").asLong() >= 1);
        HttpResponse<String> csv = post("/v1/ledger/reassessments?policy=kakao-1015-2022&format=csv", "", "Authorization", "Bearer " + ADMIN_TOKEN);
        assertEquals(200, csv.statusCode());
        assertTrue(csv.body().startsWith("action,claimant,unit,"), csv.body());

        HttpResponse<String> export = http.send(java.net.http.HttpRequest.newBuilder(uri("/v1/claimants/LE-U4/export"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, export.statusCode(), export.body());
        assertTrue(export.body().contains("LE-U4"));
        HttpResponse<String> erase = http.send(java.net.http.HttpRequest.newBuilder(uri("/v1/claimants/LE-U4"))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, erase.statusCode(), erase.body());
        assertEquals(1, json(erase).get("decisions").asLong());
        JsonNode after = json(get("/v1/claims/LE-4")).get(0);
        assertTrue(after.get("claim").isNull() && after.get("assessment").isNull(), after.toString());
    }

    @Test
    void theOpenApiDocumentTypesClaimsAndAssessmentsByTheProjectsSchemas() throws Exception {
        JsonNode api = json(get("/v3/api-docs"));
        assertTrue(api.get("openapi").asText().startsWith("3.1"), api.get("openapi").asText());
        JsonNode schemas = api.at("/components/schemas");
        for (String s : new String[]{"Claim", "Claim_claimant", "Claim_subscription", "Assessment", "Assessment_line", "ClaimOrBatch", "Recorded"}) {
            assertTrue(schemas.has(s), s + " missing");
        }
        assertEquals("#/components/schemas/Claim_claimant", schemas.at("/Claim/properties/claimant/$ref").asText());
        assertEquals("#/components/schemas/Assessment", schemas.at("/Recorded/properties/assessment/$ref").asText());
        for (String path : new String[]{"/v1/claims", "/v1/assessments"}) {
            assertEquals("#/components/schemas/ClaimOrBatch",
                    api.at("/paths/" + path.replace("/", "~1") + "/post/requestBody/content/application~1json/schema/$ref").asText(), path);
        }
        for (String p : new String[]{"/v1/claims/{id}", "/v1/claimants/{id}/entitlements", "/v1/ledger/summary", "/v1/ledger/reassessments"}) {
            assertTrue(api.get("paths").has(p), p);
        }
    }
}
