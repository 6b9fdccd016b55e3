package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.law.Citation;
import io.bosang.law.Source;
import io.bosang.params.ParameterValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of one input record under one policy. Exactly one per input record, in input order.
 *
 * @param record    1-based position of the record in its input
 * @param claimId   the claim's id, or null when the record was unreadable
 * @param policy    the policy that produced it
 * @param outcome   award, no award, manual review, rejected input or error
 * @param totals    sums of the lines
 * @param lines     award lines in deterministic order
 * @param findings  findings in deterministic order
 * @param rejection why the record was rejected, when it was
 */
@JsonPropertyOrder({"record", "claimId", "policy", "outcome", "totals", "lines", "findings", "rejection", "sources"})
public record Assessment(
        long record,
        String claimId,
        PolicyStamp policy,
        Outcome outcome,
        Totals totals,
        List<AwardLine> lines,
        List<Finding> findings,
        @JsonInclude(JsonInclude.Include.NON_NULL) Rejection rejection) {

    public Assessment {
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(totals, "totals");
        lines = lines.stream().sorted(AwardLine.ORDER).toList();
        findings = findings.stream().sorted(Finding.ORDER).toList();
    }

    /** Builds an assessment from lines and findings, deriving outcome and totals. */
    public static Assessment of(long record, String claimId, PolicyStamp policy, List<AwardLine> lines, List<Finding> findings) {
        Outcome outcome;
        if (findings.stream().anyMatch(f -> f.kind() == FindingKind.MANUAL_REVIEW)) {
            outcome = Outcome.MANUAL_REVIEW;
        } else if (!lines.isEmpty()) {
            outcome = Outcome.AWARD;
        } else {
            outcome = Outcome.NO_AWARD;
        }
        return new Assessment(record, claimId, policy, outcome, Totals.of(lines), lines, findings, null);
    }

    public static Assessment rejected(long record, String claimId, PolicyStamp policy, Rejection rejection) {
        return new Assessment(record, claimId, policy, Outcome.REJECTED, Totals.ZERO, List.of(), List.of(),
                Objects.requireNonNull(rejection, "rejection"));
    }

    public static Assessment error(long record, String claimId, PolicyStamp policy, String message) {
        return new Assessment(record, claimId, policy, Outcome.ERROR, Totals.ZERO, List.of(), List.of(),
                new Rejection("$policy", message));
    }

    /** The same assessment at another record position (batches renumber; content is unchanged). */
    public Assessment atRecord(long newRecord) {
        return new Assessment(newRecord, claimId, policy, outcome, totals, lines, findings, rejection);
    }

    /** Returns a copy with lines and findings replaced (settlement of quotas and duplicates). */
    public Assessment withLinesAndFindings(List<AwardLine> newLines, List<Finding> newFindings) {
        Assessment rebuilt = of(record, claimId, policy, newLines, newFindings);
        return rebuilt;
    }

    /** Returns a copy with one more finding. */
    public Assessment withFinding(Finding finding) {
        List<Finding> more = new ArrayList<>(findings);
        more.add(finding);
        return withLinesAndFindings(lines, more);
    }

    @JsonIgnore
    public boolean paid() {
        return !lines.isEmpty();
    }

    /**
     * Every source this assessment cites — in its lines' and findings' legal bases and in the references of the
     * parameter values they read — in full, once each, by id: what a reader needs to follow every citation.
     */
    @JsonProperty("sources")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public List<Source> sources() {
        java.util.TreeMap<String, Source> by = new java.util.TreeMap<>();
        for (AwardLine l : lines) {
            collect(l.citations(), by);
            for (ParameterValue v : l.parameters()) collect(v.citations(), by);
        }
        for (Finding f : findings) {
            collect(f.citations(), by);
            for (ParameterValue v : f.parameters()) collect(v.citations(), by);
        }
        return by.isEmpty() ? List.of() : List.copyOf(by.values());
    }

    private static void collect(List<Citation> citations, java.util.Map<String, Source> by) {
        for (Citation c : citations) if (c.entry() != null) by.putIfAbsent(c.source(), c.entry());
    }
}
