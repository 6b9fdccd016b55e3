package io.bosang.rules;

import io.bosang.params.Scale;

/**
 * The bracket of a scale a value falls in, and how it came to fall there ({@link Fees#tier}): a rule reading a scale
 * awards the bracket's amount with this derivation.
 */
public record Tier(Scale.Bracket bracket, String derivation) {
    public boolean hasAmount() {
        return bracket.hasAmount();
    }

    public long amountKrw() {
        return bracket.amountKrw();
    }

    public int number() {
        return bracket.number();
    }
}
