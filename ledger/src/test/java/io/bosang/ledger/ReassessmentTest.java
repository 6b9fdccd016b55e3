package io.bosang.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.check.WorkingCopy;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A revised plan: the small-business first tier raised from 30,000 to 40,000 won. Re-assessment pays each business
 * that received the first tier a top-up of 10,000 once; run again, it pays nothing; going back to the first version
 * reports the excess and claws nothing back.
 */
class ReassessmentTest {
    static Policy raisedTier(Path tmp) throws Exception {
        Path copy = WorkingCopy.of(LedgerMatchesBatchTest.SHIPPED_KAKAO, tmp);
        WorkingCopy.edit(copy, "policy.yaml", "version: \"2026.11-1\"", "version: \"2026.12-revised\"");
        WorkingCopy.edit(copy, "parameters/small_business/tier1_award_krw.yaml", "value: \"30000\"", "value: \"40000\"");
        return PolicyLoader.load(copy);
    }

    @Test
    void aRaisedTierIsToppedUpOnceAndAnExcessIsReportedNeverClawedBack(@TempDir Path tmp) throws Exception {
        Policy shipped = PolicyLoader.load("kakao-1015-2022");
        Policy revised = raisedTier(tmp);
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("../samples/kakao-2022-10-15-claims.ndjson")));
        lines.addAll(Corpus.generated(800, 29));
        lines.addAll(Corpus.families());
        try (Ledger ledger = Ledger.open(TestPostgres.freshDatabase())) {
            ledger.record(shipped, Corpus.read(lines));
            long firstTier = countLines(ledger, shipped.id(), "K1015-SB-01");
            assertTrue(firstTier > 10, "the corpus has first-tier businesses: " + firstTier);

            Reassessment first = ledger.reassess(revised, Corpus.READER, n -> { });
            List<PaymentLine> topUps = first.lines().stream().filter(l -> l.action().equals(PaymentLine.TOP_UP)).toList();
            assertEquals(firstTier, topUps.size(), "one top-up per first-tier business");
            for (PaymentLine l : topUps) {
                assertEquals("BUSINESS", l.unit());
                assertEquals("K1015-SB-CASH-TIER", l.entitlement());
                assertEquals("CASH", l.kind());
                assertEquals(10_000, l.amountKrw());
                assertEquals("K1015-SB-01", l.rule());
                assertTrue(l.reason().contains("owes 40,000 KRW") && l.reason().contains("granted so far 30,000 KRW"), l.reason());
            }
            assertEquals(0, first.overGranted());
            assertEquals(10_000L * firstTier, first.topUpKrw());
            assertEquals(ledger.summary(shipped.id()).decisions(), first.claims(), "every recorded claim re-assessed");

            StringWriter csv = new StringWriter();
            first.writeCsv(csv);
            List<String> rows = csv.toString().lines().toList();
            assertEquals(PaymentLine.CSV_HEADER, rows.get(0));
            assertEquals(first.lines().size() + 1, rows.size());
            assertTrue(rows.get(1).startsWith("TOP_UP,"), rows.get(1));
            StringWriter ndjson = new StringWriter();
            first.writeNdjson(ndjson);
            JsonNode line = Json.mapper().readTree(ndjson.toString().lines().findFirst().orElseThrow());
            assertEquals(10_000, line.get("amountKrw").asLong());

            Reassessment again = ledger.reassess(revised, Corpus.READER, n -> { });
            assertEquals(0, again.topUps(), "running it twice pays nothing twice");
            assertEquals(0, again.topUpKrw());

            Reassessment back = ledger.reassess(shipped, Corpus.READER, n -> { });
            assertEquals(0, back.topUps());
            assertEquals(firstTier, back.overGranted(), "the first version owes less than was paid");
            PaymentLine excess = back.lines().get(0);
            assertEquals(PaymentLine.OVER_GRANTED, excess.action());
            assertEquals(10_000, excess.amountKrw());
            assertTrue(excess.reason().contains("never clawed back"), excess.reason());

            LedgerSummary summary = ledger.summary(shipped.id());
            assertEquals(firstTier, summary.topUps());
            assertEquals(10_000L * firstTier, summary.topUpKrw());
        }
    }

    static long countLines(Ledger ledger, String policyId, String ruleId) {
        long[] n = {0};
        // award lines only: a finding of the same rule (an assumed value it read, say) is no grant
        ledger.eachDecision(policyId, d -> {
            try {
                for (JsonNode l : Json.mapper().readTree(d.assessment()).path("lines")) if (l.path("ruleId").asText().equals(ruleId)) n[0]++;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return n[0];
    }
}
