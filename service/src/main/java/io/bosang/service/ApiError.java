package io.bosang.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Why a request was refused: the JSON path of the offending field ({@code $} for the whole body, or a query
 * parameter's name) and what is wrong. The reason may quote the client's own input, so it is returned, never logged.
 */
@JsonPropertyOrder({"field", "reason"})
public record ApiError(String field, String reason) {
    @Override
    public String toString() {
        return "ApiError[field=" + field + "]"; // no reason: it may quote personal data
    }
}
