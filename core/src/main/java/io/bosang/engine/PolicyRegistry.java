package io.bosang.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.check.InvariantResult;
import io.bosang.check.PolicyCheck;
import io.bosang.incident.IncidentCatalog;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;
import io.bosang.result.PolicyStamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The policies a long-running process serves, by id, with hot reload. Thread-safe.
 *
 * <p>The registry holds one immutable snapshot map in an {@link AtomicReference}. {@link #current(String)} and
 * {@link #all()} read it without locking; a caller that takes a {@link Policy} once and uses it for a whole batch
 * gets one version for the whole batch, whatever reloads happen meanwhile ({@code Policy} is immutable).
 *
 * <p>{@link #reload(Path)} compiles and checks the new content first (every build problem, and the scenarios in the
 * folder's {@code scenarios/} subfolder when it has one) and only then swaps the snapshot. A broken edit is refused
 * with its problems, and the version already in place keeps serving. Reloads are serialised, so a slower, older
 * compilation can never overwrite a newer one.
 *
 * <p>{@link #watch(Path, Duration)} polls a rules directory (one folder per policy) and reloads a folder when its
 * content hash changed and then stayed the same for one more poll, so a half-written edit is not compiled. Polling
 * by hash rather than {@code java.nio.file.WatchService}: it works the same on every file system (bind mounts,
 * network shares) and ignores saves that change nothing.
 */
public final class PolicyRegistry implements AutoCloseable {
    private final AtomicReference<Map<String, Policy>> snapshot;
    private final IncidentCatalog incidents;
    private final Path rulesDir;
    private final List<Consumer<Reload>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** Generated cases per invariant when a reload is checked: enough to catch a broken law, quick under load. */
    private static final PolicyCheck.Settings RELOAD_CHECK = new PolicyCheck.Settings(40, 20221015L);
    private final Object reloadLock = new Object();
    private volatile ScheduledExecutorService watcher;

    /**
     * A registry serving {@code initial}.
     *
     * @param incidents incidents the scenarios of a reloaded policy may refer to
     * @param rulesDir  the directory {@link #reload(String)} reads policy folders from, or null
     */
    public PolicyRegistry(Collection<Policy> initial, IncidentCatalog incidents, Path rulesDir) {
        Map<String, Policy> m = new TreeMap<>();
        for (Policy p : initial) m.put(p.id(), p);
        this.snapshot = new AtomicReference<>(Collections.unmodifiableMap(m));
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.rulesDir = rulesDir;
    }

    /**
     * Every policy on the classpath, then every policy folder of {@code rulesDir} (when not null), which replaces
     * a shipped policy of the same id. Fails on the first policy that does not build.
     */
    public static PolicyRegistry load(IncidentCatalog incidents, Path rulesDir) throws PolicyBuildException {
        Map<String, Policy> m = new TreeMap<>();
        for (String id : PolicyLoader.available()) m.put(id, PolicyLoader.load(id));
        if (rulesDir != null) {
            for (Path dir : policyFolders(rulesDir)) {
                Policy p = PolicyLoader.load(dir);
                m.put(p.id(), p);
            }
        }
        return new PolicyRegistry(m.values(), incidents, rulesDir);
    }

    /** The shipped policies only. */
    public static PolicyRegistry classpath() throws PolicyBuildException {
        return load(IncidentCatalog.classpath(), null);
    }

    /** The policy now serving {@code id}. Take it once per batch. */
    public Policy current(String id) {
        Policy p = snapshot.get().get(id);
        if (p == null) throw new NoSuchElementException("no policy '" + id + "'; available: " + String.join(", ", ids()));
        return p;
    }

    public Optional<Policy> find(String id) {
        return Optional.ofNullable(snapshot.get().get(id));
    }

    /** One consistent snapshot of every policy, by id (sorted); unaffected by later reloads. */
    public Map<String, Policy> all() {
        return snapshot.get();
    }

    public List<String> ids() {
        return List.copyOf(snapshot.get().keySet());
    }

    /** The configured rules directory, if any. */
    public Optional<Path> rulesDir() {
        return Optional.ofNullable(rulesDir);
    }

    /** Reloads policy {@code id} from its folder in the rules directory. */
    public Reload reload(String id) {
        if (rulesDir == null) {
            return refuse(id, List.of(new Problem("", 0, id, "no rules directory is configured; nothing to reload from")));
        }
        Path dir = rulesDir.resolve(id);
        if (!id.equals(dir.getFileName().toString()) || !dir.normalize().startsWith(rulesDir.normalize())) {
            return refuse(id, List.of(new Problem("", 0, id, "not a policy id: '" + id + "'")));
        }
        if (!Files.isRegularFile(dir.resolve("policy.yaml"))) {
            return refuse(id, List.of(new Problem("", 0, id, "the rules directory has no policy folder '" + id + "'")));
        }
        return reload(dir);
    }

    /**
     * Compiles the policy in {@code dir}, runs its scenarios and its declared payout invariants (if
     * {@code dir/scenarios} exists), and swaps it in only when all succeed. Never throws for bad content: the result says whether it was accepted and lists
     * the problems otherwise.
     */
    public Reload reload(Path dir) {
        synchronized (reloadLock) {
            String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
            Policy candidate;
            try {
                candidate = PolicyLoader.load(dir);
            } catch (PolicyBuildException e) {
                return refuse(e.policy() == null || e.policy().isEmpty() ? name : e.policy(), e.problems());
            } catch (RuntimeException e) {
                return refuse(name, List.of(new Problem("", 0, "", "cannot read " + dir + ": " + e)));
            }
            List<Problem> failed = gate(candidate, dir.resolve("scenarios"));
            if (!failed.isEmpty()) return refuse(candidate.id(), failed);

            Map<String, Policy> before = snapshot.get();
            Policy previous = before.get(candidate.id());
            boolean changed = previous == null || !previous.contentHash().equals(candidate.contentHash());
            if (changed) {
                Map<String, Policy> next = new TreeMap<>(before);
                next.put(candidate.id(), candidate);
                snapshot.set(Collections.unmodifiableMap(next));
            }
            Reload r = new Reload(candidate.id(), true, changed, changed ? candidate.stamp() : previous.stamp(),
                    previous == null ? null : previous.stamp(), List.of());
            accepted.incrementAndGet();
            notifyListeners(r);
            return r;
        }
    }

    /**
     * The gate a candidate passes before it serves: its scenarios, then the payout invariants its policy.yaml declares
     * on claims generated from them (as {@code bosang check}, with fewer generated cases so a reload stays quick).
     * A folder without scenarios is only built.
     */
    private List<Problem> gate(Policy policy, Path scenarios) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(scenarios)) return problems;
        PolicyCheck.Report report = PolicyCheck.run(policy, scenarios, incidents, RELOAD_CHECK);
        problems.addAll(report.problems());
        for (PolicyCheck.ScenarioSummary r : report.scenarios()) {
            if (!r.passed()) {
                problems.add(new Problem("scenarios/" + r.file(), r.line(), r.name() == null ? "" : r.name(),
                        "scenario failed: " + String.join("; ", r.failures())));
            }
        }
        for (InvariantResult i : report.invariants()) {
            if (i.failsCheck()) {
                problems.add(new Problem("policy.yaml", 0, i.invariant(), (i.status() == InvariantResult.Status.BROKEN ? "invariant broken: " : "invariant not exercised: ") + i.message()
                        + (i.counterExample() == null ? "" : "; smallest counter-example: " + i.counterExample())));
            }
        }
        return problems;
    }

    private Reload refuse(String id, List<Problem> problems) {
        Policy serving = snapshot.get().get(id);
        PolicyStamp stamp = serving == null ? null : serving.stamp();
        Reload r = new Reload(id, false, false, stamp, stamp, problems.stream().sorted(Problem.ORDER).toList());
        refused.incrementAndGet();
        notifyListeners(r);
        return r;
    }

    private void notifyListeners(Reload r) {
        for (Consumer<Reload> l : listeners) {
            try {
                l.accept(r);
            } catch (RuntimeException ignored) {
                // A listener's failure must not undo or hide a reload.
            }
        }
    }

    /** Calls {@code listener} after every reload attempt, accepted or refused, on the reloading thread. */
    public void addListener(Consumer<Reload> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Reloads accepted so far (including ones whose content had not changed). */
    public long reloadsAccepted() {
        return accepted.get();
    }

    /** Reloads refused so far (build problems or failed scenarios). */
    public long reloadsRefused() {
        return refused.get();
    }

    /**
     * Polls {@code dir} (one folder per policy) every {@code interval} on a daemon thread and reloads each folder
     * whose content hash changed and then held for one more poll. Folders seen at the first poll are taken as
     * already loaded. Stops at {@link #close()}. Calling it again replaces the previous watch.
     */
    public void watch(Path dir, Duration interval) {
        Objects.requireNonNull(dir, "dir");
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive");
        stopWatching();
        Poller poller = new Poller(dir);
        poller.prime();
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bosang-policy-watch");
            t.setDaemon(true);
            return t;
        });
        long ms = Math.max(1, interval.toMillis());
        s.scheduleWithFixedDelay(poller::poll, ms, ms, TimeUnit.MILLISECONDS);
        watcher = s;
    }

    public boolean watching() {
        return watcher != null;
    }

    private void stopWatching() {
        ScheduledExecutorService s = watcher;
        watcher = null;
        if (s != null) {
            s.shutdownNow();
            try {
                s.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public void close() {
        stopWatching();
    }

    /** Folders of {@code dir} holding a {@code policy.yaml}, sorted. */
    static List<Path> policyFolders(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("policy.yaml"))).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The content hash of a folder as {@link PolicyLoader} computes it, or null when it cannot be read now. */
    static String folderHash(Path dir) {
        try {
            return PolicyLoader.contentHash(dir);
        } catch (UncheckedIOException e) {
            return null; // a file vanished mid-edit: try again at the next poll
        }
    }

    private final class Poller {
        private final Path dir;
        private final Map<Path, String> settled = new HashMap<>();
        private final Map<Path, String> pending = new HashMap<>();

        Poller(Path dir) {
            this.dir = dir;
        }

        void prime() {
            for (Path p : policyFolders(dir)) {
                String h = folderHash(p);
                if (h != null) settled.put(p, h);
            }
        }

        void poll() {
            try {
                for (Path p : policyFolders(dir)) {
                    String h = folderHash(p);
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
                    reload(p);
                }
            } catch (RuntimeException e) {
                // Keep polling: a rules directory briefly unreadable must not end the watch.
            }
        }
    }

    /**
     * The outcome of a reload attempt.
     *
     * @param policyId the policy concerned
     * @param accepted whether the new content now serves (true also when the content had not changed)
     * @param changed  whether the serving version changed
     * @param current  the stamp serving after the attempt (the old one when refused), or null if none serves
     * @param previous the stamp serving before the attempt, or null
     * @param problems why it was refused (file, line, key, message); empty when accepted
     */
    @JsonPropertyOrder({"policyId", "accepted", "changed", "current", "previous", "problems"})
    public record Reload(String policyId, boolean accepted, boolean changed, PolicyStamp current, PolicyStamp previous,
                         List<Problem> problems) {
        public Reload {
            problems = List.copyOf(problems);
        }
    }
}
