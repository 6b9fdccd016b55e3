package io.bosang.domain;

/** Who is claiming. Declared by the claimant; policies verify it (a small business must meet the legal test). */
public enum ClaimantKind {
    CONSUMER, SMALL_BUSINESS, MID_LARGE_BUSINESS, PLATFORM_WORKER
}
