package io.bosang.params;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The value of one parameter in force on a date, with where it comes from. Award lines list the values they read,
 * so every amount names the parameters behind it and the date from which each applied.
 *
 * @param id            the parameter's id (its file name without {@code .yaml})
 * @param value         the value as written in the file (a decimal, an integer, a word or a date)
 * @param unit          the unit the file declares ({@code KRW}, {@code hours}, {@code ratio}...)
 * @param effectiveFrom the first date this value applies
 * @param reference     the legal or published source of the value
 */
@JsonPropertyOrder({"id", "value", "unit", "effectiveFrom", "reference"})
public record ParameterValue(String id, String value, String unit, LocalDate effectiveFrom, String reference) {
    public ParameterValue {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        unit = unit == null ? "" : unit;
        reference = reference == null ? "" : reference;
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
