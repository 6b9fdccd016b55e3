package io.bosang.bench;

import io.bosang.domain.Claim;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Engine only: {@link Claim} objects in, {@link io.bosang.result.Assessment} objects out (no JSON, no settlement).
 * Scores are claims per second (one invocation assesses a batch; {@code @OperationsPerInvocation} divides by its
 * size). With {@code @Threads(2)} JMH runs the batch on two threads at once and adds their throughput.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class EngineBenchmarks {
    /** Claims per invocation of the naive baselines: each claim costs them a Drools build. */
    public static final int NAIVE_BATCH = 20;

    /** 10,000 readable content-user-protection claims from the fixed seed. */
    @State(Scope.Benchmark)
    public static class Cup {
        public Corpus corpus;
        public List<Claim> claims;
        public HandWrittenContentUserProtection handWritten;

        @Setup(Level.Trial)
        public void setUp() {
            corpus = Corpus.of(Corpus.CUP, Corpus.BATCH + Corpus.BATCH / 10);
            claims = corpus.claims().subList(0, Corpus.BATCH);
            handWritten = new HandWrittenContentUserProtection(corpus.policy());
        }
    }

    /** 10,000 readable Kakao claims (KakaoClaimsGenerator, fixed seed). */
    @State(Scope.Benchmark)
    public static class Kakao {
        public Corpus corpus;
        public List<Claim> claims;

        @Setup(Level.Trial)
        public void setUp() {
            corpus = Corpus.of(Corpus.KAKAO, Corpus.BATCH + Corpus.BATCH / 10);
            claims = corpus.claims().subList(0, Corpus.BATCH);
        }
    }

    /** The first {@link #NAIVE_BATCH} content-user-protection claims and the two naive assessors. */
    @State(Scope.Benchmark)
    public static class Naive {
        public List<Claim> claims;
        public NaiveDroolsAssessor compilePerClaim;
        public NaiveDroolsAssessor containerPerClaim;

        @Setup(Level.Trial)
        public void setUp() {
            Corpus corpus = Corpus.of(Corpus.CUP, NAIVE_BATCH * 2);
            claims = corpus.claims().subList(0, NAIVE_BATCH);
            compilePerClaim = new NaiveDroolsAssessor(corpus.policy(), NaiveDroolsAssessor.Mode.COMPILE_PER_CLAIM);
            containerPerClaim = new NaiveDroolsAssessor(corpus.policy(), NaiveDroolsAssessor.Mode.CONTAINER_PER_CLAIM);
        }
    }

    /** The full content-user-protection batch for the fresh-session baseline (cheap enough for the whole batch). */
    @State(Scope.Benchmark)
    public static class FreshSession {
        public List<Claim> claims;
        public NaiveDroolsAssessor sessionPerClaim;

        @Setup(Level.Trial)
        public void setUp() {
            Corpus corpus = Corpus.of(Corpus.CUP, Corpus.BATCH + Corpus.BATCH / 10);   // the same claims as Cup
            claims = corpus.claims().subList(0, Corpus.BATCH);
            sessionPerClaim = new NaiveDroolsAssessor(corpus.policy(), NaiveDroolsAssessor.Mode.SESSION_PER_CLAIM);
        }
    }

    // ---- content-user-protection ----

    /** Production: {@code Policy.assess}, a pooled session (reset and reused) from the shared compiled KieBase per claim. */
    @Benchmark
    @OperationsPerInvocation(Corpus.BATCH)
    public Tally cupDrools(Cup s) {
        Tally t = new Tally();
        int record = 0;
        for (Claim c : s.claims) t.add(s.corpus.policy().assess(c, ++record));
        return t;
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(Corpus.BATCH)
    public Tally cupDrools2Threads(Cup s) {
        return cupDrools(s);
    }

    /** The reference limit: the same policy written by hand in plain Java. */
    @Benchmark
    @OperationsPerInvocation(Corpus.BATCH)
    public Tally cupHandWritten(Cup s) {
        Tally t = new Tally();
        int record = 0;
        for (Claim c : s.claims) t.add(s.handWritten.assess(c, ++record));
        return t;
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(Corpus.BATCH)
    public Tally cupHandWritten2Threads(Cup s) {
        return cupHandWritten(s);
    }

    /** Naive: the DRL compiled into a new KieBase with KieHelper for every claim. */
    @Benchmark
    @OperationsPerInvocation(NAIVE_BATCH)
    public Tally cupNaiveCompilePerClaim(Naive s) {
        Tally t = new Tally();
        int record = 0;
        for (Claim c : s.claims) t.add(s.compilePerClaim.assess(c, ++record));
        return t;
    }

    /** Baseline: a fresh KieSession per claim from a KieBase compiled once and shared. */
    @Benchmark
    @OperationsPerInvocation(Corpus.BATCH)
    public Tally cupFreshSessionPerClaim(FreshSession s) {
        Tally t = new Tally();
        int record = 0;
        for (Claim c : s.claims) t.add(s.sessionPerClaim.assess(c, ++record));
        return t;
    }

    /** Naive: a new KieContainer (and so a new KieBase) from the KieServices repository for every claim. */
    @Benchmark
    @OperationsPerInvocation(NAIVE_BATCH)
    public Tally cupNaiveContainerPerClaim(Naive s) {
        Tally t = new Tally();
        int record = 0;
        for (Claim c : s.claims) t.add(s.containerPerClaim.assess(c, ++record));
        return t;
    }

    // ---- kakao-1015-2022 ----

    @Benchmark
    @OperationsPerInvocation(Corpus.BATCH)
    public Tally kakaoDrools(Kakao s) {
        Tally t = new Tally();
        int record = 0;
        for (Claim c : s.claims) t.add(s.corpus.policy().assess(c, ++record));
        return t;
    }

    @Benchmark
    @Threads(2)
    @OperationsPerInvocation(Corpus.BATCH)
    public Tally kakaoDrools2Threads(Kakao s) {
        return kakaoDrools(s);
    }
}
