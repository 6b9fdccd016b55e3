package io.bosang.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The one JSON configuration of Bosang: ISO-8601 dates and durations ({@code "PT15H"}), map keys sorted, no
 * pretty-printing for NDJSON. Shared and thread-safe. Same assessment → same bytes. Reading is strict: a duplicate key
 * is an error (never "last one wins"), nesting and string length are bounded by {@link InputLimits}, and numbers with
 * a fraction or exponent are read as exact decimals.
 */
public final class Json {
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(InputLimits.MAX_NESTING_DEPTH)
                    .maxStringLength(InputLimits.MAX_RECORD_BYTES)
                    .build())
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS) // 4900.0 is read exactly, never through a double
            .addModule(new JavaTimeModule())
            .addModule(new com.fasterxml.jackson.module.blackbird.BlackbirdModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(MapperFeature.SORT_CREATOR_PROPERTIES_FIRST)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * A date-time as RFC 3339 always writes it, with seconds ({@code 2023-01-19T18:51:00+09:00}); never
     * {@link OffsetDateTime#toString()}, which drops zero seconds. Every claim writer uses this.
     */
    public static String dateTime(OffsetDateTime time) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
    }

    /** The writer of {@link #line}: the same mapper, each distinct source and parameter value rendered once. */
    private static final ObjectMapper LINES = MAPPER.copy().registerModule(
            new RenderedOnce(MAPPER, io.bosang.law.Source.class, io.bosang.params.ParameterValue.class));

    /** One value as a single line of JSON. */
    public static String line(Object value) {
        return write(LINES::writeValueAsString, value);
    }

    /** The same line as UTF-8 bytes, written without a detour through a {@code String}. */
    public static byte[] lineBytes(Object value) {
        return write(LINES::writeValueAsBytes, value);
    }

    /** {@link #lineCitingById} as UTF-8 bytes. */
    public static byte[] lineBytesCitingById(Object value) {
        return write(BY_ID::writeValueAsBytes, value);
    }


    /** The writer of {@link #lineCitingById}: the same mapper, an assessment's {@code sources} array left out. */
    private static final ObjectMapper BY_ID = LINES.copy().addMixIn(io.bosang.result.Assessment.class, WithoutSources.class);

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties("sources")
    private abstract static class WithoutSources {
    }

    /**
     * One value as a single line of JSON, an assessment citing its sources by id only: every line, finding and
     * parameter value still names its source ids, and {@code bosang sources --policy ID} lists them in full once. For
     * volume runs: the full sources are about 40% of a Kakao record's bytes. Otherwise the same bytes as {@link #line}.
     */
    public static String lineCitingById(Object value) {
        return write(BY_ID::writeValueAsString, value);
    }

    /** One value as indented JSON, for people. */
    public static String pretty(Object value) {
        return write(MAPPER.writerWithDefaultPrettyPrinter()::writeValueAsString, value);
    }

    /** One way of writing a value (as text or bytes, by one mapper or writer). */
    private interface Writing<T> {
        T write(Object value) throws com.fasterxml.jackson.core.JsonProcessingException;
    }

    /** Every write of this class goes through here: a value Jackson cannot write is a bug, said as one exception. */
    private static <T> T write(Writing<T> how, Object value) {
        try {
            return how.write(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
