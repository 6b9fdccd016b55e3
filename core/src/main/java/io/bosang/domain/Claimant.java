package io.bosang.domain;

import java.util.Objects;

/**
 * The person or business claiming.
 *
 * @param id           pseudonymous identifier (never personal data)
 * @param kind         consumer, small business, mid/large business or platform worker
 * @param phoneCountry ISO 3166 alpha-2 country of the account's phone number, e.g. {@code KR}
 * @param business     business facts, or {@code null} for a consumer
 */
public record Claimant(String id, ClaimantKind kind, String phoneCountry, Business business) {
    public Claimant {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        phoneCountry = phoneCountry == null ? "" : phoneCountry;
    }

    public boolean domesticPhone() {
        return "KR".equals(phoneCountry);
    }

    public boolean hasBusiness() {
        return business != null;
    }
}
