package io.bosang.ledger;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An operator exports or erases one claimant's records; erasure keeps what settlement needs, so nothing is paid twice. */
class PersonalDataTest {
    static final String WHO = "PRIVATE-CLAIMANT-5521";

    @Test
    void exportGivesOneClaimantsRecordsAndErasureRemovesThemButKeepsTheGrantsHeld() throws Exception {
        Policy policy = PolicyLoader.load("kakao-1015-2022");
        try (Ledger ledger = Ledger.open(TestPostgres.freshDatabase())) {
            ledger.record(policy, Corpus.read(List.of(
                    Corpus.webtoonSubscriber("PD-1", WHO, "SERVICE_UNAVAILABLE"),
                    Corpus.consumer("PD-2", WHO, "kakaotalk", "SERVICE_UNAVAILABLE"),
                    Corpus.consumer("PD-3", "SOMEONE-ELSE", "kakaotalk", "SERVICE_UNAVAILABLE"))));

            List<String> export = ledger.export(WHO.toLowerCase());
            assertEquals(2, export.size(), "the claimant's two decisions, found by a spelling variant");
            assertTrue(export.stream().allMatch(l -> l.contains(WHO)), "with the claims as received");
            ClaimantEntitlements before = ledger.entitlements(WHO);
            assertEquals(2, before.decisions().size());
            assertTrue(before.decisions().get(0).lines().size() > 0);

            assertEquals(2, ledger.erase(WHO));
            StoredDecision erased = ledger.decision(policy.id(), "PD-1").orElseThrow();
            assertTrue(erased.erased());
            assertNull(erased.claim());
            assertNull(erased.assessment());
            assertTrue(erased.totals().monetaryKrw() + erased.totals().extension().getSeconds() > 0, "the money's audit stays");
            assertTrue(ledger.export(WHO).isEmpty(), "nothing left to export under the claimant's id");
            assertTrue(ledger.entitlements(WHO).decisions().isEmpty());
            ledger.eachDecision(policy.id(), d -> assertFalse(d.assessment() != null && d.assessment().contains(WHO)));

            // The same subscriber claiming again is told the extension was granted: the holds stayed, as hashes.
            Recorded again = ledger.record(policy, Corpus.read(List.of(Corpus.webtoonSubscriber("PD-4", WHO, "DATA_LOSS"))).get(0));
            assertEquals(Recorded.Status.DECIDED, again.status());
            assertTrue(again.assessment().contains("ALREADY_GRANTED") && again.assessment().contains("claim PD-1"), again.assessment());

            Reassessment r = ledger.reassess(policy, Corpus.READER, n -> { });
            assertEquals(2, r.erased(), "erased claims are not re-assessed");
            assertEquals(0, r.topUps(), "and no one is granted what they held");
        }
    }
}
