package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * A limited award, granted when a run settles its assessments in input (claim) order, so the result does not
 * depend on thread count.
 *
 * @param pool        the pool the award draws from
 * @param limit       how many awards the pool grants in the run, or null for no limit
 * @param perClaimant true when the pool grants at most one award per claimant (a package per account, however
 *                    many services the account claims about)
 */
@JsonPropertyOrder({"pool", "limit", "perClaimant"})
public record Quota(String pool, Long limit, boolean perClaimant) {
    public Quota {
        Objects.requireNonNull(pool, "pool");
        if (limit != null && limit < 0) throw new IllegalArgumentException("quota limit must not be negative");
        if (limit == null && !perClaimant) throw new IllegalArgumentException("a quota limits the count, the claimant, or both");
    }
}
