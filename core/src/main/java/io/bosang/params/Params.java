package io.bosang.params;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters in force on one date: what a rule reads. Inserted as a fact into every evaluation, so a rule
 * writes {@code $p : Params()} and {@code $p.get("multiplier")}. Reading a parameter that does not exist, or that
 * has no value on the date, is an error the policy check reports before any claim runs.
 */
public final class Params {
    private final LocalDate date;
    private final Map<String, ParameterValue> values;

    Params(LocalDate date, Map<String, ParameterValue> values) {
        this.date = Objects.requireNonNull(date, "date");
        this.values = Map.copyOf(values);
    }

    public LocalDate date() {
        return date;
    }

    public ParameterValue get(String id) {
        ParameterValue v = values.get(id);
        if (v == null) {
            throw new MissingParameterException(id, date);
        }
        return v;
    }

    public boolean has(String id) {
        return values.containsKey(id);
    }

    public BigDecimal decimal(String id) {
        return get(id).decimal();
    }

    public long krw(String id) {
        return get(id).krw();
    }

    public long integer(String id) {
        return get(id).integer();
    }

    public String text(String id) {
        return get(id).text();
    }

    public boolean flag(String id) {
        return get(id).flag();
    }

    public LocalDate dateValue(String id) {
        return get(id).date();
    }

    public Duration hours(String id) {
        return get(id).hours();
    }

    public Duration days(String id) {
        return get(id).days();
    }

    @Override
    public String toString() {
        return "Params[" + date + ", " + values.size() + " values]";
    }
}
