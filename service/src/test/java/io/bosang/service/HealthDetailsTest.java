package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Health tells anyone whether the service and each component are up, and only the admin (the bearer of
 * {@code bosang.admin-token}) the details: disk paths, the ledger's address, memory, the body budget.
 */
@Timeout(60)
class HealthDetailsTest extends ServiceTestSupport {

    HttpResponse<String> health(String path, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30)).GET();
        if (authorization != null) b.header("Authorization", authorization);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void withoutTheAdminTokenHealthShowsStatusesButNoDetails() throws Exception {
        String workingDir = Path.of("").toAbsolutePath().toString();
        for (String auth : new String[]{null, "Bearer wrong", "Bearer " + ADMIN_TOKEN + "x", "Basic " + ADMIN_TOKEN, ADMIN_TOKEN}) {
            for (String path : new String[]{"/actuator/health", "/actuator/health/diskSpace", "/actuator/health/ledger"}) {
                HttpResponse<String> r = health(path, auth);
                assertEquals(200, r.statusCode(), path + " " + r.body());
                JsonNode body = json(r);
                assertEquals("UP", body.get("status").asText(), r.body());
                assertFalse(r.body().contains("\"details\""), path + " with " + auth + ": " + r.body());
                assertFalse(r.body().contains(workingDir), path + " shows the working directory: " + r.body());
                assertFalse(r.body().contains("PostgreSQL"), path + " shows where the ledger is: " + r.body());
            }
        }
        JsonNode components = json(health("/actuator/health", null)).get("components");
        for (String c : new String[]{"diskSpace", "ledger", "policies", "memory", "requests", "assessments"}) {
            assertEquals("UP", components.path(c).path("status").asText(), c + " in " + components);
        }
    }

    @Test
    void theAdminTokenShowsTheDetails() throws Exception {
        HttpResponse<String> r = health("/actuator/health", "Bearer " + ADMIN_TOKEN);
        assertEquals(200, r.statusCode(), r.body());
        JsonNode c = json(r).get("components");
        assertTrue(c.at("/diskSpace/details/path").isTextual(), r.body());
        assertTrue(c.at("/policies/details/policies").toString().contains("kakao-1015-2022"), r.body());
        assertEquals(0, c.at("/memory/details/outOfMemoryErrors").asLong(), r.body());
        assertTrue(c.at("/requests/details/inFlightLimitBytes").asLong() > 0, r.body());
        assertTrue(c.at("/assessments/details/workers").asInt() >= 2, r.body());
        assertTrue(json(health("/actuator/health/diskSpace", "Bearer " + ADMIN_TOKEN)).at("/details/path").isTextual());
    }
}
