package io.bosang.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Polls a rules directory (one folder per policy) and hands a folder to {@code onSettled} when its content hash
 * changed and then stayed the same for one more poll, so a half-written edit is not compiled. Polling by hash rather
 * than {@code java.nio.file.WatchService}: it works the same on every file system (bind mounts, network shares) and
 * ignores saves that change nothing.
 *
 * <p>The watch survives any failure of a poll or of a reload: the failure is logged (without file contents) and
 * kept as {@link Status#lastError()}, and the next poll runs as planned. {@link Status#stalled()} says when no poll
 * has completed for three intervals (a thread that died of an {@code Error}), so health can report it.
 */
public final class FolderWatcher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(FolderWatcher.class.getName());

    private final Path dir;
    private final Predicate<String> watched;
    private final Consumer<Path> onSettled;
    private final Duration interval;
    private final Clock clock;
    private final Map<Path, String> settled = new HashMap<>();
    private final Map<Path, String> pending = new HashMap<>();
    private final ScheduledExecutorService executor;
    private volatile Instant lastPoll;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile long polls;

    /** What the watch has done: for health and for operators. */
    public record Status(boolean watching, Path dir, Duration interval, Instant lastPoll, long polls, String lastError,
                         Instant lastErrorAt, boolean stalled) {
    }

    /**
     * Starts watching {@code dir}: folders whose name {@code watched} accepts; those seen at start are taken as
     * already loaded.
     */
    public FolderWatcher(Path dir, Predicate<String> watched, Duration interval, Consumer<Path> onSettled) {
        this(dir, watched, interval, onSettled, Clock.systemUTC());
    }

    FolderWatcher(Path dir, Predicate<String> watched, Duration interval, Consumer<Path> onSettled, Clock clock) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.watched = Objects.requireNonNull(watched, "watched");
        this.onSettled = Objects.requireNonNull(onSettled, "onSettled");
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive");
        this.interval = interval;
        this.clock = clock;
        for (Path p : folders()) {
            String h = hash(p);
            if (h != null) settled.put(p, h);
        }
        this.lastPoll = clock.instant();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bosang-policy-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        executor.scheduleWithFixedDelay(this::pollSafely, ms, ms, TimeUnit.MILLISECONDS);
    }

    public Status status() {
        Instant last = lastPoll;
        boolean stalled = !executor.isShutdown() && last.plus(interval.multipliedBy(3)).plusSeconds(5).isBefore(clock.instant());
        return new Status(!executor.isShutdown(), dir, interval, last, polls, lastError, lastErrorAt, stalled);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException | StackOverflowError e) {
            failed(e);
        } catch (Error e) {
            failed(e);
            throw e;   // an OutOfMemoryError: the thread dies, status() turns stalled and health says so
        }
        lastPoll = clock.instant();
        polls++;
    }

    private void failed(Throwable e) {
        lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
        lastErrorAt = clock.instant();
        LOG.log(System.Logger.Level.WARNING, "watching " + dir + " failed at one poll; polling goes on: " + lastError);
    }

    /** One poll: exposed for tests that drive the watch step by step. */
    void poll() {
        for (Path p : folders()) {
            String h = hash(p);
            if (h == null || h.equals(settled.get(p))) {
                pending.remove(p);
                continue;
            }
            if (!h.equals(pending.get(p))) {
                pending.put(p, h); // changed: wait one poll for the edit to settle
                continue;
            }
            pending.remove(p);
            settled.put(p, h); // attempted once per content, accepted or refused
            try {
                onSettled.accept(p);
            } catch (RuntimeException e) {
                failed(e);     // one folder's failed reload must not stop the others
            }
        }
    }

    private List<Path> folders() {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("policy.yaml")))
                    .filter(p -> watched.test(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content hash of a folder as {@link PolicyLoader} computes it, or null when it cannot be read now. */
    private static String hash(Path folder) {
        try {
            return PolicyLoader.contentHash(folder);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return null; // a file vanished or is too large mid-edit: try again at the next poll
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
