package io.bosang.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * One real PostgreSQL server for the ledger tests of this JVM (embedded, started once, in target/), and a fresh
 * database per test so tests never see each other's decisions.
 */
final class TestPostgres {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedLedgerServer server;

    private TestPostgres() {
    }

    static synchronized EmbeddedLedgerServer server() {
        if (server == null) {
            Path dir = Path.of("target", "test-postgres").toAbsolutePath();
            deleteTree(dir);
            server = EmbeddedLedgerServer.start(dir);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server;
    }

    /** Settings for a new, empty database on the shared server. */
    static LedgerSettings freshDatabase() {
        String url = server().createDatabase("t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet());
        return LedgerSettings.server(url, "postgres", null);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
