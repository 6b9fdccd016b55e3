package io.bosang.domain;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One disruption window of one service: the half-open interval {@code [start, end)}.
 *
 * @param serviceId the service disrupted
 * @param start     first instant of the disruption (inclusive)
 * @param end       first instant of normal service again (exclusive)
 * @param severity  full stoppage or partial
 * @param endBasis  whether the end is reported, inferred from another report, or assumed
 * @param source    where the window comes from (press report, operator notice), for a reader to check
 */
public record Disruption(String serviceId, OffsetDateTime start, OffsetDateTime end, Severity severity, EndBasis endBasis,
                         String source) {
    public Disruption {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(endBasis, "endBasis");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("disruption of " + serviceId + " ends at " + end + ", not after its start " + start);
        }
        source = source == null ? "" : source;
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    /** The same window with other instants (same service, severity, end basis and source). */
    public Disruption moved(OffsetDateTime newStart, OffsetDateTime newEnd) {
        return new Disruption(serviceId, newStart, newEnd, severity, endBasis, source);
    }
}
