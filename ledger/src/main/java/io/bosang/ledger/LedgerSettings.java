package io.bosang.ledger;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the ledger lives. With a JDBC URL, a PostgreSQL server the operator runs ({@code bosang.ledger.url},
 * {@code bosang.ledger.user}, {@code bosang.ledger.password}); without one, an embedded PostgreSQL that the ledger
 * starts itself, keeping its data in {@code dir} ({@code bosang.ledger.dir}, default {@code ~/.bosang/ledger}) so it
 * survives restarts.
 *
 * @param url      a {@code jdbc:postgresql://…} URL, or null for the embedded server
 * @param user     the database user (with a URL)
 * @param password the password (with a URL); never printed
 * @param dir      the embedded server's data directory (without a URL)
 */
public record LedgerSettings(String url, String user, String password, Path dir) {
    public static final String URL = "bosang.ledger.url";
    public static final String USER = "bosang.ledger.user";
    public static final String PASSWORD = "bosang.ledger.password";
    public static final String DIR = "bosang.ledger.dir";

    public LedgerSettings {
        if (url != null && url.isBlank()) url = null;
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException(URL + " must be a jdbc:postgresql:// URL");
        }
        if (url == null) dir = dir == null ? defaultDir() : dir;
    }

    /** The embedded server in {@code dir}. */
    public static LedgerSettings embedded(Path dir) {
        return new LedgerSettings(null, null, null, Objects.requireNonNull(dir, "dir"));
    }

    /** A server the operator runs. */
    public static LedgerSettings server(String url, String user, String password) {
        return new LedgerSettings(Objects.requireNonNull(url, "url"), user, password, null);
    }

    /** From {@code bosang.ledger.*} keys (system properties, a Spring environment, CLI options). */
    public static LedgerSettings from(Map<String, String> values) {
        String dir = values.get(DIR);
        return new LedgerSettings(values.get(URL), values.get(USER), values.get(PASSWORD),
                dir == null || dir.isBlank() ? null : Path.of(dir.replaceFirst("^~(?=/|$)", System.getProperty("user.home"))));
    }

    public static Path defaultDir() {
        return Path.of(System.getProperty("user.home"), ".bosang", "ledger");
    }

    public boolean embedded() {
        return url == null;
    }

    /** Where the ledger is, for logs and errors: the URL without its query (which may carry a password), or the directory. */
    public String describe() {
        return embedded() ? "embedded PostgreSQL in " + dir.toAbsolutePath() : url.replaceFirst("\\?.*$", "");
    }

    @Override
    public String toString() {
        return "LedgerSettings[" + describe() + "]";
    }
}
