package io.bosang.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.check.WorkingCopy;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One set of semantics: the ledger and the batch path ({@code BatchAssessor}, what {@code bosang assess} runs) reach
 * byte-identical assessments for the same claims in the same order, whatever the size of the ledger's batches.
 */
class LedgerMatchesBatchTest {
    static final Path SHIPPED_KAKAO = Path.of("../rules/src/main/resources/policies/kakao-1015-2022");

    /** The Kakao policy with its TalkDrawer pass pool cut to {@code quota}, so a test corpus runs it dry. */
    static Policy kakaoWithPool(Path tmp, long quota) throws Exception {
        Path copy = WorkingCopy.of(SHIPPED_KAKAO, tmp);
        WorkingCopy.edit(copy, "parameters/heart/talkdrawer_pass_quota.yaml", "value: \"3000000\"", "value: \"" + quota + "\"");
        return PolicyLoader.load(copy);
    }

    @Test
    void aGeneratedCorpusAndFamiliesOfOneClaimantGetTheSameDecisionsThroughTheLedgerAsThroughTheBatchPath(@TempDir Path tmp) throws Exception {
        Policy policy = kakaoWithPool(tmp, 200);
        List<String> lines = new ArrayList<>(Corpus.generated(5_000, 1015));
        lines.addAll(Corpus.families());
        List<ClaimInput> inputs = Corpus.read(lines);

        List<Recorded> answered = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        LedgerSummary summary;
        try (Ledger ledger = Ledger.open(TestPostgres.freshDatabase())) {
            int[] sizes = {1, 7, 100, 250};
            for (int from = 0, k = 0; from < inputs.size(); k++) {
                int to = Math.min(inputs.size(), from + sizes[k % sizes.length]);
                List<Recorded> got = ledger.record(policy, inputs.subList(from, to));
                for (Recorded r : got) answered.add(new Recorded(from + r.position(), r.status(), r.decision(), r.claimId(), r.decidedBy(),
                        r.decidedAt(), r.assessment(), r.differingFields()));
                from = to;
            }
            ledger.eachDecision(policy.id(), d -> stored.add(d.assessment()));
            summary = ledger.summary(policy.id());
        }
        assertEquals(inputs.size(), answered.size(), "one answer per input record");

        List<ClaimInput> decided = new ArrayList<>();
        List<String> ledgerJson = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            if (answered.get(i).status() == Recorded.Status.DECIDED) {
                decided.add(inputs.get(i));
                ledgerJson.add(answered.get(i).assessment());
            }
        }
        List<String> batch = Corpus.batch(policy, decided, 2);
        assertEquals(batch.size(), ledgerJson.size());
        for (int i = 0; i < batch.size(); i++) assertEquals(batch.get(i), ledgerJson.get(i), "decision " + (i + 1));
        assertEquals(ledgerJson, stored, "what is stored is what was answered, byte for byte");

        // What the ledger did not decide, the batch path over the whole input also refused: unreadable records, and
        // repeats of a claim id (the ledger's replays and conflicts are the batch's duplicates by id).
        List<String> full = Corpus.batch(policy, inputs, 2);
        Map<String, String> firstAnswer = new HashMap<>();
        int replays = 0;
        int conflicts = 0;
        for (int i = 0; i < inputs.size(); i++) {
            Recorded r = answered.get(i);
            JsonNode b = Json.mapper().readTree(full.get(i));
            switch (r.status()) {
                case REJECTED -> assertEquals("REJECTED", b.get("outcome").asText(), "record " + (i + 1));
                case REPLAY, CONFLICT -> {
                    assertTrue(full.get(i).contains("DUPLICATE_CLAIM") && full.get(i).contains("the same claim id"), full.get(i));
                    if (r.status() == Recorded.Status.REPLAY) {
                        replays++;
                        assertEquals(firstAnswer.get(inputs.get(i).claim().id().trim().toLowerCase()), r.assessment(), "a replay is the stored decision");
                    } else {
                        conflicts++;
                    }
                }
                case DECIDED -> firstAnswer.put(inputs.get(i).claim().id().trim().toLowerCase(), r.assessment());
                case ERROR -> throw new AssertionError("no rule should fail: " + r.assessment());
            }
        }
        assertEquals(1, replays, "f-id-1 is F-ID-1 again");
        assertEquals(2, conflicts, "two spellings of F-ID-1 with other content");

        Map<String, Recorded> byId = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) if (inputs.get(i).valid()) byId.putIfAbsent(inputs.get(i).claim().id(), answered.get(i));
        assertEquals(List.of("service"), answered.get(lines.indexOf(Corpus.families().get(5))).differingFields());
        assertEquals(List.of("claimant.id"), answered.get(lines.indexOf(Corpus.families().get(6))).differingFields());
        assertTrue(byId.get("F-SUB-2").assessment().contains("ALREADY_GRANTED"), "one subscription, several harms: granted once");
        assertTrue(byId.get("F-SUB-3").assessment().contains("ALREADY_GRANTED"), "a spelling variant of the claimant");
        assertTrue(byId.get("F-BIZ-2").assessment().contains("ALREADY_GRANTED"), "one business by another login: one tier");
        assertTrue(byId.get("F-BIZ-3").assessment().contains("DUPLICATE_CLAIM"), "the same business, service and harm again");
        assertTrue(byId.get("F-RESUB-2").assessment().contains("DUPLICATE_CLAIM"));
        assertTrue(byId.get("F-POOL-29").assessment().contains("QUOTA_EXHAUSTED"), "the pool ran dry before the families");

        LedgerSummary.PoolDrawn pool = summary.pools().stream().filter(p -> p.pool().equals("heart-talkdrawer-pass")).findFirst().orElseThrow();
        assertEquals(200, pool.drawn());
        assertEquals(200, pool.limit());
        assertEquals(decided.size(), summary.decisions());
    }
}
