package io.bosang.bench;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.ledger.Ledger;
import io.bosang.ledger.LedgerSettings;
import io.bosang.sample.KakaoClaimsGenerator;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Record-and-decide throughput through the claims ledger beside the stateless path, in one JVM on the same claims
 * (Kakao corpus, kakao-1015-2022): batches of 100 (assessed on every core while the previous batch is decided, as
 * {@code bosang ledger record} does) and single claims from 8 concurrent callers (as 8 HTTP clients would, without
 * the HTTP), each against the stateless equivalent. The ledger is the embedded PostgreSQL in a fresh directory.
 * Also the heap in use after a full GC, early and late in the batch run: the ledger keeps no per-claim memory.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar io.bosang.bench.LedgerThroughput --count 20000 --singles 4000</pre>
 */
public final class LedgerThroughput {
    private LedgerThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int count = 20_000;
        int singles = 4_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--count")) count = Integer.parseInt(args[++i]);
            if (args[i].equals("--singles")) singles = Integer.parseInt(args[++i]);
        }
        Policy policy = PolicyLoader.load("kakao-1015-2022");
        ClaimReader reader = new ClaimReader(IncidentCatalog.classpath());
        List<ClaimInput> batchClaims = read(reader, count, 1015);
        List<ClaimInput> singleClaims = read(reader, singles, 4242);
        Path dir = Files.createTempDirectory("bosang-ledger-bench");

        // Warm-up of the engine on other claims (the JIT), then each path on its own claims.
        new BatchAssessor(policy, 2).run(read(reader, 5_000, 7).iterator(), a -> Json.line(a));

        long t0 = System.nanoTime();
        long[] sink = {0};
        new BatchAssessor(policy, 2).run(batchClaims.iterator(), a -> sink[0] += Json.line(a).length());
        double statelessBatch = count / secs(t0);

        t0 = System.nanoTime();
        onEightCallers(singleClaims, in -> sink[0] += Json.line(in.valid() ? policy.assess(in.claim(), 1) : null).length());
        double statelessSingle = singles / secs(t0);

        double ledgerBatch;
        double ledgerSingle;
        long heapEarly;
        long heapLate;
        try (Ledger ledger = Ledger.open(LedgerSettings.embedded(dir))) {
            ledger.record(policy, read(reader, 200, 99));   // connections and JIT of the ledger's path
            ExecutorService decider = Executors.newSingleThreadExecutor();
            t0 = System.nanoTime();
            Future<?> previous = null;
            long early = 0;
            for (int from = 0; from < count; from += 100) {
                List<ClaimInput> chunk = batchClaims.subList(from, Math.min(count, from + 100));
                List<Ledger.Pending> pending = chunk.parallelStream().map(c -> Ledger.prepare(policy, c)).toList();
                if (previous != null) previous.get();
                previous = decider.submit(() -> ledger.decide(policy, pending));
                if (from == count / 10) early = heapAfterGc();
            }
            if (previous != null) previous.get();
            ledgerBatch = count / secs(t0);
            decider.shutdown();
            heapEarly = early;
            heapLate = heapAfterGc();

            t0 = System.nanoTime();
            onEightCallers(singleClaims, in -> ledger.record(policy, in));
            ledgerSingle = singles / secs(t0);
        }
        System.out.printf(Locale.ROOT, "claims: %,d in batches of 100, %,d single (8 callers); %d cores%n", count, singles,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "| path | stateless (claims/s) | ledger (claims/s) | ledger / stateless |%n|---|---:|---:|---:|%n");
        System.out.printf(Locale.ROOT, "| batches of 100 | %,.0f | %,.0f | %.2f |%n", statelessBatch, ledgerBatch, ledgerBatch / statelessBatch);
        System.out.printf(Locale.ROOT, "| single claim per call, 8 callers | %,.0f | %,.0f | %.2f |%n", statelessSingle, ledgerSingle, ledgerSingle / statelessSingle);
        System.out.printf(Locale.ROOT, "heap in use after a full GC: %,d KB after %,d decisions, %,d KB after %,d%n",
                heapEarly / 1024, count / 10 + 200, heapLate / 1024, count + 200);
        if (sink[0] == 42) System.out.println();
    }

    interface Call {
        void run(ClaimInput in) throws Exception;
    }

    private static void onEightCallers(List<ClaimInput> claims, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            done.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < claims.size(); ) call.run(claims.get(i));
                return null;
            }));
        }
        for (Future<?> f : done) f.get();
        pool.shutdown();
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static List<ClaimInput> read(ClaimReader reader, int count, long seed) throws Exception {
        StringWriter w = new StringWriter();
        KakaoClaimsGenerator.write(count, seed, w);
        List<ClaimInput> out = new ArrayList<>(count);
        try (ClaimSource s = ClaimSource.open(new ByteArrayInputStream(w.toString().getBytes(StandardCharsets.UTF_8)), reader)) {
            s.forEachRemaining(out::add);
        }
        return out;
    }
}
