package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile request bodies get {@code {field, reason}} (one claim) or one REJECTED assessment per element (a batch),
 * never a 500: the same strict reader as claims files (UTF-8, duplicate keys, nesting, limits).
 */
@Timeout(300)
class HostileBodiesTest extends ServiceTestSupport {
    static final Path HOSTILE = Path.of("../core/src/test/resources/hostile");
    static final String ASSESS = "/v1/assessments?policy=kakao-1015-2022";

    /** One row of the corpus' expected.tsv. */
    record Expect(boolean valid, String field, String elementFragment, boolean element) {
    }

    HttpResponse<String> postBytes(String pathAndQuery, byte[] body) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String oneClaim() throws IOException {
        return Files.readString(SAMPLES.resolve("one-claim.json"));
    }

    static void assertRefused(HttpResponse<String> r, String field, String fragment) {
        assertEquals(400, r.statusCode(), r.body());
        JsonNode body = json(r);
        assertEquals(Set.of("field", "reason"), fieldNames(body), r.body());
        if (field != null) assertEquals(field, body.get("field").asText(), r.body());
        assertTrue(body.get("reason").asText().contains(fragment), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }

    static Set<String> fieldNames(JsonNode n) {
        Set<String> out = new java.util.TreeSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void tenThousandLevelsOfNestingAre400NamingTheFieldNot500() throws Exception {
        String deep = oneClaim().trim().replaceFirst("}$", ",\"usage\":{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}");
        assertRefused(post(ASSESS, deep), "usage", "nested deeper than 64 levels");
        HttpResponse<String> batch = post(ASSESS, "[" + deep + "," + oneClaim() + "]");
        assertEquals(200, batch.statusCode(), batch.body());
        assertEquals("usage", json(batch).at("/assessments/0/rejection/field").asText());
        assertEquals("AWARD", json(batch).at("/assessments/1/outcome").asText());
    }

    /** The whole body nested 10,000 deep, with no claim around it: arrays, objects, both mixed, and one as a batch element. */
    @Test
    void tenThousandLevelsOfNestingAsTheWholeBodyAre400WithFieldAndReason() throws Exception {
        int depth = 10_000;
        List<String> bodies = List.of(
                "[".repeat(depth) + "]".repeat(depth),
                "{\"a\":".repeat(depth) + "1" + "}".repeat(depth),
                "[{\"a\":".repeat(depth / 2) + "1" + "}]".repeat(depth / 2),
                "[" + "[".repeat(depth) + "]".repeat(depth) + "]");
        int exercised = 0;
        for (String body : bodies) {
            HttpResponse<String> r = post(ASSESS, body);
            String what = body.substring(0, 12) + "... (" + body.length() + " chars)";
            if (r.statusCode() == 200) {
                // an array whose element is the deep value: one REJECTED record naming where
                JsonNode a = json(r).at("/assessments/0");
                assertEquals("REJECTED", a.get("outcome").asText(), what + ": " + r.body());
                assertFalse(a.at("/rejection/field").asText().isEmpty(), what + ": " + r.body());
            } else {
                assertEquals(400, r.statusCode(), what + ": " + r.body());
                assertEquals(Set.of("field", "reason"), fieldNames(json(r)), what + ": " + r.body());
            }
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), what + ": " + r.body());
            exercised++;
        }
        assertEquals(bodies.size(), exercised);
    }

    @Test
    void invalidUtf8DuplicateKeysAndTrailingValuesAreRefusedAsByTheCommandLine() throws Exception {
        byte[] bytes = oneClaim().replace("webtoon-pass", "webtoon\u00e9pass").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) if ((bytes[i] & 0xFF) == 0xC3) bytes[i] = (byte) 0xFF;
        assertRefused(postBytes(ASSESS, bytes), "$", "not valid UTF-8: the byte 0xFF at byte offset");
        assertRefused(post(ASSESS, oneClaim().replace("\"monthlyFeeKrw\": 4900", "\"monthlyFeeKrw\": -1, \"monthlyFeeKrw\": 4900")),
                "subscription.monthlyFeeKrw", "appears twice");
        String line = Json.mapper().readTree(oneClaim()).toString();
        assertRefused(post(ASSESS, line + line), "$", "content after the end of the claim object");
        assertRefused(post(ASSESS, line + " garbage"), "$", "content after the end of the claim object");
        assertRefused(post(ASSESS, "[" + line + "] []"), "$", "content after the end of the array");
        assertRefused(post(ASSESS, oneClaim().replace("2022-10-25T10:00:00+09:00", "2022-10-25T10:00+09:00")), "filedAt", "seconds are required");
        assertRefused(post(ASSESS, oneClaim().replace("4900", "9223372036854775807")), "subscription.monthlyFeeKrw", "must be at most 10,000,000,000,000");
    }

    @Test
    void theHostileCorpusGivesOneAssessmentPerElementAndEachLoneRecordAFieldAndReason() throws Exception {
        List<Expect> expect = new ArrayList<>();
        for (String line : Files.readAllLines(HOSTILE.resolve("expected.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) continue;
            String[] f = line.split("\t", -1);
            expect.add(new Expect(f[1].equals("VALID"), f[2], f[4], f[6].equals("element")));
        }
        byte[][] records = records(Files.readAllBytes(HOSTILE.resolve("claims.ndjson")));
        assertEquals(expect.size(), records.length);

        List<Integer> batch = new ArrayList<>();
        long bytes = 0;
        int elements = 0;
        for (int i = 0; i <= records.length; i++) {
            boolean flush = i == records.length || batch.size() == MAX_BATCH || bytes + records[i].length > MAX_BYTES / 2;
            if (flush && !batch.isEmpty()) {
                elements += checkBatch(batch, records, expect);
                batch.clear();
                bytes = 0;
            }
            if (i == records.length) break;
            if (!expect.get(i).element()) {
                assertRefused(postBytes(ASSESS, records[i]), null, ""); // a truncated record or a tail: alone, a 400 {field, reason}
                continue;
            }
            batch.add(i);
            bytes += records[i].length + 1;
        }
        assertTrue(elements > 400, elements + " elements");
    }

    /** Posts the records as one array; each element gives one assessment with its verdict; valid ones as when posted alone. */
    private int checkBatch(List<Integer> batch, byte[][] records, List<Expect> expect) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write('[');
        for (int k = 0; k < batch.size(); k++) {
            if (k > 0) body.write(',');
            body.writeBytes(records[batch.get(k)]);
        }
        body.write(']');
        HttpResponse<String> r = postBytes(ASSESS, body.toByteArray());
        assertEquals(200, r.statusCode(), r.body().substring(0, Math.min(500, r.body().length())));
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "));
        JsonNode got = json(r).get("assessments");
        assertEquals(batch.size(), got.size(), "elements in = assessments out");
        for (int k = 0; k < batch.size(); k++) {
            int i = batch.get(k);
            Expect e = expect.get(i);
            JsonNode a = got.get(k);
            assertEquals(k + 1, a.get("record").asInt());
            if (!e.valid()) {
                assertEquals("REJECTED", a.get("outcome").asText(), "record " + (i + 1) + ": " + a);
                if (!e.field().equals("*")) assertEquals(e.field(), a.at("/rejection/field").asText(), "record " + (i + 1) + ": " + a);
                assertTrue(a.at("/rejection/reason").asText().contains(e.elementFragment()), "record " + (i + 1) + ": " + a);
                continue;
            }
            HttpResponse<String> alone = postBytes(ASSESS, records[i]);
            assertEquals(200, alone.statusCode(), alone.body());
            JsonNode single = json(alone).get("assessments").get(0);
            ((com.fasterxml.jackson.databind.node.ObjectNode) single).remove("record");
            com.fasterxml.jackson.databind.node.ObjectNode inBatch = a.deepCopy();
            inBatch.remove("record");
            assertEquals(Json.line(single), Json.line(inBatch), "record " + (i + 1));
        }
        return batch.size();
    }

    /** The corpus' records: its non-blank lines, as bytes. */
    static byte[][] records(byte[] file) {
        List<byte[]> out = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int i = 0; i <= file.length; i++) {
            if (i == file.length || file[i] == '\n') {
                byte[] l = line.toByteArray();
                if (!new String(l, StandardCharsets.ISO_8859_1).replace("\r", "").replace("\t", "").replace(" ", "").isEmpty()) out.add(l);
                line.reset();
            } else {
                line.write(file[i]);
            }
        }
        return out.toArray(new byte[0][]);
    }
}
