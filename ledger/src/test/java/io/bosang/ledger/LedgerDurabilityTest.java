package io.bosang.ledger;

import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decisions last: the same claim again is a replay, in the same run and after a restart of the embedded database. */
class LedgerDurabilityTest {
    static final Path ONE_CLAIM = Path.of("../samples/one-claim.json");

    @Test
    void theSameClaimTwiceIsOneGrantAndOneReplayAndStaysSoAfterARestart(@TempDir Path dir) throws Exception {
        Policy policy = PolicyLoader.load("kakao-1015-2022");
        ClaimInput claim = Corpus.read(List.of(Files.readString(ONE_CLAIM).replace("\n", ""))).get(0);
        Recorded first;
        try (Ledger ledger = Ledger.open(LedgerSettings.embedded(dir))) {
            first = ledger.record(policy, claim);
            Recorded again = ledger.record(policy, claim);
            assertEquals(Recorded.Status.DECIDED, first.status());
            assertEquals(1, first.decision());
            assertEquals(Recorded.Status.REPLAY, again.status());
            assertTrue(again.replay());
            assertEquals(first.assessment(), again.assessment(), "the stored decision, byte for byte");
            assertEquals(first.decidedAt(), again.decidedAt());

            assertEquals("on/on", ledger.jdbi().withHandle(h -> h.createQuery("select current_setting('fsync') || '/' || current_setting('synchronous_commit')")
                    .mapTo(String.class).one()), "a committed decision survives a crash: fsync and synchronous commit are on");

            IllegalStateException busy = assertThrows(IllegalStateException.class, () -> EmbeddedLedgerServer.start(dir));
            assertTrue(busy.getMessage().contains("is in use by another Bosang process"), busy.getMessage());
        }
        try (Ledger reopened = Ledger.open(LedgerSettings.embedded(dir))) {
            Recorded afterRestart = reopened.record(policy, claim);
            assertEquals(Recorded.Status.REPLAY, afterRestart.status());
            assertEquals(first.assessment(), afterRestart.assessment());
            StoredDecision stored = reopened.decision("kakao-1015-2022", " k-0009 ").orElseThrow();
            assertEquals(first.assessment(), stored.assessment(), "found by a spelling variant of its id");
            assertEquals(policy.stamp(), stored.decidedBy());
            assertEquals(1, reopened.summary("kakao-1015-2022").decisions(), "one grant, whatever was sent");
        }
    }

    @Test
    void aClaimIdSentAgainWithOtherContentIsAConflictNamingTheFieldsAndNothingIsRecorded() throws Exception {
        Policy policy = PolicyLoader.load("kakao-1015-2022");
        String json = Files.readString(ONE_CLAIM).replace("\n", "");
        String changed = json.replace("\"SERVICE_UNAVAILABLE\"", "\"DATA_LOSS\"").replace("4900", "9900");
        try (Ledger ledger = Ledger.open(TestPostgres.freshDatabase())) {
            List<Recorded> out = ledger.record(policy, Corpus.read(List.of(json, changed, "{\"id\": 7}")));
            assertEquals(Recorded.Status.DECIDED, out.get(0).status());
            Recorded conflict = out.get(1);
            assertEquals(Recorded.Status.CONFLICT, conflict.status());
            assertEquals(1, conflict.decision(), "names the decision it conflicts with");
            assertEquals(List.of("subscription.monthlyFeeKrw", "harm"), conflict.differingFields());
            assertNull(conflict.assessment());
            assertEquals(Recorded.Status.REJECTED, out.get(2).status());
            assertTrue(out.get(2).assessment().contains("\"outcome\":\"REJECTED\""), out.get(2).assessment());
            assertEquals(1, ledger.summary(policy.id()).decisions());
        }
    }
}
