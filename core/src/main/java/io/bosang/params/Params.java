package io.bosang.params;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

/**
 * The parameters in force on one date, as one evaluation reads them: inserted as a fact into every evaluation, so a
 * rule writes {@code $p : Params()} and {@code $p.get("multiplier")}. Every value read is recorded in the
 * evaluation's {@link ReadLog}, and the engine cites on each line and finding the values its rule read: a rule never
 * lists them itself. A key may be computed ({@code "small_business.revenue_cap." + industry}); it is recorded like
 * any other. Reading a parameter that does not exist, or has no value on the date, fails the claim with an error that
 * names the key.
 */
public final class Params {
    private final LocalDate date;
    private final Map<String, ParameterValue> values;
    private final ReadLog log;

    /** A view of {@code values} (shared, in force on {@code date}) whose reads go to {@code log}. */
    Params(LocalDate date, Map<String, ParameterValue> values, ReadLog log) {
        this.date = Objects.requireNonNull(date, "date");
        this.values = values;
        this.log = log;
    }

    public LocalDate date() {
        return date;
    }

    /** The value in force, recorded as read. */
    public ParameterValue get(String id) {
        ParameterValue v = values.get(id);
        if (v == null) {
            throw new MissingParameterException(id, date);
        }
        if (log != null) log.record(v);
        return v;
    }

    /** The value in force without recording a read (the engine citing what a condition compared). */
    public ParameterValue peek(String id) {
        return values.get(id);
    }

    /** Whether the parameter has a value on the date (not a read: nothing is cited). */
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

    public Scale scale(String id) {
        return get(id).scale();
    }

    @Override
    public String toString() {
        return "Params[" + date + ", " + values.size() + " values]";
    }
}
