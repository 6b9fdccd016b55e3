package io.bosang.json;

import io.bosang.domain.Operator;
import io.bosang.domain.EndBasis;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.bosang.domain.Disruption;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.Incident;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Severity;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped JSON Schemas describe exactly what the code reads and writes. */
class SchemaContractTest {
    static JsonSchema claimSchema;
    static JsonSchema assessmentSchema;
    static IncidentCatalog incidents;

    static final String GOOD = """
            {"id":"C-1","incident":"inc","service":"vod","claimant":{"id":"U-1","kind":"CONSUMER","phoneCountry":"KR"},
             "subscription":{"plan":"basic","monthlyFeeKrw":39000,"billing":"APP_STORE_IN_APP","start":"2022-10-01T00:00:00+09:00","end":null},
             "harm":"SERVICE_UNAVAILABLE","filedAt":"2022-10-20T10:00:00+09:00","declared":{"outage_week_sales":2000000},
             "usage":{"saturdays_with_drives":13},"evidence":[{"kind":"PROOF_OF_USE","reference":"doc-1"}]}""";

    @BeforeAll
    static void load() {
        JsonSchemaFactory f = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        claimSchema = f.getSchema(resource("schema/claim.schema.json"));
        assessmentSchema = f.getSchema(resource("schema/assessment.schema.json"));
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
}
