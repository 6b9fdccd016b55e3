package io.bosang.engine;

import io.bosang.json.ClaimInput;
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
 * Streams input records through a policy on several threads and hands out assessments in input order, one per
 * record. Memory stays constant: at most {@code threads × 4} chunks are in flight. After evaluation, each
 * assessment passes through a {@link Settlement} in input order, so results do not depend on the thread count.
 */
public final class BatchAssessor {
    private final Policy policy;
    private final int threads;
    private final int chunkSize;

    public BatchAssessor(Policy policy, int threads, int chunkSize) {
        this.policy = Objects.requireNonNull(policy, "policy");
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1");
        if (chunkSize < 1) throw new IllegalArgumentException("chunkSize must be at least 1");
        this.threads = threads;
        this.chunkSize = chunkSize;
    }

    public BatchAssessor(Policy policy, int threads) {
        this(policy, threads, 256);
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
     * The full pipeline, for callers that want both cores busy: each record is <em>read</em> ({@code inputs} supplies
     * it, e.g. parsing a JSON line), <em>assessed</em> and <em>rendered</em> ({@code render}, e.g. to a JSON line) on a
     * worker thread; the calling thread only settles in input order (duplicates, limited quantities) and hands each
     * settled assessment with its rendering to {@code sink}. When settlement changes an assessment, it is rendered
     * again on the calling thread, so the rendering always matches the assessment handed out.
     */
    public <R> RunStats run(Iterator<? extends Supplier<ClaimInput>> inputs, Function<Assessment, R> render,
                            BiConsumer<Assessment, R> sink, LongConsumer progress) {
        Settlement settlement = new Settlement();
        RunStats stats = new RunStats();
        if (threads == 1) {
            while (inputs.hasNext()) {
                emit(work(nextChunk(inputs), render), render, settlement, stats, sink);
                progress.accept(stats.records());
            }
            return stats;
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
                emit(await(inFlight.poll()), render, settlement, stats, sink);
                progress.accept(stats.records());
            }
            return stats;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Supplier<ClaimInput>> nextChunk(Iterator<? extends Supplier<ClaimInput>> inputs) {
        List<Supplier<ClaimInput>> chunk = new ArrayList<>(chunkSize);
        while (chunk.size() < chunkSize && inputs.hasNext()) chunk.add(inputs.next());
        return chunk;
    }

    /** A chunk read, assessed and rendered by a worker, before settlement. */
    private record Done<R>(List<ClaimInput> inputs, List<Assessment> assessments, List<R> rendered) {
    }

    private <R> Done<R> work(List<Supplier<ClaimInput>> chunk, Function<Assessment, R> render) {
        List<ClaimInput> ins = new ArrayList<>(chunk.size());
        List<Assessment> out = new ArrayList<>(chunk.size());
        List<R> rendered = new ArrayList<>(chunk.size());
        for (Supplier<ClaimInput> s : chunk) {
            ClaimInput in = s.get();
            Assessment a = in.valid() ? policy.assess(in.claim(), in.record())
                    : Assessment.rejected(in.record(), in.claimId(), policy.stamp(), in.rejection());
            ins.add(in);
            out.add(a);
            rendered.add(render.apply(a));
        }
        return new Done<>(ins, out, rendered);
    }

    private static <R> void emit(Done<R> done, Function<Assessment, R> render, Settlement settlement, RunStats stats,
                                 BiConsumer<Assessment, R> sink) {
        for (int i = 0; i < done.inputs().size(); i++) {
            Assessment evaluated = done.assessments().get(i);
            Assessment settled = settlement.settle(done.inputs().get(i), evaluated);
            stats.add(settled);
            sink.accept(settled, settled == evaluated ? done.rendered().get(i) : render.apply(settled));
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
