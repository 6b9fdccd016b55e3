package io.bosang.check;

/** {@code labelled}: the policy carries a label shown with every result (an estimate says it is one). */
final class Labelled implements Invariant {
    @Override
    public InvariantResult check(String name, CheckContext ctx) {
        return ctx.policy.manifest().label().isBlank()
                ? InvariantResult.broken(name, 1, 1, "policy.yaml has no 'label': an estimate must say what it is with every result", null)
                : InvariantResult.held(name, 1, 1);
    }
}
