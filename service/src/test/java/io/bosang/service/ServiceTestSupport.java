package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.Json;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * One Spring context for every service test (same configuration, so the test framework caches and shares it):
 * the service on a random loopback port, with a rules directory holding a copy of the shipped
 * {@code content-user-protection} (same content, so the same hash) that tests may edit and reload, and must restore.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ServiceTestSupport {
    static final Path SHIPPED_CUP = Path.of("../rules/src/main/resources/policies/content-user-protection");
    static final Path SAMPLES = Path.of("../samples");
    static final Path RULES_DIR = Path.of("target/test-rules").toAbsolutePath();
    static final Path CUP = RULES_DIR.resolve("content-user-protection");
    static final Path LEDGER_DIR = Path.of("target/test-ledger").toAbsolutePath();
    static final String ADMIN_TOKEN = "test-admin-token";
    static final int MAX_BATCH = 200;
    static final long MAX_BYTES = 512 * 1024;

    static {
        try {
            deleteTree(LEDGER_DIR);
            restoreCup();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void bosang(DynamicPropertyRegistry registry) {
        registry.add("bosang.rules-dir", RULES_DIR::toString);
        registry.add("bosang.rules-serve-all", () -> "true");   // the test rules directory holds only folders the tests edit
        registry.add("bosang.watch", () -> "false"); // reloads go through the admin endpoint, so tests are deterministic
        registry.add("bosang.max-batch-size", () -> String.valueOf(MAX_BATCH));
        registry.add("bosang.max-request-bytes", () -> MAX_BYTES + "B");
        registry.add("bosang.admin-token", () -> ADMIN_TOKEN);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("bosang.ledger.dir", LEDGER_DIR::toString);   // an embedded ledger of its own, emptied per run
    }

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(f);
        }
    }

    /** Copies the shipped policy over the rules directory's copy, file for file. */
    static void restoreCup() throws IOException {
        try (Stream<Path> files = Files.walk(SHIPPED_CUP)) {
            for (Path f : files.toList()) {
                Path target = CUP.resolve(SHIPPED_CUP.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port + pathAndQuery);
    }

    HttpResponse<String> post(String pathAndQuery, String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (headers.length > 0) b.headers(headers);
        if (!List.of(headers).contains("Content-Type")) b.header("Content-Type", "application/json");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> reload(String id) throws IOException, InterruptedException {
        return post("/v1/policies/" + id + "/reload", "", "Authorization", "Bearer " + ADMIN_TOKEN);
    }

    static JsonNode json(HttpResponse<String> r) {
        try {
            return Json.mapper().readTree(r.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + r.statusCode() + "): " + r.body(), e);
        }
    }

    /** The bundled sample's lines, one per record (the malformed line included, as it is). */
    static List<String> sampleLines() throws IOException {
        return Files.readAllLines(SAMPLES.resolve("kakao-2022-10-15-claims.ndjson")).stream().filter(l -> !l.isBlank()).toList();
    }
}
