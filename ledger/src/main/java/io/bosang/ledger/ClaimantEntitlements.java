package io.bosang.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.Json;
import io.bosang.result.PolicyStamp;
import io.bosang.result.Totals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one claimant's claims were granted: per decision the policy stamp that decided it and the lines it received
 * (each naming the unit and key it is owed per), and the top-ups paid to the claimant by re-assessments.
 */
@JsonPropertyOrder({"claimant", "decisions", "topUps"})
public record ClaimantEntitlements(String claimant, List<Granted> decisions, List<PaymentLine> topUps) {

    /** One decision of the claimant and its granted lines (empty once erased). */
    @JsonPropertyOrder({"policyId", "decision", "claimId", "decidedBy", "decidedAt", "outcome", "totals", "erasedAt", "lines"})
    public record Granted(String policyId, long decision, String claimId, PolicyStamp decidedBy, OffsetDateTime decidedAt, String outcome,
                          Totals totals, @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime erasedAt, JsonNode lines) {
        static Granted of(StoredDecision d) {
            JsonNode lines;
            try {
                lines = d.assessment() == null ? Json.mapper().createArrayNode() : Json.mapper().readTree(d.assessment()).get("lines");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new Granted(d.policyId(), d.decision(), d.claimId(), d.decidedBy(), d.decidedAt(), d.outcome(), d.totals(), d.erasedAt(), lines);
        }
    }
}
