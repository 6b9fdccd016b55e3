package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.ledger.Ledger;
import io.bosang.ledger.LedgerSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service, a child JVM on the embedded ledger, is killed with SIGKILL in the middle of a 10,000-claim batch sent
 * as 100 requests of 100; started again on the same directory (it stops the PostgreSQL server the killed JVM left
 * running), it is sent the whole batch again: no claim is lost and none is granted twice.
 */
class ServiceKilledMidBatchTest {
    static final int BATCH = 100;

    static Process start(Path ledgerDir, int port, Path log) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), BosangServiceApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--bosang.watch=false", "--bosang.ledger.dir=" + ledgerDir));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    static void awaitUp(Process p, int port) throws Exception {
        for (int i = 0; i < 240; i++) {
            if (!p.isAlive()) throw new AssertionError("the service exited with " + p.exitValue());
            try {
                if (LedgerFaultSupport.get(port, "/actuator/health").statusCode() == 200) return;
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the service did not come up in 120 s");
    }

    @Test
    void aServiceKilledMidBatchAndRestartedLosesNoClaimAndGrantsNoneTwice(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("ledger");
        Path log = Path.of("target", "service-killed-mid-batch.log").toAbsolutePath();
        List<String> lines = LedgerFaultSupport.generated(10_000, 42);
        int port = LedgerDatabaseDownTest.freePort();

        Process first = start(dir, port, log);
        int acknowledged = 0;
        try {
            awaitUp(first, port);
            for (int b = 0; b < lines.size() / BATCH; b++) {
                if (b == 30) {
                    int inFlight = b;
                    Thread request = new Thread(() -> {
                        try {
                            post(port, lines, inFlight);
                        } catch (Exception killed) {
                            // the connection dies with the process
                        }
                    });
                    request.start();
                    Thread.sleep(150);   // mid-request
                    first.destroyForcibly();   // SIGKILL: no shutdown hook runs
                    first.waitFor(30, TimeUnit.SECONDS);
                    request.join(30_000);
                    break;
                }
                assertEquals(200, post(port, lines, b).statusCode());
                acknowledged++;
            }
        } finally {
            first.destroyForcibly();
        }
        assertEquals(30, acknowledged);

        Process second = start(dir, port, log);
        long decided = 0;
        long replays = 0;
        long rejected = 0;
        try {
            awaitUp(second, port);
            for (int b = 0; b < lines.size() / BATCH; b++) {
                HttpResponse<String> r = post(port, lines, b);
                assertEquals(200, r.statusCode(), r.body());
                JsonNode statuses = LedgerFaultSupport.json(r).get("statuses");
                decided += statuses.path("DECIDED").asLong();
                replays += statuses.path("REPLAY").asLong();
                rejected += statuses.path("REJECTED").asLong();
                if (b < acknowledged) assertEquals(0, statuses.path("DECIDED").asLong(), "an acknowledged request was committed whole");
            }
        } finally {
            second.destroy();   // SIGTERM: Spring closes the ledger and stops its PostgreSQL
            second.waitFor(60, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
        assertEquals(lines.size(), decided + replays + rejected, "every record answered");
        assertTrue(replays >= acknowledged * (long) BATCH - rejected, "what was acknowledged before the kill is a replay now");

        try (Ledger ledger = Ledger.open(LedgerSettings.embedded(dir))) {
            var stored = LedgerFaultSupport.assertSettledOnce(ledger, PolicyLoader.load("kakao-1015-2022"), IncidentCatalog.classpath());
            assertEquals(lines.size() - rejected, stored.size(), "no claim lost");
        }
    }

    static HttpResponse<String> post(int port, List<String> lines, int b) throws Exception {
        return LedgerFaultSupport.post(port, "/v1/claims?policy=kakao-1015-2022", LedgerFaultSupport.array(lines.subList(b * BATCH, (b + 1) * BATCH)));
    }
}
