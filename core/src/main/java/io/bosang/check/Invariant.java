package io.bosang.check;

/** A payout law stated once; a policy opts in by naming it in {@code policy.yaml} (see {@link Invariants}). */
interface Invariant {
    /** Checks the law on cases generated from the context's seed claims. */
    InvariantResult check(String name, CheckContext context);
}
