package io.bosang.domain;

/** How the end of a disruption window is known. An amount that rests on an end not reported says so. */
public enum EndBasis {
    /** A source reports the time service was back (or the operator defined the window). */
    REPORTED,
    /** Derived from a report that is not itself the end (e.g. "still recovering at 21:30"). */
    INFERRED,
    /** Nobody reported it; the window takes a stated assumption (e.g. "09:00 assumed"). */
    ASSUMED;

    /** The value as written in incident files: {@code reported}, {@code inferred}, {@code assumed}. */
    public String text() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
