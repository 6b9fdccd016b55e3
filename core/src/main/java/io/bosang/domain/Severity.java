package io.bosang.domain;

/** How badly a service was disrupted during one window. */
public enum Severity {
    /** The service could not be used at all. */
    FULL,
    /** Main functions worked; some functions did not. */
    PARTIAL
}
