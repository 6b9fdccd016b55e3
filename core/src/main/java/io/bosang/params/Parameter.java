package io.bosang.params;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parameter: one file, values keyed by effective date.
 *
 * @param id          file name without extension (a folder below {@code parameters/} becomes a dotted prefix)
 * @param description what the parameter means
 * @param type        what its values look like
 * @param unit        its unit
 * @param values      dated values in ascending date order
 * @param file        the file it was read from, relative to the policy folder
 */
public record Parameter(String id, String description, ParameterType type, String unit, List<DatedValue> values, String file) {
    public Parameter {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        unit = unit == null ? "" : unit;
        values = List.copyOf(values);
    }

    /** The value in force on {@code date}, or empty when none applies yet or the parameter has ended. */
    public Optional<ParameterValue> at(LocalDate date) {
        DatedValue inForce = null;
        for (DatedValue v : values) {
            if (v.from().isAfter(date)) break;
            inForce = v;
        }
        if (inForce == null || inForce.value() == null) return Optional.empty();
        return Optional.of(new ParameterValue(id, inForce.value(), unit, inForce.from(), inForce.certainty(), inForce.why(),
                inForce.reference(), inForce.citations()));
    }

    /**
     * Returns a copy whose values are replaced by one value applying from {@code from} (scenario what-ifs, check's
     * probes). The value is assumed, and {@code why} says whose what-if it is.
     */
    public Parameter overriddenFrom(LocalDate from, String value, String why) {
        return withValues(List.of(new DatedValue(from, value, "", List.of(), Certainty.ASSUMED, why, 0)));
    }

    /** Returns a copy with other dated values (a test moving a switch date). */
    public Parameter withValues(List<DatedValue> newValues) {
        return new Parameter(id, description, type, unit, newValues, file);
    }

    /** Why {@code value} is not a value of this parameter's type, or null. */
    public String problemWith(String value) {
        return value == null ? null : type.problemWith(value.trim());
    }
}
