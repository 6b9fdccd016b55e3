package io.bosang.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.LocalDate;
import java.util.List;

/**
 * A policy's {@code policy.yaml}: what it is, where its law comes from, and which payout invariants it promises.
 *
 * @param id            folder name and stable identifier, e.g. {@code content-user-protection}
 * @param title         a one-line title
 * @param version       the analysts' version label for this content
 * @param kind          guideline, company-plan, standard-terms, dispute-standard, precedent, estimate, statutory-duty
 * @param jurisdiction  e.g. {@code KR}
 * @param summary       a paragraph saying what the policy decides
 * @param effectiveFrom first incident date the policy applies to, or null
 * @param effectiveTo   last incident date the policy applies to, or null
 * @param sources       legal and published sources
 * @param invariants    the payout invariants this policy promises (see {@code bosang check})
 * @param label         a caution shown with every result, e.g. "litigation estimate, not a payout"; may be empty
 */
@JsonPropertyOrder({"id", "title", "version", "kind", "jurisdiction", "summary", "effectiveFrom", "effectiveTo",
        "label", "sources", "invariants"})
public record PolicyManifest(String id, String title, String version, String kind, String jurisdiction, String summary,
                             LocalDate effectiveFrom, LocalDate effectiveTo, List<Source> sources,
                             List<String> invariants, String label) {
    public PolicyManifest {
        sources = List.copyOf(sources);
        invariants = List.copyOf(invariants);
        label = label == null ? "" : label;
        summary = summary == null ? "" : summary;
    }

    /** A legal or published source of the policy. */
    @JsonPropertyOrder({"id", "title", "reference"})
    public record Source(String id, String title, String reference) {
    }
}
