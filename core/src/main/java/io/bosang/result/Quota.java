package io.bosang.result;

import java.util.Objects;

/**
 * A limited-quantity award: only the first {@code limit} lines of {@code pool}, in claim order, are granted.
 * Granting happens when a run settles its assessments in input order, so it does not depend on thread count.
 */
public record Quota(String pool, long limit) {
    public Quota {
        Objects.requireNonNull(pool, "pool");
        if (limit < 0) throw new IllegalArgumentException("quota limit must not be negative");
    }
}
