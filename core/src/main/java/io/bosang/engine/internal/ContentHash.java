package io.bosang.engine.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** SHA-256 over a policy's files (sorted relative path and bytes), so equal content gives an equal hash anywhere. */
public final class ContentHash {
    private ContentHash() {
    }

    public static String of(Map<String, byte[]> filesByRelativePath) {
        MessageDigest md = sha256();
        filesByRelativePath.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            md.update(e.getKey().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            // A workbook is binary: hashed as its bytes (decoding it as text would fold distinct bytes together).
            md.update(DecisionTables.isWorkbook(e.getKey()) ? e.getValue() : normalise(e.getValue()));
            md.update((byte) 0);
        });
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    public static String combine(String base, String extra) {
        MessageDigest md = sha256();
        md.update(base.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(extra.getBytes(StandardCharsets.UTF_8));
        return "sha256:" + HexFormat.of().formatHex(md.digest());
    }

    /** Line endings do not change content: a checkout on Windows hashes like one on Linux. */
    private static byte[] normalise(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
