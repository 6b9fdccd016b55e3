package io.bosang.engine;

import io.bosang.domain.Claim;
import io.bosang.domain.Identifiers;
import io.bosang.result.Entitlement;
import io.bosang.result.EntitlementUnit;

/**
 * The one place that says which claims ask for the same entitlement: the settlement key of each unit, built from
 * normalised identifiers ({@link Identifiers#normalise}), so spelling variants of one claimant are one claimant.
 * <ul>
 *   <li>{@code CLAIM}: {@code claim:<claim id>}</li>
 *   <li>{@code CLAIMANT}: {@code claimant:<claimant id>}</li>
 *   <li>{@code SUBSCRIPTION}: {@code claimant:<id>/subscription:<subscription id, or its plan when it has no id>}: the
 *       same plan claimed through two services or with two harms is one subscription. A claim without a
 *       subscription is keyed on the claimant's account of the service ({@code …/service:<service>}).</li>
 *   <li>{@code ACCOUNT}: {@code claimant:<id>/account:<service>}: the claimant's account on the claimed service.</li>
 *   <li>{@code BUSINESS}: {@code business:<registration number's digits>}; a business claim without a registration
 *       number is keyed on its claimant ({@code claimant:<id>/business}).</li>
 * </ul>
 */
public final class EntitlementKeys {
    private EntitlementKeys() {
    }

    /** The entitlement a line of {@code entitlement} owed per {@code unit} settles on for {@code claim}. */
    public static Entitlement of(EntitlementUnit unit, String entitlement, Claim claim) {
        return new Entitlement(unit, key(unit, claim), entitlement);
    }

    public static String key(EntitlementUnit unit, Claim claim) {
        String claimant = "claimant:" + Identifiers.normalise(claim.claimant().id());
        return switch (unit) {
            case CLAIM -> "claim:" + Identifiers.normalise(claim.id());
            case CLAIMANT -> claimant;
            case SUBSCRIPTION -> claim.subscription() == null
                    ? claimant + "/service:" + claim.service().id()
                    : claimant + "/subscription:" + Identifiers.normalise(claim.subscription().settlementId());
            case ACCOUNT -> claimant + "/account:" + claim.service().id();
            case BUSINESS -> {
                String number = claim.claimant().business() == null ? "" : Identifiers.registrationNumber(claim.claimant().business().registrationNumber());
                yield number.isEmpty() ? claimant + "/business" : "business:" + number;
            }
        };
    }

    /** The key of the claim's id: a second claim with the same (normalised) id is a duplicate. */
    public static String claimId(Claim claim) {
        return Identifiers.normalise(claim.id());
    }

    /**
     * The key of a resubmission: the same claimant, incident, service, harm, subscription and business under another
     * id. (The subscription and business are part of it: one claimant's second plan or second shop is not a
     * resubmission.)
     */
    public static String content(Claim claim) {
        String subscription = claim.subscription() == null ? "" : Identifiers.normalise(claim.subscription().settlementId());
        String business = claim.claimant().business() == null ? "" : Identifiers.registrationNumber(claim.claimant().business().registrationNumber());
        return Identifiers.normalise(claim.claimant().id()) + "/" + claim.incident().id() + "/" + claim.service().id() + "/"
                + claim.harm().name() + "/" + subscription + "/" + business;
    }
}
