package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attacks of issue 12 on one service in a child JVM with a small heap ({@code -Xmx256m}, and
 * {@code -XX:+ExitOnOutOfMemoryError} as the launcher passes it, so an OutOfMemoryError would end the process and
 * fail every later check): bodies trickled on 210 connections, 24 concurrent batches of 700,000 elements, a rule that
 * computes for tens of seconds, and SIGTERM while it does. Loopback only; every wait is bounded.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ServiceStaysUpTest {
    static final String TOKEN = "stays-up-token";
    static final String ASSESS = "/v1/assessments?policy=kakao-1015-2022";
    static final int BODY_READ_TIMEOUT_S = 5;
    static final int ASSESSMENT_TIMEOUT_S = 3;

    @TempDir
    static Path tmp;
    static Process service;
    static int port;
    static Path log;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeAll
    static void start() throws Exception {
        Path rules = tmp.resolve("rules");
        copy(Path.of("src/test/resources/hostile-policies/slow-arithmetic"), rules.resolve("slow-arithmetic"));
        port = LedgerDatabaseDownTest.freePort();
        log = Path.of("target", "service-stays-up.log").toAbsolutePath();
        Files.deleteIfExists(log);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"), BosangServiceApplication.class.getName(),
                "--server.port=" + port, "--server.address=127.0.0.1", "--bosang.watch=false", "--bosang.ledger.dir=" + tmp.resolve("ledger"),
                "--bosang.rules-dir=" + rules, "--bosang.rules-serve-all=true", "--bosang.rules-policies=slow-arithmetic",
                "--bosang.admin-token=" + TOKEN, "--bosang.max-request-bytes=3MB",
                "--bosang.limits.body-read-timeout=" + BODY_READ_TIMEOUT_S + "s", "--bosang.limits.assessment-timeout=" + ASSESSMENT_TIMEOUT_S + "s",
                "--bosang.limits.assessment-threads=2", "--spring.lifecycle.timeout-per-shutdown-phase=10s"));
        service = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServiceKilledMidBatchTest.awaitUp(service, port);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroyForcibly();
            service.waitFor(30, TimeUnit.SECONDS);
        }
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static HttpResponse<String> send(String method, String pathAndQuery, String body, Duration timeout, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) b.header("Content-Type", "application/json");
        if (headers.length > 0) b.headers(headers);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String oneClaim() throws IOException {
        return Json.mapper().readTree(Files.readString(Path.of("../samples/one-claim.json"))).toString();
    }

    /** A normal client: one claim assessed and health read, each within 10 s. */
    static void normalRequestsAreServed(String when) throws Exception {
        HttpResponse<String> a = send("POST", ASSESS, oneClaim(), Duration.ofSeconds(10));
        assertEquals(200, a.statusCode(), when + ": " + a.body());
        assertEquals("AWARD", Json.mapper().readTree(a.body()).at("/assessments/0/outcome").asText(), when);
        HttpResponse<String> h = send("GET", "/actuator/health", null, Duration.ofSeconds(10));
        assertEquals(200, h.statusCode(), when + ": " + h.body());
        assertEquals("UP", Json.mapper().readTree(h.body()).get("status").asText(), when);
    }

    static JsonNode adminHealth() throws Exception {
        HttpResponse<String> h = send("GET", "/actuator/health", null, Duration.ofSeconds(10), "Authorization", "Bearer " + TOKEN);
        return Json.mapper().readTree(h.body());
    }

    static void assertFieldReason(int status, String body, String what) throws IOException {
        JsonNode n = Json.mapper().readTree(body);
        Set<String> names = new TreeSet<>();
        n.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("field", "reason"), names, what + " (" + status + "): " + body);
    }

    @Test
    @Order(1)
    void bodiesTrickledOn210ConnectionsStarveNoOneAndAreCutAtTheirDeadline() throws Exception {
        int slow = 210;
        List<Socket> sockets = new ArrayList<>();
        Thread trickle = null;
        try {
            for (int i = 0; i < slow; i++) {
                Socket s = RawHttp.open(port, 30_000);
                s.getOutputStream().write(("POST " + ASSESS + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n[").getBytes(StandardCharsets.US_ASCII));
                sockets.add(s);
            }
            trickle = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    for (Socket s : sockets) {
                        try {
                            OutputStream out = s.getOutputStream();
                            out.write(' ');   // one byte a second: 100,000 bytes would take a day
                            out.flush();
                        } catch (IOException cut) {
                            // the service closed it: expected once the deadline passed
                        }
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "trickle");
            trickle.setDaemon(true);
            trickle.start();

            for (int round = 1; round <= 3; round++) {
                normalRequestsAreServed("round " + round + " with " + slow + " connections trickling");
                Thread.sleep(500);
            }

            Map<Integer, Integer> answers = new TreeMap<>();
            for (Socket s : sockets) {
                RawHttp.Response r = RawHttp.read(s.getInputStream());   // bounded by the socket's 30 s read timeout
                answers.merge(r.status(), 1, Integer::sum);
                if (r.status() == 408) {
                    assertFieldReason(408, r.body(), "a trickled body");
                    assertTrue(r.body().contains("bosang.limits.body-read-timeout"), r.body());
                    assertEquals("close", r.header("Connection"), "the connection of a body past its deadline is closed");
                }
            }
            assertEquals(Map.of(408, slow), answers, "every trickled body is cut at its deadline with a 408");
            assertTrue(adminHealth().at("/components/requests/details/bodyReadTimeouts").asLong() >= slow);
        } finally {
            if (trickle != null) trickle.interrupt();
            for (Socket s : sockets) s.close();
        }
        normalRequestsAreServed("after the trickle");
    }

    @Test
    @Order(2)
    void twentyFourConcurrentBatchesOf700000ElementsAreRefusedAsJsonWhileHealthStaysUp() throws Exception {
        int elements = 700_000;
        StringBuilder b = new StringBuilder(elements * 3 + 2).append('[');
        for (int i = 0; i < elements; i++) b.append(i == 0 ? "{}" : ",{}");
        String huge = b.append(']').toString();   // 2.1 MB, under the 3 MB body limit this service has
        ExecutorService clients = Executors.newFixedThreadPool(24);
        try {
            List<Future<HttpResponse<String>>> big = new ArrayList<>();
            for (int i = 0; i < 24; i++) big.add(clients.submit(() -> send("POST", ASSESS, huge, Duration.ofSeconds(60))));
            normalRequestsAreServed("while 24 huge batches arrive");
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (Future<HttpResponse<String>> f : big) {
                HttpResponse<String> r = f.get(90, TimeUnit.SECONDS);
                statuses.merge(r.statusCode(), 1, Integer::sum);
                assertTrue(Set.of(400, 413, 503).contains(r.statusCode()), r.statusCode() + ": " + r.body());
                assertFieldReason(r.statusCode(), r.body(), "a huge batch");
                if (r.statusCode() == 400) assertTrue(r.body().contains("at most 1000 claims"), r.body());
                if (r.statusCode() == 503) assertTrue(r.headers().firstValue("Retry-After").isPresent(), "a 503 says when to come back");
            }
            assertEquals(24, statuses.values().stream().mapToInt(Integer::intValue).sum(), statuses.toString());
            assertTrue(statuses.getOrDefault(400, 0) > 0, "some were read and refused at element 1001: " + statuses);
            System.out.println("24 batches of 700,000 elements under -Xmx256m: " + statuses);
        } finally {
            clients.shutdownNow();
        }
        assertTrue(service.isAlive(), "no OutOfMemoryError ended the process");
        normalRequestsAreServed("after the huge batches");
        JsonNode health = adminHealth();
        assertEquals("UP", health.get("status").asText(), health.toString());
        assertEquals(0, health.at("/components/memory/details/outOfMemoryErrors").asLong(), health.toString());
        assertEquals(0, health.at("/components/requests/details/inFlightBytes").asLong(), "every body gave its budget back: " + health);
    }

    @Test
    @Order(3)
    void aRuleThatComputesForTensOfSecondsGets503NamingThePolicyAndTheClaimWhileOthersAreServed() throws Exception {
        String slowClaim = oneClaim().replace("\"K-0009\"", "\"SLOW-1\"");
        long started = System.nanoTime();
        HttpResponse<String> r = send("POST", "/v1/assessments?policy=slow-arithmetic", slowClaim, Duration.ofSeconds(20));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        assertEquals(503, r.statusCode(), r.body());
        assertFieldReason(503, r.body(), "a claim past the deadline");
        String reason = Json.mapper().readTree(r.body()).get("reason").asText();
        assertTrue(reason.contains("policy slow-arithmetic") && reason.contains("claim SLOW-1") && reason.contains("took too long"), reason);
        assertTrue(seconds < 20, "answered at the deadline, not when the computation ends: " + seconds + " s");

        HttpResponse<String> calm = send("POST", "/v1/assessments?policy=slow-arithmetic", oneClaim(), Duration.ofSeconds(20));
        assertEquals(200, calm.statusCode(), "the same policy serves the next claim on the other worker: " + calm.body());
        assertEquals("AWARD", Json.mapper().readTree(calm.body()).at("/assessments/0/outcome").asText());
        normalRequestsAreServed("while the slow claim computes in the background");
        JsonNode assessments = adminHealth().at("/components/assessments");
        assertEquals("UP", assessments.get("status").asText(), assessments.toString());
        assertEquals(1, assessments.at("/details/heldPastDeadline").asInt(), "one worker still computes the slow claim: " + assessments);
    }

    @Test
    @Order(4)
    void recordingAClaimWhoseRuleComputesForTensOfSecondsGets503SayingItIsSafeToSendAgain() throws Exception {
        String slowClaim = oneClaim().replace("\"K-0009\"", "\"SLOW-1\"");
        HttpResponse<String> r = send("POST", "/v1/claims?policy=slow-arithmetic", slowClaim, Duration.ofSeconds(20));
        assertEquals(503, r.statusCode(), r.body());
        assertFieldReason(503, r.body(), "a recording past the deadline");
        String reason = Json.mapper().readTree(r.body()).get("reason").asText();
        assertTrue(reason.contains("policy slow-arithmetic") && reason.contains("bosang.limits.assessment-timeout")
                && reason.contains("replay, never a second grant"), reason);
        // This recording computes on a worker now; the slow claim of the test before may still hold the other one.
        JsonNode assessments = adminHealth().at("/components/assessments");
        int held = assessments.at("/details/heldPastDeadline").asInt();
        assertTrue(held >= 1, assessments.toString());
        assertEquals(held >= 2 ? "DOWN" : "UP", assessments.get("status").asText(), "DOWN exactly when every worker is held: " + assessments);
    }

    @Test
    @Order(5)
    void sigtermStopsTheServiceWhileARuleStillComputes() throws Exception {
        // Another slow claim, so a computation certainly runs now; its request is answered 503 or cut by the shutdown.
        CompletableFuture<Void> inFlight = CompletableFuture.runAsync(() -> {
            try {
                send("POST", "/v1/assessments?policy=slow-arithmetic", oneClaim().replace("\"K-0009\"", "\"SLOW-1\""), Duration.ofSeconds(30));
            } catch (Exception cut) {
                // the connection ends with the process
            }
        });
        Thread.sleep(1000);
        assertTrue(service.isAlive());
        service.destroy();   // SIGTERM
        boolean exited = service.waitFor(60, TimeUnit.SECONDS);
        assertTrue(exited, "SIGTERM stops the service within the shutdown phase's timeout, computation or not");
        inFlight.get(60, TimeUnit.SECONDS);
        String out = Files.readString(log);
        assertFalse(out.contains("SLOW-1"), "no claim id reaches the log");
        assertFalse(out.contains("OutOfMemoryError"), "no OutOfMemoryError in the whole run");
    }
}
