package io.bosang.bench;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * End to end, the user's real job: a 10,000-record NDJSON batch (bytes, with its bad records and resubmissions) in,
 * one JSON assessment line per record with every explanation out (bytes, to a counting sink), as {@code bosang
 * assess} does. Scores are input records per second.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EndToEndBenchmarks {

    @State(Scope.Benchmark)
    public static class Cup {
        public Corpus corpus;
        public HandWrittenContentUserProtection handWritten;

        @Setup(Level.Trial)
        public void setUp() {
            corpus = Corpus.of(Corpus.CUP, Corpus.BATCH);
            handWritten = new HandWrittenContentUserProtection(corpus.policy());
        }
    }

    @State(Scope.Benchmark)
    public static class Kakao {
        public Corpus corpus;

        @Setup(Level.Trial)
        public void setUp() {
            corpus = Corpus.of(Corpus.KAKAO, Corpus.BATCH);
        }
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.BATCH)
    public Pipelines.CountingSink cupDrools(Cup s) {
        Pipelines.CountingSink out = new Pipelines.CountingSink();
        Pipelines.drools(s.corpus, 1, out);
        return out;
    }

    /** BatchAssessor with 2 worker threads (plus the reading and writing thread), as {@code --threads 2}. */
    @Benchmark
    @OperationsPerInvocation(Corpus.BATCH)
    public Pipelines.CountingSink cupDrools2Threads(Cup s) {
        Pipelines.CountingSink out = new Pipelines.CountingSink();
        Pipelines.drools(s.corpus, 2, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.BATCH)
    public Pipelines.CountingSink cupHandWritten(Cup s) {
        Pipelines.CountingSink out = new Pipelines.CountingSink();
        Pipelines.handWritten(s.corpus, s.handWritten, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.BATCH)
    public Pipelines.CountingSink kakaoDrools(Kakao s) {
        Pipelines.CountingSink out = new Pipelines.CountingSink();
        Pipelines.drools(s.corpus, 1, out);
        return out;
    }

    @Benchmark
    @OperationsPerInvocation(Corpus.BATCH)
    public Pipelines.CountingSink kakaoDrools2Threads(Kakao s) {
        Pipelines.CountingSink out = new Pipelines.CountingSink();
        Pipelines.drools(s.corpus, 2, out);
        return out;
    }
}
