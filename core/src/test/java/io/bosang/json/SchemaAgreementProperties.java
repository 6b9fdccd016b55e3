package io.bosang.json;

import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.bosang.domain.Disruption;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.Incident;
import io.bosang.domain.Operator;
import io.bosang.domain.EndBasis;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Severity;
import io.bosang.incident.IncidentCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The law that reader and schema agree, as properties: for date-times, amounts, counts and text lengths built near
 * every bound, the reader accepts a claim exactly when {@code claim.schema.json} (format assertions on) finds it valid.
 */
@Timeout(180)
class SchemaAgreementProperties {
    static final String FILED = "2022-10-20T10:00:00+09:00";
    static final String TEMPLATE = SchemaContractTest.GOOD.replace("\n", "");
    static JsonSchema schema;
    static ClaimReader reader;

    @BeforeAll
    static void load() {
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(
                SchemaAgreementProperties.class.getClassLoader().getResourceAsStream("schema/claim.schema.json"),
                SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
        OffsetDateTime start = OffsetDateTime.parse("2022-10-15T15:30:00+09:00");
        Service vod = new Service("vod", "VOD", ServiceCategory.VIDEO, PaymentModel.SUBSCRIPTION);
        reader = new ClaimReader(IncidentCatalog.of(new Incident("inc", new Operator("example", "op"), "t", "c", FaultPosition.ORDINARY_NEGLIGENCE, "", start, null,
                List.of(vod), List.of(new Disruption("vod", start, start.plusHours(5), Severity.FULL, EndBasis.REPORTED, "")), List.of())));
    }

    static boolean readerAccepts(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return RecordParser.parse(1, new RecordScanner.Raw(RecordScanner.Kind.LINE, 1, 1, 0, bytes, null, null), reader).valid();
    }

    /** Valid under both of networknt's number readings (see {@link SchemaContractTest#schemaErrors}). */
    static boolean schemaValid(String json) throws Exception {
        Set<ValidationMessage> errors = new HashSet<>(schema.validate(Json.mapper().readTree(json)));
        errors.addAll(schema.validate(json, InputFormat.JSON));
        return errors.isEmpty();
    }

    static void agree(String claim) throws Exception {
        if (!RecordParser.isOneJsonValue(claim.getBytes(StandardCharsets.UTF_8))) {
            assertEquals(false, readerAccepts(claim), claim); // not JSON (a leading zero): nothing for a schema to say
            return;
        }
        assertEquals(schemaValid(claim), readerAccepts(claim), claim);
    }

    static Gen<String> dateTimes() {
        Gen<String> date = arbitrary().pick("1989", "1990", "1991", "2000", "2024", "2099", "2100", "2101", "0000", "9999", "+10000", "-0001", "199")
                .zip(arbitrary().pick("00", "01", "02", "09", "12", "13", "1"), arbitrary().pick("00", "01", "28", "29", "30", "31", "32", "3"),
                        (y, m, d) -> y + "-" + m + "-" + d);
        Gen<String> time = arbitrary().pick("T", "t", " ").zip(arbitrary().pick("00", "09", "23", "24", "7"), arbitrary().pick("00", "30", "59", "60"),
                arbitrary().pick("", ":00", ":59", ":60", ":5"), (s, h, mi, sec) -> s + h + ":" + mi + sec);
        Gen<String> zone = arbitrary().pick("", ".1", ".123456789", ".1234567890", ".").zip(arbitrary().pick("Z", "z", "+09:00", "-00:00", "+14:59",
                "-14:59", "+15:00", "+0900", "+09", "", "+18:00", "-12:00"), (f, o) -> f + o);
        return date.zip(time, zone, (d, t, z) -> d + t + z);
    }

    static Gen<String> wholeNumbers() {
        String[] edges = {"0", "1", "9999999999999", "10000000000000", "10000000000001", "999999999", "1000000000", "1000000001",
                "9223372036854775807", "9223372036854775808", "-1", "-0", "00", "1e400", "1e-400"};
        String[] suffixes = {"", "", "", ".0", ".5", "e0", "e1", "E-1", ".000000000000000000001", "0", ".00"};
        return integers().between(0, edges.length).zip(longs().between(-1_000, 20_000_000_000_000L), arbitrary().pick(suffixes),
                (i, n, suffix) -> (i < edges.length ? edges[i] : Long.toString(n)) + suffix);
    }

    @Test
    void aDateTimeIsAcceptedByTheReaderExactlyWhenTheSchemaAcceptsIt() {
        qt().withExamples(4_000).forAll(dateTimes()).checkAssert(t -> {
            try {
                agree(TEMPLATE.replace(FILED, t));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void anAmountOrCountIsAcceptedByTheReaderExactlyWhenTheSchemaAcceptsIt() {
        qt().withExamples(3_000).forAll(wholeNumbers(), integers().between(0, 2)).checkAssert((n, where) -> {
            String claim = switch (where) {
                case 0 -> TEMPLATE.replace("\"monthlyFeeKrw\":39000", "\"monthlyFeeKrw\":" + n);
                case 1 -> TEMPLATE.replace("\"outage_week_sales\":2000000", "\"outage_week_sales\":" + n);
                default -> TEMPLATE.replace("\"saturdays_with_drives\":13", "\"saturdays_with_drives\":" + n);
            };
            try {
                agree(claim);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void aTextIsAcceptedByTheReaderExactlyWhenTheSchemaAcceptsItsLength() {
        String[] units = {"a", "한", "\uD83D\uDE00"}; // one code point each: ASCII, Hangul, an emoji outside the BMP
        qt().withExamples(600).forAll(integers().between(990, 1_010), integers().between(0, 2), integers().between(0, 3)).checkAssert((n, unit, where) -> {
            String text = units[unit].repeat(n);
            String claim = switch (where) {
                case 0 -> TEMPLATE.replace("\"id\":\"C-1\"", "\"id\":\"" + text + "\"");
                case 1 -> TEMPLATE.replace("\"plan\":\"basic\"", "\"plan\":\"" + text + "\"");
                case 2 -> TEMPLATE.replace("\"reference\":\"doc-1\"", "\"reference\":\"" + text + "\"");
                default -> TEMPLATE.replace("\"outage_week_sales\"", "\"" + text + "\"");
            };
            try {
                agree(claim);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
    }
}
