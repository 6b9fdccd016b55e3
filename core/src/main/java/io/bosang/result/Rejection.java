package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * Why an input record could not be assessed.
 *
 * @param field  the JSON path of the offending field ({@code claimant.kind}), or {@code $} for the whole record
 * @param reason what is wrong and what is expected
 */
@JsonPropertyOrder({"field", "reason"})
public record Rejection(String field, String reason) {
    public Rejection {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
    }
}
