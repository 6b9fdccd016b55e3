package io.bosang.result;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Objects;

/**
 * Which policy produced an assessment: id, version and a SHA-256 over its rules and parameters, so two results
 * can be compared knowing whether the same content produced them.
 */
@JsonPropertyOrder({"id", "version", "contentHash"})
public record PolicyStamp(String id, String version, String contentHash) {
    public PolicyStamp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(contentHash, "contentHash");
    }
}
