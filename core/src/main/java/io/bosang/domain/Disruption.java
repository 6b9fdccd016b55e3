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
 * @param source    where the window comes from (press report, operator notice), for a reader to check
 */
public record Disruption(String serviceId, OffsetDateTime start, OffsetDateTime end, Severity severity, String source) {
    public Disruption {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(severity, "severity");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("disruption of " + serviceId + " ends at " + end + ", not after its start " + start);
        }
        source = source == null ? "" : source;
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
