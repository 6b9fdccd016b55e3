package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * The earlier claim that already received what a later claim asks for again.
 *
 * @param record  its record number in the run (or the ledger's decision number)
 * @param claimId its claim id as written
 */
@JsonPropertyOrder({"record", "claimId"})
public record PriorGrant(long record, String claimId) {
    public PriorGrant {
        Objects.requireNonNull(claimId, "claimId");
    }
}
