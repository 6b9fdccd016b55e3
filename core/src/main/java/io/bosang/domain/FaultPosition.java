package io.bosang.domain;

/**
 * The operator's fault as a stated position (not a finding of a court): policies differ on what each
 * position entitles a user to, so the position is an input, never something a rule infers.
 */
public enum FaultPosition {
    /** No fault is attributed to anyone (e.g. the user's own equipment). */
    NONE,
    /** Natural disaster or an equivalent state that the operator could not prevent. */
    FORCE_MAJEURE,
    /** A third party's act (e.g. an illegal attack, or a failure in a third party's facility). */
    THIRD_PARTY,
    /** The operator was negligent. */
    ORDINARY_NEGLIGENCE,
    /** The operator was grossly negligent. */
    GROSS_NEGLIGENCE,
    /** The operator acted intentionally. */
    INTENT;

    /** True where the stoppage is attributable to the operator (negligence of any degree, or intent). */
    public boolean operatorAttributable() {
        return this == ORDINARY_NEGLIGENCE || this == GROSS_NEGLIGENCE || this == INTENT;
    }

    /** True for gross negligence or intent: several terms raise the award for these. */
    public boolean grossOrIntent() {
        return this == GROSS_NEGLIGENCE || this == INTENT;
    }

    /** True where the operator is excused: force majeure or a third party's act. */
    public boolean excused() {
        return this == FORCE_MAJEURE || this == THIRD_PARTY;
    }
}
