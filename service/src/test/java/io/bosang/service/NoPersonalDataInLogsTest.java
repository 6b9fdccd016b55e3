package io.bosang.service;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.http.HttpResponse;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Claims carry personal data: no claimant id, claim id or claim value may reach the logs, on success or on any error
 * path, even with Spring's web logging at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class NoPersonalDataInLogsTest extends ServiceTestSupport {
    static final String CLAIMANT = "CLAIMANT-PRIVATE-7731";
    static final String CLAIM = "CLAIM-PRIVATE-7731";
    static final String BAD_VALUE = "KIND-PRIVATE-7731";

    @Autowired
    LoggingSystem logging;

    @AfterEach
    void quiet() {
        logging.setLogLevel("org.springframework.web", null);
        logging.setLogLevel("io.bosang", null);
    }

    @Test
    void requestsAndTheirErrorsLeaveNoClaimDataInTheLogs(CapturedOutput output) throws Exception {
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
        logging.setLogLevel("io.bosang", LogLevel.DEBUG);
        String claim = Files.readString(SAMPLES.resolve("one-claim.json")).replace("U-0009", CLAIMANT).replace("K-0009", CLAIM);
        String badKind = claim.replace("\"kind\": \"CONSUMER\"", "\"kind\": \"" + BAD_VALUE + "\"");

        HttpResponse<String> ok = post("/v1/assessments?policy=kakao-1015-2022", claim);
        assertEquals(200, ok.statusCode(), ok.body());
        assertTrue(ok.body().contains(CLAIM), "the client does get its claim back");
        HttpResponse<String> single = post("/v1/assessments?policy=kakao-1015-2022", badKind);
        assertEquals(400, single.statusCode(), single.body());
        assertTrue(single.body().contains(BAD_VALUE), "the reason quotes the value to the client");
        HttpResponse<String> batch = post("/v1/assessments?policy=content-user-protection", "[" + claim + "," + badKind + "," + claim + "]");
        assertEquals(200, batch.statusCode(), batch.body());
        assertEquals(200, post("/v1/comparisons?policies=kakao-1015-2022,content-user-protection", "[" + claim + "]").statusCode());
        assertEquals(400, post("/v1/assessments?policy=kakao-1015-2022", "{\"id\":\"" + CLAIM + "\", \"claimant\": {\"id\": \"" + CLAIMANT + "\"").statusCode());
        assertEquals(404, post("/v1/assessments?policy=nope", claim).statusCode());

        // The ledger: a decision, a replay, a conflict (409 quoting the id to the client), and reads by claim and claimant id.
        String ledgerClaim = claim.replace(CLAIM, CLAIM + "-L");
        assertEquals(200, post("/v1/claims?policy=kakao-1015-2022", ledgerClaim).statusCode());
        assertEquals(200, post("/v1/claims?policy=kakao-1015-2022", "[" + ledgerClaim + "," + badKind + "]").statusCode());
        HttpResponse<String> conflict = post("/v1/claims?policy=kakao-1015-2022", ledgerClaim.replace("4900", "5900"));
        assertEquals(409, conflict.statusCode(), conflict.body());
        assertTrue(conflict.body().contains(CLAIM), "the client is told which claim");
        assertEquals(200, get("/v1/claims/" + CLAIM + "-L").statusCode());
        assertEquals(200, get("/v1/claimants/" + CLAIMANT + "/entitlements").statusCode());
        assertEquals(404, get("/v1/claimants/" + CLAIMANT + "-NONE/entitlements").statusCode());

        String logs = output.getAll();
        assertTrue(logs.contains("records recorded, by status"), "the service's own log was captured at DEBUG:\n" + logs);
        for (String secret : new String[]{CLAIMANT, CLAIM, BAD_VALUE, "webtoon-pass"}) {
            assertFalse(logs.contains(secret), secret + " appears in the logs:\n" + logs);
        }
    }

    @Test
    void theWorkbenchsFormsAndUploadsLeaveNoClaimDataInTheLogs(CapturedOutput output) throws Exception {
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
        logging.setLogLevel("io.bosang", LogLevel.DEBUG);
        String claim = Files.readString(SAMPLES.resolve("one-claim.json")).replace("U-0009", CLAIMANT).replace("K-0009", CLAIM);
        String form = "policy=kakao-1015-2022&mode=form&id=" + CLAIM + "&incident=kakao-2022-10-15&service=kakao-webtoon&claimantId=" + CLAIMANT
                + "&claimantKind=CONSUMER&phoneCountry=KR&harm=SERVICE_UNAVAILABLE&filedAt=2022-10-25T10:00:00%2B09:00&plan=webtoon-pass"
                + "&monthlyFeeKrw=4900&billing=DIRECT&subscriptionStart=2022-10-01T00:00:00%2B09:00";
        assertEquals(200, post("/try", form, "Content-Type", "application/x-www-form-urlencoded").statusCode());
        assertEquals(200, post("/try", form.replace("CONSUMER", BAD_VALUE), "Content-Type", "application/x-www-form-urlencoded").statusCode());
        assertEquals(200, post("/try", "policy=kakao-1015-2022&mode=json&json=" + java.net.URLEncoder.encode(claim.replace("\"harm\"", "\"" + BAD_VALUE + "\""),
                java.nio.charset.StandardCharsets.UTF_8), "Content-Type", "application/x-www-form-urlencoded").statusCode());
        Multipart upload = new Multipart().field("policies", "kakao-1015-2022").field("policies", "content-user-protection")
                .field("corpus", "upload").file("claims", CLAIM + ".ndjson", (claim.replace("\n", " ") + "\n{\"id\": \"" + BAD_VALUE + "\"}\n").getBytes());
        var compared = http.send(java.net.http.HttpRequest.newBuilder(uri("/compare")).header("Content-Type", upload.contentType())
                .POST(upload.body()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(302, compared.statusCode(), compared.body());
        Multipart zip = new Multipart().file("zip", CLAIM + ".zip", ("not a zip " + CLAIMANT).getBytes());
        var refused = http.send(java.net.http.HttpRequest.newBuilder(uri("/workbench/copies/upload")).header("Content-Type", zip.contentType())
                .POST(zip.body()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode());
        String job = compared.headers().firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
        for (int i = 0; i < 120 && !get(job + "/progress").body().contains("\"finished\":true"); i++) Thread.sleep(500);
        assertTrue(get(job).body().contains(CLAIM), "the page shows the claims to the one who uploaded them");

        String logs = output.getAll();
        // The dispatcher's DEBUG log is pinned to INFO (it prints paths, and the ledger's paths carry ids); the rest of
        // Spring's web logging is at DEBUG here, and must be seen to be.
        assertTrue(logs.contains(" DEBUG ") && logs.contains("o.s.w."), "the web log was captured at DEBUG:\n" + logs);
        for (String secret : new String[]{CLAIMANT, CLAIM, BAD_VALUE, "webtoon-pass"}) {
            assertFalse(logs.contains(secret), secret + " appears in the logs:\n" + logs);
        }
    }
}
