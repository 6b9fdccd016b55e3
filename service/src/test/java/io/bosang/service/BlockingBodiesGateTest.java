package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Uploads and forms are read by Tomcat itself, holding a thread each, so at most {@code bosang.limits.blocking-body-reads}
 * (8) are received at once: with 8 uploads trickling, the ninth is refused with a 503 JSON at once and the API's JSON
 * bodies (read without a thread) are served as usual.
 */
@Timeout(60)
class BlockingBodiesGateTest extends ServiceTestSupport {
    static final int GATE = 8;

    int inUse() throws Exception {
        HttpResponse<String> h = http.send(HttpRequest.newBuilder(uri("/actuator/health")).header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return json(h).at("/components/requests/details/blockingReadsInUse").asInt();
    }

    static String upload(int length) {
        return "POST /workbench/copies/upload HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=xyz\r\n"
                + "Content-Length: " + length + "\r\n\r\n";
    }

    @Test
    void eightTricklingUploadsHoldTheGateTheNinthIsRefusedAndTheApiIsServed() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < GATE; i++) {
                Socket s = RawHttp.open(port, 20_000);
                s.getOutputStream().write((upload(100_000) + "--xyz\r\n").getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            for (int i = 0; i < 100 && inUse() < GATE; i++) Thread.sleep(100);
            assertEquals(GATE, inUse(), "the eight uploads hold the gate");

            String part = "--xyz\r\nContent-Disposition: form-data; name=\"zip\"; filename=\"a.zip\"\r\n\r\nPK\r\n--xyz--\r\n";
            RawHttp.Response ninth = RawHttp.exchange(port, upload(part.length()) + part, 20_000);
            assertEquals(503, ninth.status(), ninth.body());
            assertTrue(ninth.header("Content-Type").startsWith("application/json"), ninth.headers().toString());
            assertTrue(ninth.body().contains("bosang.limits.blocking-body-reads"), ninth.body());
            assertEquals("1", ninth.header("Retry-After"));

            HttpResponse<String> api = post("/v1/assessments?policy=kakao-1015-2022", Files.readString(SAMPLES.resolve("one-claim.json")));
            assertEquals(200, api.statusCode(), api.body());
            JsonNode a = Json.mapper().readTree(api.body());
            assertEquals("AWARD", a.at("/assessments/0/outcome").asText());
            for (Socket s : slow) {
                OutputStream out = s.getOutputStream();
                out.write('x');
                out.flush();
            }
        } finally {
            for (Socket s : slow) s.close();   // their threads end with a read error
        }
        for (int i = 0; i < 100 && inUse() > 0; i++) Thread.sleep(100);
        assertEquals(0, inUse(), "the gate is free again once the uploads ended");
    }
}
