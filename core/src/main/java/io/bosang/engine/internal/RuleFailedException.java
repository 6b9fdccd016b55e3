package io.bosang.engine.internal;

/** A rule's consequence failed on a claim: names the rule, so the claim's ERROR says which rule and why. */
public final class RuleFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String ruleId;

    public RuleFailedException(String ruleId, Throwable cause) {
        super("rule " + ruleId + " failed", cause);
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
