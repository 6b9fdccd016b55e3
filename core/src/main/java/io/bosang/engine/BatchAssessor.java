package io.bosang.engine;

import io.bosang.engine.ClaimInput;
import io.bosang.result.Assessment;

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
 * input order, one per record (and policy). Memory stays constant but for the settlement ledgers: at most
 * {@code threads × 4} chunks are in flight. After evaluation, each assessment passes through its policy's
 * {@link Settlement} in input order, so results do not depend on the thread count.
 */
public final class BatchAssessor {
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

    /** Assesses every input, calling {@code sink} once per record in input order. */
    public RunStats run(Iterator<ClaimInput> inputs, Consumer<Assessment> sink) {
        return run(inputs, sink, n -> { });
    }

    /** As {@link #run(Iterator, Consumer)}, calling {@code progress} with the count of records written so far after each chunk. */
    public RunStats run(Iterator<ClaimInput> inputs, Consumer<Assessment> sink, LongConsumer progress) {
        Iterator<Supplier<ClaimInput>> ready = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return inputs.hasNext();
            }

            @Override
            public Supplier<ClaimInput> next() {
                ClaimInput in = inputs.next();
                return () -> in;
            }
        };
        return run(ready, a -> null, (a, rendered) -> sink.accept(a), progress);
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
                emit(work(nextChunk(inputs), render), render, settlements, sink, written);
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
            int window = threads * 4;
            while (inputs.hasNext() || !inFlight.isEmpty()) {
                while (inputs.hasNext() && inFlight.size() < window) {
                    List<Supplier<ClaimInput>> chunk = nextChunk(inputs);
                    inFlight.add(pool.submit(() -> work(chunk, render)));
                }
                emit(await(inFlight.poll()), render, settlements, sink, written);
                progress.accept(written[0]);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Supplier<ClaimInput>> nextChunk(Iterator<? extends Supplier<ClaimInput>> inputs) {
        List<Supplier<ClaimInput>> chunk = new ArrayList<>(chunkSize);
        while (chunk.size() < chunkSize && inputs.hasNext()) chunk.add(inputs.next());
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
