package io.bosang.engine;

import io.bosang.result.PriorGrant;

import java.util.Map;

/**
 * What {@link Settlement} remembers between claims: which claim holds each key (a claim id, a resubmission's content,
 * an entitlement granted once per its unit) and how much of each limited pool was drawn.
 *
 * <p>{@link Settlement} holds the semantics; a state only stores. The in-memory state keeps one run's keys; a
 * durable one (the claims ledger) keeps them across requests and restarts and must run each
 * {@link Settlement#settle} call as one atomic step (a transaction that no other decision of the same policy
 * interleaves with), so that the decisions equal a sequential run in commit order.
 *
 * <p>A key is a kind and its parts, e.g. {@code ("grant", "K1015-SB-TIER", "BUSINESS", "business:1234567890")}.
 */
public interface SettlementState {
    /** The claim that holds the key, or null when none does. */
    PriorGrant holder(String kind, String... parts);

    /** Records that {@code holder} holds the key (which no claim held). */
    void hold(PriorGrant holder, String kind, String... parts);

    /** How many units drew from {@code pool} so far. */
    long drawn(String pool);

    /** One more unit drew from {@code pool}. */
    void draw(String pool);

    /** Every pool drawn from, with its count. */
    Map<String, Long> pools();
}
