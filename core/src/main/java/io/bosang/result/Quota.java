package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * A limited quantity: the pool grants at most {@code limit} awards in a run, to the first units (claimants,
 * subscriptions...) that claim it in input order, so the result does not depend on thread count. A unit draws from
 * the pool once, when its entitlement is first granted.
 *
 * @param pool  the pool the award draws from
 * @param limit how many awards the pool grants
 */
@JsonPropertyOrder({"pool", "limit"})
public record Quota(String pool, long limit) {
    public Quota {
        Objects.requireNonNull(pool, "pool");
        if (limit < 0) throw new IllegalArgumentException("quota limit must not be negative");
    }
}
