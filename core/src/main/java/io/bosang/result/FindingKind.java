package io.bosang.result;

/** Why something was not paid, was reduced, or needs a person. */
public enum FindingKind {
    /** The claim does not qualify under a rule. */
    NOT_ELIGIBLE,
    /** An amount was capped or reduced. */
    CAPPED,
    /** A person must decide; the outcome becomes {@link Outcome#MANUAL_REVIEW}. */
    MANUAL_REVIEW,
    /** The result rests on an assumption (an unpublished factor, a default) the reader should know about. */
    ASSUMPTION,
    /** Context worth stating (a precedent, a doctrine) that changes no amount. */
    NOTE
}
