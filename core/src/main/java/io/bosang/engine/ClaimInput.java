package io.bosang.engine;

import io.bosang.domain.Claim;
import io.bosang.result.Rejection;

import java.util.function.Supplier;

/**
 * One input record: a readable claim, or the reason it could not be read. Exactly one of {@code claim} and
 * {@code rejection} is set, so every record yields exactly one assessment.
 *
 * @param record    1-based position of the record in its input
 * @param claimId   the record's {@code id} when it could be read, else null
 * @param claim     the claim, or null
 * @param rejection why the record is not a claim, or null
 */
public record ClaimInput(long record, String claimId, Claim claim, Rejection rejection) implements Supplier<ClaimInput> {
    public static ClaimInput ok(long record, Claim claim) {
        return new ClaimInput(record, claim.id(), claim, null);
    }

    public static ClaimInput rejected(long record, String claimId, Rejection rejection) {
        return new ClaimInput(record, claimId, null, rejection);
    }

    public boolean valid() {
        return claim != null;
    }

    /** A ready input is its own supplier: {@link BatchAssessor} takes ready inputs and deferred reads alike. */
    @Override
    public ClaimInput get() {
        return this;
    }
}
