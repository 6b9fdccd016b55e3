package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.ledger.Ledger;
import io.bosang.ledger.StoredDecision;
import io.bosang.sample.KakaoClaimsGenerator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the ledger's fault tests share: claims, a service instance of their own, and the checks of what was stored. */
final class LedgerFaultSupport {
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();

    private LedgerFaultSupport() {
    }

    static List<String> generated(long count, long seed) throws IOException {
        StringWriter w = new StringWriter();
        KakaoClaimsGenerator.write(count, seed, w);
        return w.toString().lines().filter(l -> !l.isBlank()).toList();
    }

    /** A JSON array of these NDJSON lines; a line that is not JSON goes in as a string, so it is still one record. */
    static String array(List<String> lines) {
        List<String> elements = new ArrayList<>(lines.size());
        for (String l : lines) {
            try {
                Json.mapper().readTree(l);
                elements.add(l);
            } catch (IOException e) {
                elements.add(Json.line(l));
            }
        }
        return "[" + String.join(",", elements) + "]";
    }

    /** A service instance of its own on a free loopback port. */
    static ConfigurableApplicationContext instance(Map<String, Object> properties) {
        Map<String, Object> p = new HashMap<>(properties);
        p.putIfAbsent("server.port", "0");
        p.putIfAbsent("server.address", "127.0.0.1");
        p.putIfAbsent("bosang.watch", "false");
        p.putIfAbsent("management.endpoint.health.show-details", "always");
        // As command-line arguments: they win over application.properties (default properties would not).
        return new SpringApplicationBuilder(BosangServiceApplication.class).run(p.entrySet().stream()
                .map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext ctx) {
        return Integer.parseInt(ctx.getEnvironment().getProperty("local.server.port"));
    }

    static HttpResponse<String> post(int port, String pathAndQuery, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static HttpResponse<String> get(int port, String pathAndQuery) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return Json.mapper().readTree(r.body());
    }

    /**
     * What must hold of a ledger whatever happened to the requests: every (entitlement, unit, key) granted at most
     * once, every pool drawn as often as its lines were granted and never past its limit, decision numbers without
     * gaps, and the stored decisions byte-identical to one sequential batch run of their claims in commit order.
     *
     * @return the stored decisions
     */
    static List<StoredDecision> assertSettledOnce(Ledger ledger, Policy policy, IncidentCatalog incidents) throws IOException {
        List<StoredDecision> stored = new ArrayList<>();
        ledger.eachDecision(policy.id(), stored::add);
        Set<String> units = new HashSet<>();
        Map<String, Long> poolLines = new HashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            StoredDecision d = stored.get(i);
            assertEquals(i + 1, d.decision(), "decision numbers without gaps");
            for (JsonNode l : Json.mapper().readTree(d.assessment()).get("lines")) {
                JsonNode per = l.get("owedPer");
                String unit = per.get("entitlement").asText() + "|" + per.get("unit").asText() + "|" + per.get("key").asText() + "|" + l.get("ruleId").asText();
                assertTrue(units.add(unit), "granted twice: " + unit);
                if (l.has("quota")) poolLines.merge(l.get("quota").get("pool").asText(), 1L, Long::sum);
            }
        }
        ledger.summary(policy.id()).pools().forEach(p -> {
            assertTrue(p.drawn() <= p.limit(), p.toString());
            assertEquals(poolLines.getOrDefault(p.pool(), 0L), p.drawn(), p.pool());
        });
        List<ClaimInput> inputs = new ArrayList<>();
        String claims = String.join("\n", stored.stream().map(StoredDecision::claim).toList());
        try (ClaimSource s = ClaimSource.open(new ByteArrayInputStream(claims.getBytes(StandardCharsets.UTF_8)), new ClaimReader(incidents))) {
            s.forEachRemaining(inputs::add);
        }
        List<String> sequential = new ArrayList<>();
        new BatchAssessor(policy, 1).run(inputs.iterator(), a -> sequential.add(Json.line(a)));
        for (int i = 0; i < stored.size(); i++) assertEquals(sequential.get(i), stored.get(i).assessment(), "decision " + (i + 1));
        return stored;
    }
}
