package io.bosang.engine;

import io.bosang.result.Assessment;
import io.bosang.result.RunStats;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Streams input records through one policy, or several side by side, on several threads and hands out assessments in
 * input order, one per record (and policy). After evaluation, each assessment passes through its policy's
 * {@link Settlement} in input order, so results do not depend on the thread count.
 *
 * <p>Memory stays bounded whatever the thread count, but for the settlement ledgers: the records in flight are bounded
 * by their bytes ({@link #MAX_BYTES_IN_FLIGHT}, counted from {@link Sized} inputs such as the deferred records of a
 * claims file) as well as by {@code threads × 4} chunks, and a chunk closes at {@code chunkSize} records or
 * {@link #MAX_CHUNK_BYTES}. A ready {@link ClaimInput} is its own supplier, so one {@code run} takes either.
 */
public final class BatchAssessor {
    /** Raw input bytes in flight at most (the parsed claims and assessments of those records come on top, a few times more). */
    public static final long MAX_BYTES_IN_FLIGHT = 16L * 1024 * 1024;
    /** A chunk closes at this many raw bytes, so one of 256 large records does not hold the window alone. */
    public static final long MAX_CHUNK_BYTES = 1024 * 1024;
    /** The size counted for an input that does not say its size (a claim built in Java). */
    static final long UNSIZED_BYTES = 2048;

    /** An input that knows how many bytes it holds until it is read (a deferred record of a claims file). */
    public interface Sized {
        long bytes();
    }

    private final List<Policy> policies;
    private final int threads;
    private final int chunkSize;

    public BatchAssessor(Policy policy, int threads, int chunkSize) {
        this(List.of(Objects.requireNonNull(policy, "policy")), threads, chunkSize);
    }

    public BatchAssessor(Policy policy, int threads) {
        this(policy, threads, 256);
    }

    /**
     * Runs every record through each of {@code policies} in one pass: each record is read once, assessed under every
     * policy, and settled by each policy's own {@link Settlement}, exactly as separate runs would settle it.
     */
    public BatchAssessor(List<Policy> policies, int threads, int chunkSize) {
        if (policies.isEmpty()) throw new IllegalArgumentException("at least one policy");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (chunkSize < 1) throw new IllegalArgumentException("chunkSize must be at least 1");
        this.policies = List.copyOf(policies);
        this.threads = threads;
        this.chunkSize = chunkSize;
    }

    /** Assesses every input (ready {@link ClaimInput}s or deferred reads), calling {@code sink} once per record in input order. */
    public RunStats run(Iterator<? extends Supplier<ClaimInput>> inputs, Consumer<Assessment> sink) {
        return run(inputs, a -> null, (a, rendered) -> sink.accept(a), n -> { });
    }

    /**
     * The full pipeline for one policy, for callers that want both cores busy: each record is <em>read</em>
     * ({@code inputs} supplies it, e.g. parsing a JSON line), <em>assessed</em> and <em>rendered</em> ({@code render},
     * e.g. to a JSON line) on a worker thread; the calling thread only settles in input order (duplicates, limited
     * quantities) and hands each settled assessment with its rendering to {@code sink}. When settlement changes an
     * assessment, it is rendered again on the calling thread, so the rendering always matches the assessment.
     */
    public <R> RunStats run(Iterator<? extends Supplier<ClaimInput>> inputs, Function<Assessment, R> render,
                            BiConsumer<Assessment, R> sink, LongConsumer progress) {
        if (policies.size() != 1) throw new IllegalStateException("this assessor runs " + policies.size() + " policies: use runEach");
        RunStats stats = new RunStats();
        runEach(inputs, render, (settled, rendered) -> {
            stats.add(settled.get(0));
            sink.accept(settled.get(0), rendered.get(0));
        }, progress);
        return stats;
    }

    /**
     * The same pipeline for every policy of this assessor in one pass: {@code sink} receives, per record in input
     * order, the settled assessments and their renderings, one per policy in the order given.
     */
    public <R> void runEach(Iterator<? extends Supplier<ClaimInput>> inputs, Function<Assessment, R> render,
                            BiConsumer<List<Assessment>, List<R>> sink, LongConsumer progress) {
        List<Settlement> settlements = new ArrayList<>();
        for (int k = 0; k < policies.size(); k++) settlements.add(new Settlement());
        long[] written = {0};
        if (threads == 1) {
            while (inputs.hasNext()) {
                emit(work(nextChunk(inputs, new long[1]), render), render, settlements, sink, written);
                progress.accept(written[0]);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "bosang-assess");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Done<R>>> inFlight = new ArrayDeque<>();
            ArrayDeque<Long> inFlightBytes = new ArrayDeque<>();
            int window = threads * 4;
            long bytes = 0;
            while (inputs.hasNext() || !inFlight.isEmpty()) {
                // At least one chunk in flight, then more while both the chunk count and the bytes allow.
                while (inputs.hasNext() && inFlight.size() < window && (inFlight.isEmpty() || bytes < MAX_BYTES_IN_FLIGHT)) {
                    long[] size = {0};
                    List<Supplier<ClaimInput>> chunk = nextChunk(inputs, size);
                    inFlight.add(pool.submit(() -> work(chunk, render)));
                    inFlightBytes.add(size[0]);
                    bytes += size[0];
                }
                emit(await(inFlight.poll()), render, settlements, sink, written);
                bytes -= inFlightBytes.poll();
                progress.accept(written[0]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The next chunk: up to {@code chunkSize} records or {@link #MAX_CHUNK_BYTES}; adds its bytes to {@code size[0]}. */
    private List<Supplier<ClaimInput>> nextChunk(Iterator<? extends Supplier<ClaimInput>> inputs, long[] size) {
        List<Supplier<ClaimInput>> chunk = new ArrayList<>(chunkSize);
        while (chunk.size() < chunkSize && size[0] < MAX_CHUNK_BYTES && inputs.hasNext()) {
            Supplier<ClaimInput> next = inputs.next();
            chunk.add(next);
            size[0] += next instanceof Sized s ? s.bytes() : UNSIZED_BYTES;
        }
        return chunk;
    }

    /** A chunk read, assessed and rendered by a worker, before settlement: per record, one entry per policy. */
    private record Done<R>(List<ClaimInput> inputs, List<List<Assessment>> assessments, List<List<R>> rendered) {
    }

    private <R> Done<R> work(List<Supplier<ClaimInput>> chunk, Function<Assessment, R> render) {
        List<ClaimInput> ins = new ArrayList<>(chunk.size());
        List<List<Assessment>> out = new ArrayList<>(chunk.size());
        List<List<R>> rendered = new ArrayList<>(chunk.size());
        for (Supplier<ClaimInput> s : chunk) {
            ClaimInput in = s.get();
            List<Assessment> as = new ArrayList<>(policies.size());
            List<R> rs = new ArrayList<>(policies.size());
            for (Policy policy : policies) {
                Assessment a = in.valid() ? policy.assess(in.claim(), in.record())
                        : Assessment.rejected(in.record(), in.claimId(), policy.stamp(), in.rejection());
                as.add(a);
                rs.add(render.apply(a));
            }
            ins.add(in);
            out.add(as);
            rendered.add(rs);
        }
        return new Done<>(ins, out, rendered);
    }

    private static <R> void emit(Done<R> done, Function<Assessment, R> render, List<Settlement> settlements,
                                 BiConsumer<List<Assessment>, List<R>> sink, long[] written) {
        for (int i = 0; i < done.inputs().size(); i++) {
            List<Assessment> evaluated = done.assessments().get(i);
            List<Assessment> settled = new ArrayList<>(evaluated.size());
            List<R> rendered = new ArrayList<>(evaluated.size());
            for (int k = 0; k < evaluated.size(); k++) {
                Assessment a = settlements.get(k).settle(done.inputs().get(i), evaluated.get(k));
                settled.add(a);
                rendered.add(a == evaluated.get(k) ? done.rendered().get(i).get(k) : render.apply(a));
            }
            sink.accept(settled, rendered);
            written[0]++;
        }
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while assessing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("assessment failed", e.getCause());
        }
    }
}
