package io.bosang.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.bosang.domain.Disruption;
import io.bosang.domain.EndBasis;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.Incident;
import io.bosang.domain.Operator;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Severity;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped JSON Schemas describe exactly what the code reads and writes. The claim schema is validated with format
 * assertions on ({@code date-time} checked, not merely annotated), as a client validating against it would.
 */
@Timeout(180)
class SchemaContractTest {
    static JsonSchema claimSchema;
    static JsonSchema assessmentSchema;
    static IncidentCatalog incidents;
    static IncidentCatalog kakao;

    static final String GOOD = """
            {"id":"C-1","incident":"inc","service":"vod","claimant":{"id":"U-1","kind":"CONSUMER","phoneCountry":"KR"},
             "subscription":{"plan":"basic","monthlyFeeKrw":39000,"billing":"APP_STORE_IN_APP","start":"2022-10-01T00:00:00+09:00","end":null},
             "harm":"SERVICE_UNAVAILABLE","filedAt":"2022-10-20T10:00:00+09:00","declared":{"outage_week_sales":2000000},
             "usage":{"saturdays_with_drives":13},"evidence":[{"kind":"PROOF_OF_USE","reference":"doc-1"}]}""";

    @BeforeAll
    static void load() throws Exception {
        JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        SchemaValidatorsConfig asserting = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        claimSchema = f.getSchema(resource("schema/claim.schema.json"), asserting);
        assessmentSchema = f.getSchema(resource("schema/assessment.schema.json"), asserting);
        kakao = IncidentCatalog.classpath().withFile(Path.of("../rules/src/main/resources/incidents/kakao-2022-10-15.yaml"));
        OffsetDateTime start = OffsetDateTime.parse("2022-10-15T15:30:00+09:00");
        Service vod = new Service("vod", "VOD", ServiceCategory.VIDEO, PaymentModel.SUBSCRIPTION);
        incidents = IncidentCatalog.of(new Incident("inc", new Operator("example", "op"), "t", "c", FaultPosition.ORDINARY_NEGLIGENCE, "", start, null,
                List.of(vod), List.of(new Disruption("vod", start, start.plusHours(5), Severity.FULL, EndBasis.REPORTED, "")), List.of()));
    }

    private static InputStream resource(String name) {
        return SchemaContractTest.class.getClassLoader().getResourceAsStream(name);
    }

    @Test
    void aClaimTheReaderAcceptsIsValidAgainstTheSchema() throws Exception {
        JsonNode node = Json.mapper().readTree(GOOD);
        assertTrue(new ClaimReader(incidents).read(1, node).valid());
        assertEquals(Set.of(), claimSchema.validate(node));
    }

    @Test
    void theSchemaAndTheReaderBothRejectUnknownFieldsAndFractionalMoney() throws Exception {
        for (String bad : List.of(GOOD.replace("\"harm\"", "\"filed_at\":\"x\",\"harm\""), GOOD.replace("39000", "39000.5"),
                GOOD.replace("\"CONSUMER\"", "\"ALIEN\""))) {
            JsonNode node = Json.mapper().readTree(bad);
            assertFalse(new ClaimReader(incidents).read(1, node).valid(), bad);
            assertFalse(claimSchema.validate(node).isEmpty(), bad);
        }
    }

    @Test
    void everyAssessmentTheEngineWritesIsValidAgainstTheSchema() throws Exception {
        Policy policy = PolicyLoader.load(Path.of("src/test/resources/fixtures/mini"));
        String input = GOOD.replace("\n", " ") + "\n{not json\n" + GOOD.replace("\n", " ").replace("\"CONSUMER\"", "\"ALIEN\"") + "\n"
                + GOOD.replace("\n", " ") + "\n"; // the last repeats the first: a duplicate
        List<Assessment> out = new ArrayList<>();
        try (ClaimSource source = ClaimSource.open(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new ClaimReader(incidents))) {
            new BatchAssessor(policy, 2).run(source, out::add);
        }
        assertEquals(List.of(Outcome.AWARD, Outcome.REJECTED, Outcome.REJECTED, Outcome.NO_AWARD),
                out.stream().map(Assessment::outcome).toList());
        for (Assessment a : out) {
            Set<ValidationMessage> errors = assessmentSchema.validate(Json.mapper().readTree(Json.line(a)));
            assertEquals(Set.of(), errors, Json.line(a));
        }
    }

    @Test
    void theSchemaStatesTheBoundsOfInputLimits() throws Exception {
        JsonNode schema = Json.mapper().readTree(resource("schema/claim.schema.json"));
        assertEquals(InputLimits.DATE_TIME_PATTERN, schema.at("/$defs/dateTime/pattern").asText());
        assertEquals("date-time", schema.at("/$defs/dateTime/format").asText());
        assertEquals(InputLimits.MAX_KRW, schema.at("/$defs/krw/maximum").asLong());
        assertEquals(InputLimits.MAX_COUNT, schema.at("/$defs/count/maximum").asLong());
        for (String textField : List.of("/properties/incident", "/properties/service", "/$defs/business/properties/industry",
                "/$defs/subscription/properties/plan", "/$defs/evidence/properties/reference", "/allOf/0/properties/id",
                "/$defs/claimant/allOf/0/properties/id", "/properties/declared/propertyNames", "/properties/usage/propertyNames")) {
            assertEquals(InputLimits.MAX_TEXT_CODE_POINTS, schema.at(textField + "/maxLength").asInt(), textField);
        }
        // The pattern's years are the named range, to the day: both sides of each bound, by reader and schema alike.
        String first = InputLimits.EARLIEST_DATE + "T00:00:00+09:00";
        String last = InputLimits.LATEST_DATE + "T23:59:59+09:00";
        String before = InputLimits.EARLIEST_DATE.minusDays(1) + "T23:59:59+09:00";
        String after = InputLimits.LATEST_DATE.plusDays(1) + "T00:00:00+09:00";
        for (String ok : List.of(first, last)) {
            JsonNode node = Json.mapper().readTree(GOOD.replace("2022-10-20T10:00:00+09:00", ok));
            assertTrue(new ClaimReader(incidents).read(1, node).valid(), ok);
            assertEquals(Set.of(), claimSchema.validate(node), ok);
        }
        for (String bad : List.of(before, after)) {
            JsonNode node = Json.mapper().readTree(GOOD.replace("2022-10-20T10:00:00+09:00", bad));
            assertEquals("filedAt", new ClaimReader(incidents).read(1, node).rejection().field(), bad);
            assertFalse(claimSchema.validate(node).isEmpty(), bad);
        }
    }

    /**
     * Reader and schema agree, record by record, over the shipped samples and the hostile corpus (and, in the corpus
     * module, 20,000 generated claims): what the reader accepts is schema-valid; what the schema refuses the reader refuses; and the reader
     * refuses a schema-valid record only for what a schema cannot say (an unknown incident or service, an end before its
     * start, a lone surrogate) or when the bytes are not one JSON value at all (syntax, duplicate keys, UTF-8, limits).
     */
    @Test
    void readerAndSchemaGiveTheSameVerdictOnSamplesAndHostileClaims() throws Exception {
        Verdicts v = new Verdicts();
        v.ndjson(Files.readAllBytes(Path.of("../samples/kakao-2022-10-15-claims.ndjson")));
        v.one(Files.readAllBytes(Path.of("../samples/one-claim.json")));
        v.ndjson(Files.readAllBytes(HostileCorpus.DIR.resolve("claims.ndjson")));
        assertTrue(v.accepted > 100, v.toString());
        assertTrue(v.refusedByBoth > 200, v.toString());
        assertTrue(v.notJson > 100, v.toString());
        assertTrue(v.readerOnly >= 9, v.toString());
    }

    /**
     * The schema's errors for one JSON text. networknt 1.5.4 is imprecise at the far ends of the number line, each way
     * differently: on exact decimals it misses that {@code 1e400} exceeds a {@code maximum}; reading doubles (its own
     * parser) it takes {@code 1e-999999999} for the integer 0. Both readings are asked, and an error of either counts.
     */
    static Set<ValidationMessage> schemaErrors(String json) throws Exception {
        Set<ValidationMessage> errors = new java.util.HashSet<>(claimSchema.validate(Json.mapper().readTree(json)));
        errors.addAll(claimSchema.validate(json, com.networknt.schema.InputFormat.JSON));
        return errors;
    }

    /** Tallies of {@link #readerAndSchemaGiveTheSameVerdictOnSamplesAndHostileClaims}; each record is checked as it is added. */
    static final class Verdicts {
        long accepted;
        long refusedByBoth;
        long readerOnly;
        long notJson;

        void ndjson(byte[] file) throws Exception {
            int start = 0;
            for (int i = 0; i <= file.length; i++) {
                if (i == file.length || file[i] == '\n') {
                    byte[] line = java.util.Arrays.copyOfRange(file, start, i);
                    start = i + 1;
                    if (!new String(line, StandardCharsets.ISO_8859_1).isBlank()) one(line);
                }
            }
        }

        void one(byte[] record) throws Exception {
            ClaimInput in = RecordParser.parse(1, new RecordScanner.Raw(RecordScanner.Kind.LINE, 1, 1, 0, record, null, null), new ClaimReader(kakao));
            String shown = new String(record, 0, Math.min(record.length, 300), StandardCharsets.UTF_8);
            if (!RecordParser.isOneJsonValue(record)) {
                assertFalse(in.valid(), shown);
                notJson++;
                return;
            }
            Set<ValidationMessage> errors = schemaErrors(RecordParser.decode(record));
            if (in.valid()) {
                assertEquals(Set.of(), errors, "the reader accepted a record the schema refuses: " + shown);
                accepted++;
            } else if (!errors.isEmpty()) {
                refusedByBoth++;
            } else {
                String why = in.rejection().reason();
                assertTrue(why.contains("unknown incident") || why.contains("has no service") || why.contains("must be after subscription.start")
                        || why.contains("lone UTF-16 surrogate"), "the reader refused a schema-valid record for " + in.rejection() + ": " + shown);
                readerOnly++;
            }
        }

        @Override
        public String toString() {
            return "accepted " + accepted + ", refused by both " + refusedByBoth + ", by the reader only " + readerOnly + ", not JSON " + notJson;
        }
    }
}
