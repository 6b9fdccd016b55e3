package io.bosang.engine;

import io.bosang.domain.Incident;
import io.bosang.domain.Severity;
import io.bosang.rules.PolicyCalendar;
import io.bosang.rules.ServiceOutage;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A policy's measure of each (incident, service) it has met. Every claim of an incident names the same incident
 * object (the catalogue's), and a measure depends only on the incident, the service, the policy's calendar and its
 * counted severities, so it is computed once instead of per claim (it was 6% of a Kakao run). Keyed by the incident's
 * identity: a caller that builds an incident per claim gets a fresh measure, never another incident's. Bounded: past
 * {@link #MAX} entries it starts again. {@link ServiceOutage} is immutable, so one instance serves every thread.
 */
final class OutageCache {
    static final int MAX = 4_096;
    private final PolicyCalendar calendar;
    private final Set<Severity> counted;
    private final Map<Key, ServiceOutage> measured = new ConcurrentHashMap<>();

    OutageCache(PolicyCalendar calendar, Set<Severity> counted) {
        this.calendar = calendar;
        this.counted = counted;   // the policy's own EnumSet, never changed: its order is the one measures print
    }

    ServiceOutage of(Incident incident, String serviceId) {
        Key key = new Key(incident, serviceId);
        ServiceOutage known = measured.get(key);
        if (known != null) return known;
        ServiceOutage outage = ServiceOutage.of(incident, serviceId, calendar, counted);
        if (measured.size() >= MAX) measured.clear();
        measured.putIfAbsent(key, outage);
        return outage;
    }

    /** An incident by identity (a record's equals would compare every window on every lookup) and a service id. */
    private record Key(Incident incident, String serviceId) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.incident == incident && k.serviceId.equals(serviceId);
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(incident) * 31 + serviceId.hashCode();
        }
    }
}
