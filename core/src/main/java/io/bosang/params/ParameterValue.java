package io.bosang.params;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.law.Citation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The value of one parameter in force on a date, with where it comes from and how well it is known. A line lists the
 * values its rule read, so every amount names the parameters behind it and the date from which each applied.
 *
 * @param id            the parameter's id (its file name without {@code .yaml})
 * @param value         the value as written in the file (a decimal, an integer, a word, a date, or a scale's canonical text)
 * @param unit          the unit the file declares ({@code KRW}, {@code hours}, {@code ratio}...)
 * @param effectiveFrom the first date this value applies
 * @param certainty     official, reported or assumed
 * @param why           why the value is reported or assumed (empty for an official value)
 * @param reference     its sources: registry ids with pinpoints, as written
 * @param citations     the same, resolved (rendered in full in the assessment's {@code sources})
 */
@JsonPropertyOrder({"id", "value", "unit", "effectiveFrom", "certainty", "why", "reference"})
public record ParameterValue(String id, String value, String unit, LocalDate effectiveFrom, Certainty certainty,
                             @JsonInclude(JsonInclude.Include.NON_EMPTY) String why, String reference,
                             @JsonIgnore List<Citation> citations) {
    public ParameterValue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        unit = unit == null ? "" : unit;
        certainty = certainty == null ? Certainty.ASSUMED : certainty;
        why = why == null ? "" : why;
        reference = reference == null ? "" : reference;
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    /** A value without sources (tests, what-ifs): assumed. */
    public ParameterValue(String id, String value, String unit, LocalDate effectiveFrom, String reference) {
        this(id, value, unit, effectiveFrom, Certainty.ASSUMED, "", reference, List.of());
    }

    @JsonIgnore
    public boolean assumed() {
        return certainty == Certainty.ASSUMED;
    }

    public BigDecimal decimal() {
        return new BigDecimal(value);
    }

    /** The value as whole KRW; fails if it has a fraction. */
    public long krw() {
        return decimal().longValueExact();
    }

    public long integer() {
        return decimal().longValueExact();
    }

    public int intValue() {
        return decimal().intValueExact();
    }

    public String text() {
        return value;
    }

    public boolean flag() {
        return Boolean.parseBoolean(value);
    }

    public LocalDate date() {
        return LocalDate.parse(value);
    }

    /** The value read as a scale (brackets of thresholds and amounts). */
    public Scale scale() {
        return Scale.parse(value);
    }

    /** The value read as a number of hours. */
    public Duration hours() {
        BigDecimal minutes = decimal().multiply(BigDecimal.valueOf(60));
        return Duration.ofMinutes(minutes.longValueExact());
    }

    /** The value read as a number of days. */
    public Duration days() {
        return Duration.ofDays(decimal().longValueExact());
    }
}
