package io.bosang.service;

import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.ledger.EmbeddedLedgerServer;
import io.bosang.ledger.Ledger;
import io.bosang.ledger.LedgerSettings;
import io.bosang.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ledger's database stops while requests arrive: they fail with 503 and a body that says what happened, nothing
 * of them is written, and once the database is back the same service answers again without being restarted.
 */
class LedgerDatabaseDownTest {
    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void requestsGet503WhileTheDatabaseIsDownAndTheServiceRecoversByItself(@TempDir Path tmp) throws Exception {
        int pgPort = freePort();
        Path pgDir = tmp.resolve("pg");
        EmbeddedLedgerServer pg = EmbeddedLedgerServer.start(pgDir, pgPort);
        String url = pg.createDatabase("down");
        List<String> lines = LedgerFaultSupport.generated(400, 3);
        int batch = 20;
        try (ConfigurableApplicationContext service = LedgerFaultSupport.instance(Map.of("bosang.ledger.url", url, "bosang.ledger.user", "postgres"))) {
            int port = LedgerFaultSupport.port(service);
            for (int b = 0; b < 5; b++) assertEquals(200, send(port, lines, b, batch).statusCode());

            pg.close();   // the database stops
            for (int b = 5; b < 8; b++) {
                long started = System.nanoTime();
                HttpResponse<String> r = send(port, lines, b, batch);
                assertEquals(503, r.statusCode(), r.body());
                assertEquals("$", LedgerFaultSupport.json(r).get("field").asText());
                assertTrue(LedgerFaultSupport.json(r).get("reason").asText().contains("nothing of this request was recorded"), r.body());
                assertTrue(System.nanoTime() - started < 30_000_000_000L, "a 503 comes within the pool's connection timeout");
            }
            HttpResponse<String> health = LedgerFaultSupport.get(port, "/actuator/health");
            assertEquals(503, health.statusCode(), health.body());
            assertEquals("DOWN", LedgerFaultSupport.json(health).at("/components/ledger/status").asText(), health.body());

            pg = EmbeddedLedgerServer.start(pgDir, pgPort);   // it returns, on the same port
            try (Ledger direct = Ledger.open(LedgerSettings.server(url, "postgres", null))) {
                for (int b = 5; b < 8; b++) {
                    for (String line : lines.subList(b * batch, (b + 1) * batch)) {
                        String id = Json.mapper().readTree(line).path("id").asText();
                        assertTrue(direct.decisions(id).isEmpty(), "nothing half-written: " + id);
                    }
                }
            }
            HttpResponse<String> again = null;
            for (int attempt = 0; attempt < 30; attempt++) {   // the pool validates and reconnects by itself
                again = send(port, lines, 5, batch);
                if (again.statusCode() == 200) break;
                Thread.sleep(1000);
            }
            assertEquals(200, again.statusCode(), again.body());
            for (int b = 6; b < lines.size() / batch; b++) assertEquals(200, send(port, lines, b, batch).statusCode());
            for (int b = 0; b < lines.size() / batch; b++) {
                HttpResponse<String> replay = send(port, lines, b, batch);
                assertEquals(0, LedgerFaultSupport.json(replay).at("/statuses/DECIDED").asInt(), "all recorded once already: " + replay.body());
            }
            try (Ledger direct = Ledger.open(LedgerSettings.server(url, "postgres", null))) {
                LedgerFaultSupport.assertSettledOnce(direct, PolicyLoader.load("kakao-1015-2022"), IncidentCatalog.classpath());
            }
        } finally {
            pg.close();
        }
    }

    static HttpResponse<String> send(int port, List<String> lines, int b, int size) throws Exception {
        return LedgerFaultSupport.post(port, "/v1/claims?policy=kakao-1015-2022", LedgerFaultSupport.array(lines.subList(b * size, (b + 1) * size)));
    }
}
