package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.check.WorkingCopy;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.ledger.EmbeddedLedgerServer;
import io.bosang.ledger.Ledger;
import io.bosang.ledger.LedgerSettings;
import io.bosang.ledger.StoredDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two service instances on one PostgreSQL, eight clients sending the same claims in batches of 1 to 25, half of
 * them in another order: each claim decided once (every other answer a replay of that decision), each unit granted
 * once, the limited pool drawn to its limit and no further, and the stored decisions a sequential run in commit order.
 */
class TwoInstancesOneLedgerTest {
    @Test
    void eightClientsOnTwoInstancesSettleEachClaimOnce(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        Path copy = WorkingCopy.of(Path.of("../rules/src/main/resources/policies/kakao-1015-2022"), rules);
        WorkingCopy.edit(copy, "parameters/heart/talkdrawer_pass_quota.yaml", "value: \"3000000\"", "value: \"40\"");
        Policy policy = PolicyLoader.load(copy);
        List<String> lines = LedgerFaultSupport.generated(400, 8);

        try (EmbeddedLedgerServer pg = EmbeddedLedgerServer.start(tmp.resolve("pg"))) {
            String url = pg.createDatabase("two_instances");
            Map<String, Object> props = Map.of("bosang.ledger.url", url, "bosang.ledger.user", "postgres", "bosang.rules-dir", rules.toString(),
                    "bosang.rules-policies", "kakao-1015-2022");
            try (ConfigurableApplicationContext a = LedgerFaultSupport.instance(props);
                 ConfigurableApplicationContext b = LedgerFaultSupport.instance(props)) {
                int[] ports = {LedgerFaultSupport.port(a), LedgerFaultSupport.port(b)};
                Map<String, List<JsonNode>> answers = new ConcurrentHashMap<>();
                AtomicInteger requests = new AtomicInteger();
                ExecutorService clients = Executors.newFixedThreadPool(8);
                List<Future<?>> done = new ArrayList<>();
                for (int c = 0; c < 8; c++) {
                    int client = c;
                    done.add(clients.submit(() -> {
                        Random random = new Random(client);
                        List<String> order = new ArrayList<>(lines);
                        if (client >= 4) Collections.shuffle(order, random);
                        for (int from = 0; from < order.size(); ) {
                            int to = Math.min(order.size(), from + 1 + random.nextInt(25));
                            int port = ports[(client + requests.incrementAndGet()) % 2];
                            HttpResponse<String> r = LedgerFaultSupport.post(port, "/v1/claims?policy=kakao-1015-2022",
                                    LedgerFaultSupport.array(order.subList(from, to)));
                            assertEquals(200, r.statusCode(), r.body());
                            for (JsonNode result : LedgerFaultSupport.json(r).get("results")) {
                                if (result.hasNonNull("claimId")) answers.computeIfAbsent(result.get("claimId").asText(),
                                        k -> Collections.synchronizedList(new ArrayList<>())).add(result);
                            }
                            from = to;
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) f.get(4, TimeUnit.MINUTES);
                clients.shutdown();

                try (Ledger ledger = Ledger.open(LedgerSettings.server(url, "postgres", null))) {
                    List<StoredDecision> stored = LedgerFaultSupport.assertSettledOnce(ledger, policy, IncidentCatalog.classpath());
                    int decided = 0;
                    for (List<JsonNode> perClaim : answers.values()) {
                        long decisions = perClaim.stream().filter(r -> r.get("status").asText().equals("DECIDED")).count();
                        if (perClaim.get(0).get("status").asText().equals("REJECTED")) continue;
                        assertEquals(1, decisions, "one decision per claim: " + perClaim.get(0).get("claimId"));
                        assertEquals(8, perClaim.size(), "every client got an answer");
                        JsonNode first = perClaim.stream().filter(r -> r.get("status").asText().equals("DECIDED")).findFirst().orElseThrow();
                        for (JsonNode r : perClaim) assertEquals(first.get("assessment"), r.get("assessment"), "a replay is the stored decision");
                        decided++;
                    }
                    assertEquals(stored.size(), decided);
                    assertEquals(40, ledger.summary(policy.id()).pools().stream().filter(p -> p.pool().equals("heart-talkdrawer-pass"))
                            .findFirst().orElseThrow().drawn(), "the pool ran dry, and no further");
                    assertTrue(requests.get() > 100, "the clients raced: " + requests.get() + " requests");
                }
            }
        }
    }
}
