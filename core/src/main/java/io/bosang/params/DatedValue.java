package io.bosang.params;

import io.bosang.law.Citation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One dated entry of a parameter file: from {@code from} on, the parameter is {@code value} (or ends, when null).
 *
 * @param from      first date of application
 * @param value     the value as written (a scale in its canonical text), or {@code null} when the parameter stops applying
 * @param reference the sources of the value, as written: registry ids with pinpoints ({@code "tba Art. 33; moleg-14-0683"})
 * @param citations the same, parsed and resolved against the source registry (empty for a what-if)
 * @param certainty how well the value is known
 * @param why       why it is reported or assumed rather than official; required for an assumed value
 * @param line      the line of the entry in its file, for messages
 */
public record DatedValue(LocalDate from, String value, String reference, List<Citation> citations, Certainty certainty,
                         String why, int line) {
    public DatedValue {
        Objects.requireNonNull(from, "from");
        reference = reference == null ? "" : reference;
        citations = citations == null ? List.of() : List.copyOf(citations);
        certainty = certainty == null ? Certainty.ASSUMED : certainty;
        why = why == null ? "" : why;
    }
}
