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
import java.util.function.Consumer;
import java.util.function.LongConsumer;

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
        Settlement settlement = new Settlement();
        RunStats stats = new RunStats();
        if (threads == 1) {
            while (inputs.hasNext()) {
                List<ClaimInput> chunk = nextChunk(inputs);
                emit(chunk, evaluate(chunk), settlement, stats, sink);
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
            ArrayDeque<Pending> inFlight = new ArrayDeque<>();
            int window = threads * 4;
            while (inputs.hasNext() || !inFlight.isEmpty()) {
                while (inputs.hasNext() && inFlight.size() < window) {
                    List<ClaimInput> chunk = nextChunk(inputs);
                    inFlight.add(new Pending(chunk, pool.submit(() -> evaluate(chunk))));
                }
                Pending head = inFlight.poll();
                emit(head.chunk, await(head.future), settlement, stats, sink);
                progress.accept(stats.records());
            }
            return stats;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<ClaimInput> nextChunk(Iterator<ClaimInput> inputs) {
        List<ClaimInput> chunk = new ArrayList<>(chunkSize);
        while (chunk.size() < chunkSize && inputs.hasNext()) chunk.add(inputs.next());
        return chunk;
    }

    private List<Assessment> evaluate(List<ClaimInput> chunk) {
        List<Assessment> out = new ArrayList<>(chunk.size());
        for (ClaimInput in : chunk) {
            out.add(in.valid() ? policy.assess(in.claim(), in.record())
                    : Assessment.rejected(in.record(), in.claimId(), policy.stamp(), in.rejection()));
        }
        return out;
    }

    private static void emit(List<ClaimInput> chunk, List<Assessment> results, Settlement settlement, RunStats stats, Consumer<Assessment> sink) {
        for (int i = 0; i < chunk.size(); i++) {
            Assessment settled = settlement.settle(chunk.get(i), results.get(i));
            stats.add(settled);
            sink.accept(settled);
        }
    }

    private static List<Assessment> await(Future<List<Assessment>> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while assessing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("assessment failed", e.getCause());
        }
    }

    private record Pending(List<ClaimInput> chunk, Future<List<Assessment>> future) {
    }
}
