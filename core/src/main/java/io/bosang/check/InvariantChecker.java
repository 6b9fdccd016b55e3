package io.bosang.check;

import io.bosang.domain.Claim;
import io.bosang.engine.Policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the payout invariants a policy declares in its {@code policy.yaml} (see {@link Invariants} for the laws) against
 * claims generated from seed claims (a policy's scenario claims), and reports for each whether it held, broke — with
 * the smallest counter-example QuickTheories finds by shrinking — or was not exercised by any generated case.
 */
public final class InvariantChecker {
    /** Invariants checked for every policy whether declared or not. */
    public static final List<String> ALWAYS = Invariants.ALWAYS;
    /** Every invariant name this checker knows; parameterised ones end in ':'. */
    public static final List<String> KNOWN = Invariants.known();

    private final CheckContext context;

    /**
     * @param policy   the policy under check
     * @param seeds    seed claims (at least one); generated claims are variations of these
     * @param examples generated cases per invariant
     * @param seed     the random seed: the same seed gives the same cases and the same report
     */
    public InvariantChecker(Policy policy, List<Claim> seeds, int examples, long seed) {
        this.context = new CheckContext(policy, seeds, examples, seed);
    }

    /** Checks the invariants {@code declared} plus {@link #ALWAYS}, in that order, one result each. */
    public List<InvariantResult> check(List<String> declared) {
        Set<String> names = new LinkedHashSet<>(ALWAYS);
        names.addAll(declared);
        List<InvariantResult> results = new ArrayList<>();
        for (String name : names) results.add(checkOne(name).declared(declared.contains(name)));
        return results;
    }

    /** Checks one invariant by name. An unknown name is a broken result that says which names exist. */
    public InvariantResult checkOne(String name) {
        return Invariants.named(name).map(i -> i.check(name, context))
                .orElseGet(() -> InvariantResult.broken(name, 0, 0, "unknown invariant '" + name + "'; known: " + String.join(", ", KNOWN), null));
    }
}
