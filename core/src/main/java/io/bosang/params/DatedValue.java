package io.bosang.params;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One dated entry of a parameter file: from {@code from} on, the parameter is {@code value} (or ends, when null).
 *
 * @param from      first date of application
 * @param value     the value as written, or {@code null} when the parameter stops applying
 * @param reference the source of the value
 * @param line      the line of the entry in its file, for messages
 */
public record DatedValue(LocalDate from, String value, String reference, int line) {
    public DatedValue {
        Objects.requireNonNull(from, "from");
        reference = reference == null ? "" : reference;
    }
}
