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

    /**
     * {@code values} sorted by id, without repeats, unmodifiable: how a line or a finding lists what it read. A list
     * already in that form (every copy of a line made by its fluent methods) is returned as it is, without sorting.
     */
    public static List<ParameterValue> sortedDistinct(List<ParameterValue> values) {
        if (values == null || values.isEmpty()) return List.of();
        List<ParameterValue> copy = List.copyOf(values); // the same list when it is already unmodifiable
        for (int i = 1; i < copy.size(); i++) {
            if (copy.get(i - 1).id().compareTo(copy.get(i).id()) >= 0) {
                return copy.stream().sorted(java.util.Comparator.comparing(ParameterValue::id)).distinct().toList();
            }
        }
        return copy;
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
        // Rules read claim-window dates on every claim; DateTimeFormatter's parse was 3% of a Kakao run. A plain
        // yyyy-MM-dd is read by position, anything else by LocalDate.parse (which also gives its error).
        String v = value;
        if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
            int y = digits(v, 0, 4), m = digits(v, 5, 7), d = digits(v, 8, 10);
            if (y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= java.time.YearMonth.of(y, m).lengthOfMonth()) {
                return LocalDate.of(y, m, d);
            }
        }
        return LocalDate.parse(v);
    }

    /** The decimal number in {@code s[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            n = n * 10 + (c - '0');
        }
        return n;
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
