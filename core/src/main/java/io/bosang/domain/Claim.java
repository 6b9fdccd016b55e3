package io.bosang.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One claim: a claimant says an incident harmed them through one service.
 *
 * @param id           the claim's identifier, unique within a run
 * @param claimant     who claims
 * @param incident     the incident claimed about
 * @param service      the service claimed about (one of the incident's services)
 * @param subscription the paid plan held for that service, or {@code null}
 * @param harm         what kind of harm is claimed
 * @param filedAt      when the claim was filed
 * @param declared     declared amounts in whole KRW by key (e.g. {@code outage_week_sales}), sorted by key
 * @param usage        declared usage counts by key (e.g. {@code saturdays_with_drives}), sorted by key
 * @param evidence     documents offered
 */
public record Claim(
        String id,
        Claimant claimant,
        Incident incident,
        Service service,
        Subscription subscription,
        HarmKind harm,
        OffsetDateTime filedAt,
        SortedMap<String, Long> declared,
        SortedMap<String, Long> usage,
        List<Evidence> evidence) {

    public Claim {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(claimant, "claimant");
        Objects.requireNonNull(incident, "incident");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(harm, "harm");
        Objects.requireNonNull(filedAt, "filedAt");
        declared = immutableSorted(declared);
        usage = immutableSorted(usage);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    private static SortedMap<String, Long> immutableSorted(Map<String, Long> map) {
        TreeMap<String, Long> copy = map == null ? new TreeMap<>() : new TreeMap<>(map);
        return java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** A declared amount in KRW, or 0 when not declared. */
    public long declaredKrw(String key) {
        Long v = declared.get(key);
        return v == null ? 0L : v;
    }

    public boolean hasDeclared(String key) {
        return declared.containsKey(key);
    }

    /** A declared usage count, or 0 when not declared. */
    public long usageCount(String key) {
        Long v = usage.get(key);
        return v == null ? 0L : v;
    }

    public boolean hasUsage(String key) {
        return usage.containsKey(key);
    }

    public boolean hasEvidence(EvidenceKind kind) {
        return evidence.stream().anyMatch(e -> e.kind() == kind);
    }

    public boolean hasSubscription() {
        return subscription != null;
    }

    /** Returns a copy with another id: used by tests of duplicate submission. */
    public Claim withId(String newId) {
        return new Claim(newId, claimant, incident, service, subscription, harm, filedAt, declared, usage, evidence);
    }
}
