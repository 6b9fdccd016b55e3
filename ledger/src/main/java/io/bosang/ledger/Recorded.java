package io.bosang.ledger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import io.bosang.result.PolicyStamp;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the ledger answered for one input record of a {@link Ledger#record} call.
 *
 * @param position        1-based position of the record in the call
 * @param status          what happened to it
 * @param decision        the ledger's decision number of the claim (this policy's ledger), or 0 when none was made
 * @param claimId         the claim id as written in this record, when it could be read
 * @param decidedBy       the policy version that made the decision (for a replay, the one that made it first)
 * @param decidedAt       when the decision was committed
 * @param assessment      the settled assessment as JSON, exactly as stored; for a rejected record or a rule error, the
 *                        REJECTED or ERROR assessment (whose {@code record} is then the position); null for a conflict
 * @param differingFields for a conflict, the JSON paths of the claim's fields that differ from the recorded claim
 */
@JsonPropertyOrder({"position", "status", "replay", "decision", "claimId", "decidedBy", "decidedAt", "differingFields", "assessment"})
public record Recorded(int position, Status status, long decision, String claimId, PolicyStamp decidedBy, OffsetDateTime decidedAt,
                       @JsonRawValue String assessment, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> differingFields) {

    public enum Status {
        /** Decided and recorded by this call. */
        DECIDED,
        /** The same claim (same normalised id, same content) was recorded before: its stored decision, nothing granted again. */
        REPLAY,
        /** A claim with the same normalised id but other content was recorded before: nothing recorded; an amendment is its own call. */
        CONFLICT,
        /** Not a valid claim: nothing recorded; the assessment names the field and why. */
        REJECTED,
        /** A rule of the policy failed on the claim: nothing recorded, so it can be sent again once the policy is fixed. */
        ERROR
    }

    public Recorded {
        differingFields = differingFields == null ? List.of() : List.copyOf(differingFields);
    }

    /** True for a stored decision returned again. */
    @JsonProperty("replay")
    public boolean replay() {
        return status == Status.REPLAY;
    }
}
