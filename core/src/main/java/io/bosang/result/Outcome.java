package io.bosang.result;

/** The outcome of assessing one input record under one policy. */
public enum Outcome {
    /** At least one award line and no manual-review finding. */
    AWARD,
    /** No award line; findings say why. */
    NO_AWARD,
    /** A person must decide (award lines already granted, if any, stand). */
    MANUAL_REVIEW,
    /** The input record could not be read as a claim; {@code rejection} names the field and why. */
    REJECTED,
    /** The policy failed on this claim (a rule threw); the message says where. Checked policies do not do this. */
    ERROR
}
