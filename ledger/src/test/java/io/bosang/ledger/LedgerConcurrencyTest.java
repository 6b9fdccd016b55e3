package io.bosang.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight clients send the same claims at once through two ledgers on one database (as two service instances would):
 * each claim is decided once, each unit granted once, no pool over-drawn, and the stored decisions are what one
 * sequential run gives in commit order.
 */
class LedgerConcurrencyTest {
    @Test
    void eightClientsOnTwoInstancesGrantEachUnitOnceAndMatchASequentialRunInCommitOrder(@TempDir Path tmp) throws Exception {
        Policy policy = LedgerMatchesBatchTest.kakaoWithPool(tmp, 60);
        List<String> lines = new ArrayList<>(Corpus.generated(600, 77));
        lines.addAll(Corpus.families());
        List<ClaimInput> inputs = Corpus.read(lines);
        LedgerSettings db = TestPostgres.freshDatabase();
        Map<String, List<Recorded>> byClaim = new ConcurrentHashMap<>();
        try (Ledger a = Ledger.open(db); Ledger b = Ledger.open(db)) {
            ExecutorService clients = Executors.newFixedThreadPool(8);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                Ledger instance = c % 2 == 0 ? a : b;
                Random random = new Random(c);
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < inputs.size(); i++) order.add(i);
                if (c >= 4) Collections.shuffle(order, random);   // half the clients send in another order
                done.add(clients.submit(() -> {
                    for (int from = 0; from < order.size(); ) {
                        int to = Math.min(order.size(), from + 1 + random.nextInt(25));
                        List<ClaimInput> batch = new ArrayList<>();
                        for (int i = from; i < to; i++) batch.add(inputs.get(order.get(i)));
                        for (Recorded r : instance.record(policy, batch)) {
                            if (r.claimId() != null) byClaim.computeIfAbsent(r.claimId(), k -> Collections.synchronizedList(new ArrayList<>())).add(r);
                        }
                        from = to;
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) f.get(3, TimeUnit.MINUTES);
            clients.shutdown();

            List<StoredDecision> stored = new ArrayList<>();
            a.eachDecision(policy.id(), stored::add);

            // Each claim id decided exactly once; every other answer to it is a replay of that decision or a conflict.
            Map<Long, String> assessmentOf = new HashMap<>();
            for (StoredDecision d : stored) assessmentOf.put(d.decision(), d.assessment());
            int decidedAnswers = 0;
            for (List<Recorded> answers : byClaim.values()) {
                for (Recorded r : answers) {
                    if (r.status() == Recorded.Status.DECIDED) decidedAnswers++;
                    if (r.status() == Recorded.Status.REPLAY) assertEquals(assessmentOf.get(r.decision()), r.assessment());
                }
            }
            assertEquals(stored.size(), decidedAnswers, "one DECIDED answer per stored decision, across 8 clients and 2 instances");
            for (int i = 0; i < stored.size(); i++) assertEquals(i + 1, stored.get(i).decision(), "decision numbers without gaps");

            // Each (entitlement, unit, key) granted once; each pool drawn as often as its lines were granted, within its limit.
            Set<String> units = new HashSet<>();
            Map<String, Long> poolLines = new HashMap<>();
            for (StoredDecision d : stored) {
                for (JsonNode l : Json.mapper().readTree(d.assessment()).get("lines")) {
                    JsonNode per = l.get("owedPer");
                    String unit = per.get("entitlement").asText() + "|" + per.get("unit").asText() + "|" + per.get("key").asText();
                    if (!units.add(unit + "|" + l.get("ruleId").asText() + "|" + l.get("kind").asText())) throw new AssertionError("granted twice: " + unit);
                    if (l.has("quota")) poolLines.merge(l.get("quota").get("pool").asText(), 1L, Long::sum);
                }
            }
            LedgerSummary summary = a.summary(policy.id());
            for (LedgerSummary.PoolDrawn p : summary.pools()) {
                assertTrue(p.drawn() <= p.limit(), p.toString());
                assertEquals(poolLines.getOrDefault(p.pool(), 0L), p.drawn(), p.pool());
            }
            assertEquals(60, summary.pools().stream().filter(p -> p.pool().equals("heart-talkdrawer-pass")).findFirst().orElseThrow().drawn(),
                    "the pool ran dry, and no further");

            // The stored decisions are a sequential run of the same claims in commit order.
            List<String> claimsInCommitOrder = stored.stream().map(StoredDecision::claim).toList();
            List<String> sequential = Corpus.batch(policy, Corpus.read(claimsInCommitOrder), 1);
            for (int i = 0; i < stored.size(); i++) assertEquals(sequential.get(i), stored.get(i).assessment(), "decision " + (i + 1));
        }
    }
}
