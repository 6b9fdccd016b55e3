package io.bosang.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.bosang.domain.Severity;
import io.bosang.law.Citation;
import io.bosang.rules.PolicyCalendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

/**
 * A policy's {@code policy.yaml}: what it is, where its law comes from, and which payout invariants it promises.
 *
 * @param id            folder name and stable identifier, e.g. {@code content-user-protection}
 * @param title         a one-line title
 * @param version       the analysts' version label for this content
 * @param kind          guideline, company-plan, standard-terms, dispute-standard, precedent, estimate, statutory-duty
 * @param jurisdiction  e.g. {@code KR}
 * @param zone          the jurisdiction's time zone, e.g. {@code Asia/Seoul}: the policy's days, months and deadlines
 * @param countedSeverities the disruption severities the policy measures (FULL, or FULL and PARTIAL)
 * @param summary       a paragraph saying what the policy decides
 * @param effectiveFrom first incident date the policy applies to, or null
 * @param effectiveTo   last incident date the policy applies to, or null
 * @param sources       the legal and published sources the policy stands on: registry citations, each with what the
 *                      policy takes from it
 * @param invariants    the payout invariants this policy promises (see {@code bosang check})
 * @param label         a caution shown with every result, e.g. "litigation estimate, not a payout"; may be empty
 */
@JsonPropertyOrder({"id", "title", "version", "kind", "jurisdiction", "zone", "countedSeverities", "summary",
        "effectiveFrom", "effectiveTo", "label", "sources", "invariants"})
public record PolicyManifest(String id, String title, String version, String kind, String jurisdiction, String zone,
                             List<Severity> countedSeverities, String summary,
                             LocalDate effectiveFrom, LocalDate effectiveTo, List<Cited> sources,
                             List<String> invariants, String label) {
    public PolicyManifest {
        ZoneId.of(zone); // fails on an unknown zone; the reader reports it with file and line first
        countedSeverities = List.copyOf(EnumSet.copyOf(countedSeverities));
        if (!countedSeverities.contains(Severity.FULL)) throw new IllegalArgumentException("counted severities must include FULL");
        sources = List.copyOf(sources);
        invariants = List.copyOf(invariants);
        label = label == null ? "" : label;
        summary = summary == null ? "" : summary;
    }

    /** The policy's calendar: its zone's days and months. */
    public PolicyCalendar calendar() {
        return new PolicyCalendar(ZoneId.of(zone));
    }

    /** The same manifest counting other severities (a what-if reading of "stoppage"). */
    public PolicyManifest withCountedSeverities(List<Severity> severities) {
        return new PolicyManifest(id, title, version, kind, jurisdiction, zone, severities, summary, effectiveFrom,
                effectiveTo, sources, invariants, label);
    }

    /**
     * A source of the policy: a registry citation ({@code cite: "skt-terms-2014 Art. 32"} in policy.yaml) and what the
     * policy takes from it.
     */
    @JsonPropertyOrder({"citation", "about"})
    public record Cited(Citation citation, String about) {
        public Cited {
            java.util.Objects.requireNonNull(citation, "citation");
            about = about == null ? "" : about;
        }

        /** The citation in full, in English or Korean. */
        public String render(boolean korean) {
            return citation.render(korean);
        }
    }
}
