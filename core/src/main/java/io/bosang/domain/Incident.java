package io.bosang.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An outage event: who operated the services, why they stopped, the operator's stated fault, whether users
 * were told in advance, and one or more disruption windows per service (services come back at different times).
 *
 * @param id          stable identifier, e.g. {@code kakao-2022-10-15}
 * @param operator    the operator users contracted with (rules match its id)
 * @param title       a one-line description
 * @param cause       the cause as reported
 * @param fault       the operator's fault as a stated position
 * @param faultBasis  why that position (sources, or "assumed")
 * @param startedAt   when the incident began; its date in the policy's zone selects the parameters in force
 * @param priorNotice notice given before the stoppage, or {@code null} when none was given
 * @param services    the services the incident touched
 * @param disruptions the disruption windows, each naming a service in {@code services}
 * @param sources     references for the incident as a whole
 */
public record Incident(
        String id,
        Operator operator,
        String title,
        String cause,
        FaultPosition fault,
        String faultBasis,
        OffsetDateTime startedAt,
        PriorNotice priorNotice,
        List<Service> services,
        List<Disruption> disruptions,
        List<String> sources) {

    public Incident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(fault, "fault");
        Objects.requireNonNull(startedAt, "startedAt");
        title = title == null ? "" : title;
        cause = cause == null ? "" : cause;
        faultBasis = faultBasis == null ? "" : faultBasis;
        services = List.copyOf(services);
        disruptions = disruptions.stream()
                .sorted(Comparator.comparing(Disruption::serviceId).thenComparing(Disruption::start))
                .toList();
        sources = sources == null ? List.of() : List.copyOf(sources);
        Map<String, Service> byId = services.stream().collect(Collectors.toMap(Service::id, Function.identity()));
        for (Disruption d : disruptions) {
            if (!byId.containsKey(d.serviceId())) {
                throw new IllegalArgumentException("disruption names unknown service " + d.serviceId());
            }
        }
    }

    /**
     * The date whose parameters apply: the incident's start date in {@code zone} (the policy's zone), never at the
     * offset the file happened to be written in.
     */
    public LocalDate dateIn(ZoneId zone) {
        return startedAt.atZoneSameInstant(zone).toLocalDate();
    }

    public Optional<Service> service(String serviceId) {
        return services.stream().filter(s -> s.id().equals(serviceId)).findFirst();
    }

    public List<Disruption> disruptionsOf(String serviceId) {
        return disruptions.stream().filter(d -> d.serviceId().equals(serviceId)).toList();
    }

    /** True when users were notified at least {@code lead} before the stoppage began. */
    public boolean noticedAtLeast(Duration lead) {
        return priorNotice != null && !priorNotice.givenAt().plus(lead).isAfter(startedAt);
    }

    /** True when any prior notice was given. */
    public boolean hasPriorNotice() {
        return priorNotice != null;
    }
}
