package io.bosang.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.bosang.result.PolicyStamp;
import io.bosang.result.Totals;

import java.time.OffsetDateTime;

/**
 * One decision as the ledger keeps it.
 *
 * @param policyId   the policy whose ledger holds it
 * @param decision   its number in that ledger (commit order)
 * @param claimId    the claim id as first written
 * @param decidedBy  the policy version that decided it
 * @param outcome    the settled outcome
 * @param totals     money, nominal in-kind value and extension granted
 * @param decidedAt  when it was committed
 * @param erasedAt   when the claimant's personal data was erased, or null
 * @param claim      the claim as received (canonical JSON); null once erased
 * @param assessment the settled assessment as answered; null once erased
 */
@JsonPropertyOrder({"policyId", "decision", "claimId", "decidedBy", "outcome", "totals", "decidedAt", "erasedAt", "claim", "assessment"})
public record StoredDecision(String policyId, long decision, String claimId, PolicyStamp decidedBy, String outcome, Totals totals,
                             OffsetDateTime decidedAt, @JsonInclude(JsonInclude.Include.NON_NULL) OffsetDateTime erasedAt,
                             @JsonRawValue String claim, @JsonRawValue String assessment) {
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean erased() {
        return erasedAt != null;
    }
}
