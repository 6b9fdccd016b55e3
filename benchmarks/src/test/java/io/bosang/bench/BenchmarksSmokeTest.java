package io.bosang.bench;

import io.bosang.domain.Claim;
import io.bosang.json.Json;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs every benchmark method's body once on its real state, so a build proves the benchmarks work and assess what
 * they claim to, without timing anything (JMH runs only from target/benchmarks.jar). The pinned totals come from
 * the generators' fixed seed: a change to a generator, a policy or the engine that moves them shows up here.
 */
class BenchmarksSmokeTest {
    private static final EngineBenchmarks engine = new EngineBenchmarks();
    private static final EndToEndBenchmarks endToEnd = new EndToEndBenchmarks();
    private static EngineBenchmarks.Cup cup;
    private static EngineBenchmarks.Kakao kakao;
    private static EngineBenchmarks.Naive naive;
    private static EndToEndBenchmarks.Cup cupE2e;
    private static EndToEndBenchmarks.Kakao kakaoE2e;

    @BeforeAll
    static void states() {
        cup = new EngineBenchmarks.Cup();
        cup.setUp();
        kakao = new EngineBenchmarks.Kakao();
        kakao.setUp();
        naive = new EngineBenchmarks.Naive();
        naive.setUp();
        cupE2e = new EndToEndBenchmarks.Cup();
        cupE2e.setUp();
        kakaoE2e = new EndToEndBenchmarks.Kakao();
        kakaoE2e.setUp();
    }

    @Test
    void contentUserProtectionEngineOnly() {
        Tally drools = engine.cupDrools(cup);
        assertEquals(Corpus.BATCH, drools.assessments());
        assertEquals(0, drools.count(Outcome.ERROR));
        assertEquals(CUP_EXTENSION_MINUTES, drools.extensionMinutes(), drools.toString());
        assertEquals(CUP_REFUND_KRW, drools.monetaryKrw(), drools.toString());
        assertEquals(CUP_AWARDS, drools.count(Outcome.AWARD), drools.toString());
        assertEquals(drools.toString(), engine.cupDrools2Threads(cup).toString());
        assertEquals(drools.toString(), engine.cupHandWritten(cup).toString());
        assertEquals(drools.toString(), engine.cupHandWritten2Threads(cup).toString());
        EngineBenchmarks.FreshSession fresh = new EngineBenchmarks.FreshSession();
        fresh.setUp();
        assertEquals(drools.toString(), engine.cupFreshSessionPerClaim(fresh).toString());
    }

    @Test
    void naiveBaselinesGiveTheProductionAssessments() {
        Tally compile = engine.cupNaiveCompilePerClaim(naive);
        Tally container = engine.cupNaiveContainerPerClaim(naive);
        assertEquals(EngineBenchmarks.NAIVE_BATCH, compile.assessments());
        assertTrue(compile.count(Outcome.AWARD) > 0, compile.toString());
        assertEquals(compile.toString(), container.toString());
        Tally production = new Tally();
        long n = 0;
        for (Claim c : naive.claims) production.add(cup.corpus.policy().assess(c, ++n));
        assertEquals(production.toString(), compile.toString());
        long record = 0;
        for (Claim c : naive.claims.subList(0, 3)) {   // each naive call is a Drools build: three are enough here
            record++;
            String expected = Json.line(cup.corpus.policy().assess(c, record));
            assertEquals(expected, Json.line(naive.compilePerClaim.assess(c, record)));
            assertEquals(expected, Json.line(naive.containerPerClaim.assess(c, record)));
        }
    }

    @Test
    void kakaoEngineOnly() {
        Tally drools = engine.kakaoDrools(kakao);
        assertEquals(Corpus.BATCH, drools.assessments());
        assertEquals(0, drools.count(Outcome.ERROR));
        assertEquals(KAKAO_MONEY_KRW, drools.monetaryKrw(), drools.toString());
        assertEquals(KAKAO_AWARDS, drools.count(Outcome.AWARD), drools.toString());
        assertEquals(381, drools.count(Outcome.MANUAL_REVIEW), drools.toString());
        assertEquals(drools.toString(), engine.kakaoDrools2Threads(kakao).toString());
    }

    @Test
    void endToEndWritesOneLinePerRecordIdenticallyOnEveryPath() {
        Pipelines.CountingSink drools = endToEnd.cupDrools(cupE2e);
        assertTrue(drools.bytes() > Corpus.BATCH * 500L, "bytes " + drools.bytes());
        Pipelines.CountingSink drools2 = endToEnd.cupDrools2Threads(cupE2e);
        Pipelines.CountingSink hand = endToEnd.cupHandWritten(cupE2e);
        assertEquals(drools.bytes(), drools2.bytes());
        assertEquals(drools.checksum(), drools2.checksum());
        assertEquals(drools.bytes(), hand.bytes());
        assertEquals(drools.checksum(), hand.checksum());

        Pipelines.CountingSink k1 = endToEnd.kakaoDrools(kakaoE2e);
        Pipelines.CountingSink k2 = endToEnd.kakaoDrools2Threads(kakaoE2e);
        assertTrue(k1.bytes() > Corpus.BATCH * 300L, "bytes " + k1.bytes());
        assertEquals(k1.bytes(), k2.bytes());
        assertEquals(k1.checksum(), k2.checksum());
        assertEquals(Corpus.BATCH, cupE2e.corpus.records());
        assertEquals(Corpus.BATCH, kakaoE2e.corpus.records());
    }

    // Pinned from the fixed seed (Corpus.SEED); see the class comment. Issue 10 moved the CUP figures: the Kakao
    // incident lists Kakao Subway and Kakao Bus apart (the generator draws a service by index), the overlapping cloud
    // windows of cup-bench-ddos-third-party merge (14 h, not 19 h), and plan starts written in UTC renew on their KST day.
    private static final long CUP_EXTENSION_MINUTES = 28_874_010;
    private static final long CUP_REFUND_KRW = 3_978_333;
    private static final long CUP_AWARDS = 4_124;
    private static final long KAKAO_MONEY_KRW = 42_507_680;
    private static final long KAKAO_AWARDS = 8_387;
}
