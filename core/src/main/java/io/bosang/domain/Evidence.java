package io.bosang.domain;

import java.util.Objects;

/**
 * A document offered in support of a claim.
 *
 * @param kind      what it is
 * @param reference an opaque reference to the document (never its content)
 */
public record Evidence(EvidenceKind kind, String reference) {
    public Evidence {
        Objects.requireNonNull(kind, "kind");
        reference = reference == null ? "" : reference;
    }
}
