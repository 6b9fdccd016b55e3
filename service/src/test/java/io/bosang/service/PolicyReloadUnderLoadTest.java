package io.bosang.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bosang.engine.PolicyRegistry;
import io.bosang.json.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Load and reload: 4 client threads send batches for a few seconds while another thread rewrites the rules
 * directory's copy of content-user-protection, alternating a valid parameter change (the no-notice multiplier) and
 * a broken DRL edit, and reloads it after each. Every request must succeed, every claim must be answered exactly
 * once, every response must come from one version (one content hash, and awards consistent with that version's
 * multiplier), and every broken edit must be refused while the previous version keeps serving.
 */
class PolicyReloadUnderLoadTest extends ServiceTestSupport {
    static final String POLICY = "content-user-protection";
    static final int CLIENTS = 4;
    static final Duration RUN = Duration.ofSeconds(8);
    static final String[] MULTIPLIERS = {"4", "2", "5", "3"};

    @Autowired
    PolicyRegistry registry;

    @AfterEach
    void restore() throws Exception {
        restoreCup();
        assertEquals(200, reload(POLICY).statusCode());
    }

    @Test
    @Timeout(120)
    void concurrentBatchesNeverFailNorMixVersionsWhileEditsAreReloadedAndBrokenOnesRefused() throws Exception {
        // Paid claims of the sample (records 9-20): each gets a CUPG-EXT-01 extension of stoppage × multiplier.
        List<ObjectNode> templates = new ArrayList<>();
        for (String line : sampleLines().subList(8, 20)) templates.add((ObjectNode) Json.mapper().readTree(line));
        String original = registry.current(POLICY).contentHash();
        List<Duration> stoppage = new ArrayList<>();
        JsonNode baseline = json(post("/v1/assessments?policy=" + POLICY, Json.line(templates)));
        for (JsonNode a : baseline.get("assessments")) stoppage.add(Duration.parse(a.at("/totals/extension").asText()).dividedBy(3));

        Path param = CUP.resolve("parameters/no_notice_multiplier.yaml");
        Path drl = CUP.resolve("extension.drl");
        String paramText = Files.readString(param);
        String drlText = Files.readString(drl);
        assertTrue(paramText.contains("value: \"3\""));

        Map<String, String> multiplierByHash = new ConcurrentHashMap<>(Map.of(original, "3"));
        Map<String, Long> seenMultiplierByHash = new ConcurrentHashMap<>();
        Set<String> answered = ConcurrentHashMap.newKeySet();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        AtomicLong sent = new AtomicLong();
        AtomicLong answers = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong reloadNanos = new AtomicLong();
        long refusedBefore = registry.reloadsRefused();
        long deadline = System.nanoTime() + RUN.toNanos();
        long hardStop = deadline + Duration.ofSeconds(60).toNanos();
        AtomicLong edits = new AtomicLong();

        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            threads.add(new Thread(() -> {
                // Until the deadline, and on a slow machine until the editor made both kinds of edit (hard stop 60 s later).
                for (int n = 0; (System.nanoTime() < deadline || edits.get() < 2) && System.nanoTime() < hardStop
                        && failures.size() < 10; n++) {
                    List<String> ids = new ArrayList<>();
                    List<ObjectNode> batch = new ArrayList<>();
                    for (int j = 0; j < templates.size(); j++) {
                        ObjectNode claim = templates.get(j).deepCopy();
                        String id = "L" + client + "-" + n + "-" + j;
                        claim.put("id", id);
                        ((ObjectNode) claim.get("claimant")).put("id", "LU" + client + "-" + n + "-" + j);
                        ids.add(id);
                        batch.add(claim);
                    }
                    try {
                        sent.addAndGet(ids.size());
                        HttpResponse<String> r = post("/v1/assessments?policy=" + POLICY, Json.line(batch));
                        requests.incrementAndGet();
                        if (r.statusCode() != 200) {
                            failures.add("status " + r.statusCode() + ": " + r.body());
                            continue;
                        }
                        JsonNode body = json(r);
                        String hash = body.at("/policy/contentHash").asText();
                        JsonNode as = body.get("assessments");
                        if (as.size() != ids.size()) failures.add("sent " + ids.size() + " claims, got " + as.size());
                        Long multiplier = null;
                        for (int j = 0; j < as.size(); j++) {
                            JsonNode a = as.get(j);
                            String id = a.get("claimId").asText();
                            if (!id.equals(ids.get(j))) failures.add("record " + (j + 1) + " answered " + id + ", expected " + ids.get(j));
                            if (!answered.add(id)) failures.add(id + " answered twice");
                            answers.incrementAndGet();
                            if (!hash.equals(a.at("/policy/contentHash").asText())) failures.add("mixed versions in one response: " + hash + " and " + a.at("/policy/contentHash").asText());
                            if (!a.get("outcome").asText().equals("AWARD")) failures.add(id + " " + a.get("outcome").asText() + ": " + a);
                            Duration ext = Duration.parse(a.at("/totals/extension").asText());
                            long m = ext.toSeconds() / stoppage.get(j).toSeconds();
                            if (multiplier == null) multiplier = m;
                            else if (multiplier != m) failures.add("two multipliers in one response: " + multiplier + " and " + m);
                        }
                        if (multiplier != null) {
                            Long prev = seenMultiplierByHash.putIfAbsent(hash, multiplier);
                            if (prev != null && !prev.equals(multiplier)) failures.add(hash + " gave multipliers " + prev + " and " + multiplier);
                        }
                    } catch (Exception e) {
                        failures.add("client " + client + ": " + e);
                    }
                }
            }, "load-client-" + c));
        }
        Thread editor = new Thread(() -> {
            String good = original;
            for (int i = 0; (i < 2 || System.nanoTime() < deadline) && System.nanoTime() < hardStop; i++, edits.incrementAndGet()) {
                try {
                    if (i % 2 == 0) {
                        String value = MULTIPLIERS[(i / 2) % MULTIPLIERS.length];
                        Files.writeString(drl, drlText);
                        Files.writeString(param, paramText.replace("value: \"3\"", "value: \"" + value + "\""));
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = reload(POLICY);
                        reloadNanos.addAndGet(System.nanoTime() - t0);
                        JsonNode b = json(r);
                        if (r.statusCode() != 200 || !b.get("accepted").asBoolean()) {
                            failures.add("a valid edit was refused: " + r.body());
                            continue;
                        }
                        good = b.at("/current/contentHash").asText();
                        multiplierByHash.put(good, value);
                        accepted.incrementAndGet();
                    } else {
                        Files.writeString(drl, drlText.replace("Incident( fault.operatorAttributable() )", "Incident( fault.operatorAttributable() ))"));
                        long t0 = System.nanoTime();
                        HttpResponse<String> r = reload(POLICY);
                        reloadNanos.addAndGet(System.nanoTime() - t0);
                        JsonNode b = json(r);
                        if (r.statusCode() != 422 || b.get("accepted").asBoolean() || !b.at("/problems/0/file").asText().equals("extension.drl")) {
                            failures.add("a broken edit was not refused: " + r.statusCode() + " " + r.body());
                        }
                        if (!good.equals(b.at("/current/contentHash").asText())) failures.add("after a refusal the serving version changed: " + r.body());
                        refused.incrementAndGet();
                    }
                    Thread.sleep(100);
                } catch (Exception e) {
                    failures.add("editor: " + e);
                }
            }
        }, "load-editor");
        threads.forEach(Thread::start);
        editor.start();
        for (Thread t : threads) t.join(90_000);
        editor.join(90_000);

        System.out.printf("load and reload: %d requests, %d claims sent, %d answered (%d distinct), %d reloads accepted, %d refused, "
                        + "%d ms per reload on average, %d versions seen by clients %s%n", requests.get(), sent.get(), answers.get(), answered.size(),
                accepted.get(), refused.get(), reloadNanos.get() / 1_000_000 / Math.max(1, accepted.get() + refused.get()),
                seenMultiplierByHash.size(), seenMultiplierByHash);
        assertTrue(failures.isEmpty(), failures.size() + " failures, first: " + failures.stream().limit(5).toList());
        assertTrue(requests.get() >= CLIENTS, "each client sent at least one batch");
        assertEquals(sent.get(), answers.get(), "every claim answered");
        assertEquals(sent.get(), answered.size(), "every claim answered exactly once");
        assertTrue(accepted.get() >= 1 && refused.get() >= 1, "the editor made both kinds of edit: " + accepted + " accepted, " + refused + " refused");
        assertEquals(refused.get(), registry.reloadsRefused() - refusedBefore);
        for (Map.Entry<String, Long> e : seenMultiplierByHash.entrySet()) {
            String written = multiplierByHash.get(e.getKey());
            assertNotNull(written, "clients saw a version no accepted reload produced: " + e.getKey());
            assertEquals(Long.parseLong(written), e.getValue(), "version " + e.getKey() + " assessed with another multiplier");
        }
    }
}
