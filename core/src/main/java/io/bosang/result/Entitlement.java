package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * What an award line is owed per, and the key it was settled on: a run grants each (entitlement, unit, key) once.
 *
 * @param unit        what the entitlement is owed per
 * @param key         the unit's settlement key, built from normalised identifiers (see {@code EntitlementKeys}), e.g.
 *                    {@code claimant:u-1/subscription:webtoon-pass}
 * @param entitlement the name several rules share when they grant one thing (the tiers of one scheme, alternatives
 *                    for one subscription); the rule id when the rule declares none
 */
@JsonPropertyOrder({"unit", "key", "entitlement"})
public record Entitlement(EntitlementUnit unit, String key, String entitlement) {
    public Entitlement {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(entitlement, "entitlement");
    }
}
