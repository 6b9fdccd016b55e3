package io.bosang.service;

import io.bosang.json.Json;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The OpenAPI document clients are generated from is kept in {@code src/test/resources/openapi/bosang-openapi.json}
 * (the build generates a Java client from it before the tests, see {@code GeneratedClientRoundTripTest}); this test
 * keeps it equal to what the service serves. After changing an endpoint, regenerate it deliberately:
 * {@code mvn -B verify -pl service -am -Dbosang.openapi.write=true}, and commit the file.
 */
class OpenApiContractTest extends ServiceTestSupport {
    static final Path DOCUMENT = Path.of("src/test/resources/openapi/bosang-openapi.json");

    @Test
    void theCommittedDocumentIsTheOneTheServiceServes() throws Exception {
        HttpResponse<String> r = get("/v3/api-docs");
        assertEquals(200, r.statusCode());
        // The server URL holds the random test port: clients choose their own.
        var doc = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(r.body());
        doc.remove("servers");
        String served = Json.pretty(doc) + "\n";
        if (Boolean.getBoolean("bosang.openapi.write")) Files.writeString(DOCUMENT, served);
        assertEquals(Files.exists(DOCUMENT) ? Files.readString(DOCUMENT) : "", served,
                "the served OpenAPI document changed: regenerate " + DOCUMENT + " with -Dbosang.openapi.write=true and commit it");
    }
}
