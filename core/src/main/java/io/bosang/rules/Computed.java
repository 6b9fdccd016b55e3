package io.bosang.rules;

/**
 * A whole-KRW amount with the derivation that produced it, e.g.
 * {@code 7550} and {@code "39,000 × 6 / 31 = 7,548.39 → 7,550 (rounded half up to 10 won)"}.
 */
public record Computed(long value, String derivation) {
}
