package io.bosang.check;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The verdict of one payout invariant on one policy.
 *
 * @param invariant      the invariant's name as declared in {@code policy.yaml}, e.g. {@code monotone-in-fee}
 * @param passed         true when no generated claim broke it
 * @param examples       how many generated cases were tried
 * @param message        what broke, in words (empty when passed)
 * @param counterExample the smallest claim found that breaks it (after shrinking), with its incident, ready to paste
 *                       into a scenario file; null when passed
 */
@JsonPropertyOrder({"invariant", "passed", "examples", "message", "counterExample"})
public record InvariantResult(String invariant, boolean passed, int examples, String message,
                              @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode counterExample) {
    public InvariantResult {
        message = message == null ? "" : message;
    }

    static InvariantResult pass(String invariant, int examples) {
        return new InvariantResult(invariant, true, examples, "", null);
    }
}
