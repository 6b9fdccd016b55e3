package io.bosang.ledger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How the ledger stores a settlement key: the SHA-256 of its parts joined by U+001F, in hex. */
final class HoldKeys {
    private HoldKeys() {
    }

    static String sha256(String... parts) {
        return sha256(String.join("\u001f", parts));
    }

    static String sha256(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The tombstone that replaces an erased claimant's key: the claimant is no longer named, only recognisable. */
    static String tombstone(String claimantKey) {
        return "erased:" + sha256("claimant", claimantKey);
    }
}
