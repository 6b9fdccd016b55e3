package io.bosang;

import io.bosang.domain.Claim;
import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.result.RunStats;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.problem.PolicyBuildException;
import io.bosang.result.Assessment;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The front door for a claims backend: one policy, compiled once and shared, that assesses one claim or streams a
 * whole claims file, one assessment per input record, in input order, settled as one run.
 *
 * <pre>{@code
 * Bosang kakao = Bosang.policy("kakao-1015-2022");          // a shipped id or a policy folder; compiled once, cached
 * Assessment one = kakao.assess(claimJson);                  // one claim, read with the strict reader
 * RunStats stats = kakao.assessAll(claimsIn, assessmentsOut); // array, one object or NDJSON in; NDJSON out
 * }</pre>
 *
 * Instances are immutable and thread-safe. The rest of the API ({@code io.bosang.engine}, {@code .json}) stays for
 * advanced use: several policies side by side, a claims ledger, custom sinks.
 */
public final class Bosang {
    private static final Map<String, Bosang> COMPILED = new ConcurrentHashMap<>();

    private final Policy policy;
    private final IncidentCatalog incidents;
    private final ClaimReader reader;
    private final int threads;

    private Bosang(Policy policy, IncidentCatalog incidents, int threads) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.incidents = Objects.requireNonNull(incidents, "incidents");
        this.reader = new ClaimReader(incidents);
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        this.threads = threads;
    }

    /**
     * The policy {@code idOrFolder} (a shipped policy id, or a folder holding {@code policy.yaml}) with the shipped
     * incidents, on every core. A shipped policy is compiled once per process and shared; a folder is compiled on each
     * call (an analyst's copy changes).
     */
    public static Bosang policy(String idOrFolder) throws PolicyBuildException {
        if (java.nio.file.Files.isDirectory(Path.of(idOrFolder))) return of(PolicyLoader.resolve(idOrFolder));
        Bosang cached = COMPILED.get(idOrFolder);
        if (cached != null) return cached;
        Bosang built = of(PolicyLoader.load(idOrFolder));
        Bosang raced = COMPILED.putIfAbsent(idOrFolder, built);
        return raced != null ? raced : built;
    }

    /** An already compiled policy, with the shipped incidents, on every core. */
    public static Bosang of(Policy policy) throws PolicyBuildException {
        return new Bosang(policy, IncidentCatalog.classpath(), Runtime.getRuntime().availableProcessors());
    }

    /** The same policy, reading claims that may also refer to the incidents in {@code files} (YAML). */
    public Bosang withIncidents(Path... files) throws PolicyBuildException {
        IncidentCatalog more = incidents;
        for (Path f : files) more = more.withFile(f);
        return new Bosang(policy, more, threads);
    }

    /** The same policy on {@code n} worker threads (results never depend on it). */
    public Bosang threads(int n) {
        return new Bosang(policy, incidents, n);
    }

    /** The compiled policy, for what the front door does not cover. */
    public Policy compiled() {
        return policy;
    }

    /** Assesses one claim built in Java. Never throws for a claim: a rule failure is an ERROR assessment. */
    public Assessment assess(Claim claim) {
        return policy.assess(claim);
    }

    /**
     * Assesses one claim given as JSON (the claim schema), read with the same strict reader as files: an unreadable
     * claim is a REJECTED assessment naming the field and why, never an exception.
     */
    public Assessment assess(String claimJson) {
        Assessment[] one = new Assessment[1];
        try (ClaimSource source = ClaimSource.open(new ByteArrayInputStream(claimJson.getBytes(StandardCharsets.UTF_8)), reader)) {
            RunStats stats = new BatchAssessor(policy, 1).run(source, a -> {
                if (one[0] == null) one[0] = a;
            });
            if (stats.records() != 1) {
                throw new IllegalArgumentException("one claim expected, the text holds " + stats.records() + " records");
            }
        }
        return one[0];
    }

    /**
     * Streams every record of {@code claims} (a JSON array, one claim object, or NDJSON) through the policy and hands
     * {@code sink} one settled assessment per record, in input order (duplicates and once-per-unit grants decided
     * across the whole input). Memory stays bounded whatever the input's size.
     */
    public RunStats assessAll(InputStream claims, Consumer<Assessment> sink) {
        try (ClaimSource source = ClaimSource.open(claims, reader)) {
            return new BatchAssessor(policy, threads).run(source.deferred(), sink);
        }
    }

    /** As {@link #assessAll(InputStream, Consumer)}, writing the assessments as NDJSON (UTF-8) to {@code out}. */
    public RunStats assessAll(InputStream claims, OutputStream out) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        try (ClaimSource source = ClaimSource.open(claims, reader)) {
            RunStats stats = new BatchAssessor(policy, threads).run(source.deferred(), Json::line, (a, line) -> {
                try {
                    w.write(line);
                    w.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, n -> { });
            w.flush();
            return stats;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Assesses claims already read (e.g. from a ledger or a queue), in order, settled as one run. */
    public RunStats assessAll(Iterator<ClaimInput> inputs, Consumer<Assessment> sink) {
        return new BatchAssessor(policy, threads).run(inputs, sink);
    }

    /** An assessment as one line of the NDJSON every Bosang tool writes (deterministic: declared property order). */
    public static String json(Assessment assessment) {
        return Json.line(assessment);
    }

    /** A duration as explanations write it ({@code 46 h 30 min}). */
    public static String hours(java.time.Duration d) {
        return io.bosang.rules.Hours.format(d);
    }

    @Override
    public String toString() {
        return "Bosang[" + policy + "]";
    }
}
