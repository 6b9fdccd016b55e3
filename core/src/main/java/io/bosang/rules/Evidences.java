package io.bosang.rules;

import io.bosang.domain.Claim;
import io.bosang.domain.EvidenceKind;

import java.util.Locale;

/** What a claim offers as evidence, for rules that accept any of a list of kinds (policies may not loop themselves). */
public final class Evidences {
    private Evidences() {
    }

    /**
     * The first kind in {@code kinds} (comma-separated evidence kinds, as a parameter lists them) that the claim
     * offers, or null when it offers none of them. An unknown kind in the list is an error, not a silent miss.
     */
    public static String firstOffered(Claim claim, String kinds) {
        for (String k : kinds.split(",")) {
            String kind = k.trim().toUpperCase(Locale.ROOT);
            if (kind.isEmpty()) continue;
            if (claim.hasEvidence(EvidenceKind.valueOf(kind))) return kind;
        }
        return null;
    }
}
