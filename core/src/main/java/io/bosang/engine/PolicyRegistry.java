package io.bosang.engine;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;
import io.bosang.result.PolicyStamp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * <p>{@link #reload(Path)} builds the new content and passes it through the {@link ReloadGate} (scenarios and
 * invariants, when the process wires them in) on a reload thread, under a time limit, holding no lock: a check that
 * runs away is abandoned at its deadline and refused, while serving and the reloads of other policies go on. Only
 * the swap of the snapshot is serialised, and an older attempt never replaces a newer one of the same policy. A
 * broken edit is refused with its problems, and the version already in place keeps serving.
 *
 * <p>Which folders of a rules directory are served is configuration ({@link Served}): the ones listed, or every
 * folder only when the operator says so. A folder dropped into the directory is not served unless it is listed.
 */
public final class PolicyRegistry implements AutoCloseable {
    /** How long a reload's build and gate may take before it is refused. */
    public static final Duration DEFAULT_RELOAD_TIMEOUT = Duration.ofMinutes(2);

    private final AtomicReference<Map<String, Policy>> snapshot;
    private final Path rulesDir;
    private final Served served;
    private final ReloadGate gate;
    private final Duration reloadTimeout;
    private final List<Consumer<Reload>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong tickets = new AtomicLong();
    private final Map<String, Long> swappedTicket = new ConcurrentHashMap<>();
    private final Object swapLock = new Object();
    private final ExecutorService reloads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "bosang-reload");
        t.setDaemon(true);   // a check that ran away never keeps the process from stopping
        return t;
    });
    private volatile FolderWatcher watcher;

    /**
     * Which folders of a rules directory serve: those named in {@code ids}, or all of them when {@code all}.
     *
     * @param all true only when the operator asked for every folder explicitly
     * @param ids the policy ids (folder names) to serve
     */
    public record Served(boolean all, Set<String> ids) {
        public static final Served NONE = new Served(false, Set.of());
        public static final Served ALL = new Served(true, Set.of());

        public Served {
            ids = Set.copyOf(new TreeSet<>(ids));
        }

        public static Served only(Collection<String> ids) {
            return new Served(false, Set.copyOf(ids));
        }

        public boolean serves(String id) {
            return all || ids.contains(id);
        }
    }

    /**
     * A registry serving {@code initial}, reloading folders of {@code rulesDir} (may be null) that {@code served}
     * names, through {@code gate}, each within {@code reloadTimeout}.
     */
    public PolicyRegistry(Collection<Policy> initial, Path rulesDir, Served served, ReloadGate gate, Duration reloadTimeout) {
        Map<String, Policy> m = new TreeMap<>();
        for (Policy p : initial) m.put(p.id(), p);
        this.snapshot = new AtomicReference<>(Collections.unmodifiableMap(m));
        this.rulesDir = rulesDir;
        this.served = Objects.requireNonNull(served, "served");
        this.gate = Objects.requireNonNull(gate, "gate");
        if (reloadTimeout.isNegative() || reloadTimeout.isZero()) throw new IllegalArgumentException("reload timeout must be positive");
        this.reloadTimeout = reloadTimeout;
    }

    /** A registry of {@code initial} that reloads every folder of {@code rulesDir} it is asked to, only built. */
    public PolicyRegistry(Collection<Policy> initial, Path rulesDir) {
        this(initial, rulesDir, Served.ALL, ReloadGate.BUILD_ONLY, DEFAULT_RELOAD_TIMEOUT);
    }

    /**
     * Every policy on the classpath, then every served policy folder of {@code rulesDir} (when not null), which
     * replaces a shipped policy of the same id. Fails on the first served policy that does not build.
     */
    public static PolicyRegistry load(Path rulesDir, Served served, ReloadGate gate, Duration reloadTimeout) throws PolicyBuildException {
        Map<String, Policy> m = new TreeMap<>();
        for (String id : PolicyLoader.available()) m.put(id, PolicyLoader.load(id));
        if (rulesDir != null) {
            for (Path dir : policyFolders(rulesDir)) {
                if (!served.serves(dir.getFileName().toString())) continue;
                Policy p = PolicyLoader.load(dir);
                m.put(p.id(), p);
            }
        }
        return new PolicyRegistry(m.values(), rulesDir, served, gate, reloadTimeout);
    }

    /** The shipped policies only. */
    public static PolicyRegistry classpath() throws PolicyBuildException {
        return load(null, Served.NONE, ReloadGate.BUILD_ONLY, DEFAULT_RELOAD_TIMEOUT);
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

    /** Which folders of the rules directory serve. */
    public Served served() {
        return served;
    }

    /** Folders of the rules directory that hold a policy but are not served (not listed in the configuration). */
    public List<String> unservedFolders() {
        if (rulesDir == null) return List.of();
        return policyFolders(rulesDir).stream().map(p -> p.getFileName().toString()).filter(id -> !served.serves(id)).toList();
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
        if (!served.serves(id)) {
            return refuse(id, List.of(new Problem("", 0, id, "policy folder '" + id + "' is not listed among the folders this process "
                    + "serves (bosang.rules-policies); a folder dropped into the rules directory is not served until an operator lists it")));
        }
        return reload(dir);
    }

    /** What a reload thread produced: the built candidate and the gate's problems, or the build's problems. */
    private record Candidate(Policy policy, String id, List<Problem> problems) {
    }

    /**
     * Builds the policy in {@code dir}, passes it through the gate, and swaps it in only when both succeed within the
     * reload timeout. Never throws for bad content: the result says whether it was accepted and lists the problems
     * otherwise.
     */
    public Reload reload(Path dir) {
        String name = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        long ticket = tickets.incrementAndGet();
        Future<Candidate> work = reloads.submit(() -> {
            Policy candidate;
            try {
                candidate = PolicyLoader.load(dir);
            } catch (PolicyBuildException e) {
                return new Candidate(null, e.policy() == null || e.policy().isEmpty() ? name : e.policy(), e.problems());
            }
            return new Candidate(candidate, candidate.id(), gate.check(candidate, dir));
        });
        Candidate c;
        try {
            c = work.get(reloadTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            work.cancel(true);
            return refuse(name, List.of(new Problem("", 0, name, "the build and check of '" + name + "' did not finish within "
                    + reloadTimeout.toSeconds() + " s (a scenario or rule that runs away?); the version already in place keeps serving")));
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            return refuse(name, List.of(new Problem("", 0, name, "the reload was interrupted")));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return refuse(name, List.of(new Problem("", 0, "", "cannot read " + dir + ": " + cause.getClass().getSimpleName() + ": " + cause.getMessage())));
        }
        if (c.policy() == null || !c.problems().isEmpty()) return refuse(c.id(), c.problems());
        return swap(c.policy(), ticket);
    }

    private Reload swap(Policy candidate, long ticket) {
        synchronized (swapLock) {   // held for the swap only: never while building or checking
            Map<String, Policy> before = snapshot.get();
            Policy previous = before.get(candidate.id());
            long last = swappedTicket.getOrDefault(candidate.id(), 0L);
            if (ticket < last) {
                return refuse(candidate.id(), List.of(new Problem("", 0, candidate.id(),
                        "a newer edit of this policy was accepted while this one was checked; the newer one serves")));
            }
            boolean changed = previous == null || !previous.contentHash().equals(candidate.contentHash());
            if (changed) {
                Map<String, Policy> next = new TreeMap<>(before);
                next.put(candidate.id(), candidate);
                snapshot.set(Collections.unmodifiableMap(next));
            }
            swappedTicket.put(candidate.id(), ticket);
            Reload r = new Reload(candidate.id(), true, changed, changed ? candidate.stamp() : previous.stamp(),
                    previous == null ? null : previous.stamp(), List.of());
            accepted.incrementAndGet();
            notifyListeners(r);
            return r;
        }
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

    /** Reloads refused so far (build problems, failed checks, time limit). */
    public long reloadsRefused() {
        return refused.get();
    }

    /**
     * Watches the rules directory every {@code interval} and reloads each served folder whose content settled on a
     * new hash (see {@link FolderWatcher}). Stops at {@link #close()}. Calling it again replaces the previous watch.
     */
    public void watch(Duration interval) {
        if (rulesDir == null) throw new IllegalStateException("no rules directory to watch");
        stopWatching();
        watcher = new FolderWatcher(rulesDir, served::serves, interval, this::reload);
    }

    public boolean watching() {
        return watcher != null;
    }

    /** What the watch has done (last poll, last error, whether it stalled); empty when not watching. */
    public Optional<FolderWatcher.Status> watchStatus() {
        FolderWatcher w = watcher;
        return w == null ? Optional.empty() : Optional.of(w.status());
    }

    private void stopWatching() {
        FolderWatcher w = watcher;
        watcher = null;
        if (w != null) w.close();
    }

    @Override
    public void close() {
        stopWatching();
        reloads.shutdownNow();
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
