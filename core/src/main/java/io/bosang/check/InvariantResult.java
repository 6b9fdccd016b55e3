package io.bosang.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * The verdict of one payout invariant on one policy.
 *
 * @param invariant      the invariant's name as declared in {@code policy.yaml}, e.g. {@code monotone-in-fee}
 * @param declared       true when the policy declares it (false for one checked always without being declared)
 * @param status         held, broken, or not exercised: no generated case was one the law speaks of (a monotone law
 *                       on a claim that declares no such amount, a date switch no line cites), so it proved nothing
 * @param examples       how many generated cases were tried
 * @param exercised      how many of them the law spoke of
 * @param message        what broke, or why nothing was exercised (empty when it held)
 * @param counterExample the smallest claim (or family of claims) found that breaks it, after shrinking, with its
 *                       incident, ready to paste into a scenario file; null unless broken
 */
@JsonPropertyOrder({"invariant", "declared", "status", "passed", "examples", "exercised", "message", "counterExample"})
public record InvariantResult(String invariant, boolean declared, Status status, int examples, int exercised, String message,
                              @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode counterExample) {
    /** What an invariant's check found. */
    public enum Status { HELD, BROKEN, NOT_EXERCISED }

    public InvariantResult {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }

    /** True only when the law held on cases it spoke of: "not exercised" is not a pass. */
    @JsonProperty("passed")
    public boolean passed() {
        return status == Status.HELD;
    }

    /**
     * True when this result fails {@code bosang check} and the reload gate: a broken law, or a declared law that no
     * generated case exercised (it proved nothing, so it must not read as kept).
     */
    public boolean failsCheck() {
        return status == Status.BROKEN || (status == Status.NOT_EXERCISED && declared);
    }

    /** The same result, marked as declared by the policy or not. */
    InvariantResult declared(boolean isDeclared) {
        return new InvariantResult(invariant, isDeclared, status, examples, exercised, message, counterExample);
    }

    static InvariantResult held(String invariant, int examples, int exercised) {
        if (exercised == 0) return notExercised(invariant, examples, "no generated case was one this law speaks of");
        return new InvariantResult(invariant, true, Status.HELD, examples, exercised, "", null);
    }

    static InvariantResult notExercised(String invariant, int examples, String why) {
        return new InvariantResult(invariant, true, Status.NOT_EXERCISED, examples, 0,
                why + ": add a scenario it applies to, or do not declare it", null);
    }

    static InvariantResult broken(String invariant, int examples, int exercised, String message, JsonNode counterExample) {
        return new InvariantResult(invariant, true, Status.BROKEN, examples, exercised, message, counterExample);
    }
}
