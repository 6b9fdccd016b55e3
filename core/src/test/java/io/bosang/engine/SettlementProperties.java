package io.bosang.engine;

import io.bosang.domain.BillingChannel;
import io.bosang.domain.Business;
import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.EndBasis;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Identifiers;
import io.bosang.domain.Incident;
import io.bosang.domain.Operator;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Subscription;
import io.bosang.engine.ClaimInput;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.EntitlementUnit;
import io.bosang.result.PolicyStamp;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Settlement against a plain reference model, on generated streams of families: a few claimants whose ids are spelt
 * several ways, each with a few subscriptions, services, harms and businesses, asking for entitlements owed per every
 * unit, some from a small limited pool. The laws: each (entitlement, unit, key) is granted to at most one claim, and
 * to the first non-duplicate claim that asks for it; a pool never grants more units than its limit; every claim's
 * output is exactly what the reference model (string keys, a map) decides.
 */
class SettlementProperties {
    static final PolicyStamp STAMP = new PolicyStamp("p", "1", "sha256:x");
    static final OffsetDateTime T = OffsetDateTime.parse("2022-10-15T15:30:00+09:00");
    static final List<Service> SERVICES = List.of(new Service("webtoon", "Webtoon", ServiceCategory.CONTENT, PaymentModel.SUBSCRIPTION),
            new Service("melon", "Melon", ServiceCategory.MUSIC, PaymentModel.SUBSCRIPTION),
            new Service("talk", "Talk", ServiceCategory.MESSAGING, PaymentModel.FREE));
    static final Incident INC = new Incident("i", new Operator("kakao", "Kakao"), "", "", FaultPosition.NONE, "", T, null, SERVICES,
            List.of(new io.bosang.domain.Disruption("talk", T, T.plusHours(5), io.bosang.domain.Severity.FULL, EndBasis.REPORTED, "")), List.of());
    static final String[][] SPELLINGS = {{"DU-5", "du-5", " DU-5 ", "ＤＵ－５", "DU\u20135"}, {"U-1", "u-1", "Ｕ－１"}, {"B-7", "b\u22127"}};
    static final String[] REGISTRATIONS = {"220-81-12345", "2208112345", "220 81 12345", "999-99-99999"};
    static final int POOL_LIMIT = 3;

    /** One generated claim: who (and how spelt), what, and which entitlements its rules would give. */
    record Ask(int claimant, int spelling, int service, int plan, int harm, int business, int idVariant, int lines) {
        Claim claim(int record) {
            String[] names = SPELLINGS[claimant];
            Business b = business == 0 ? null : new Business("FOOD", 1, 1, REGISTRATIONS[business - 1]);
            Claimant who = new Claimant(names[spelling % names.length], b == null ? ClaimantKind.CONSUMER : ClaimantKind.SMALL_BUSINESS, "KR", b);
            Subscription sub = plan == 0 ? null : new Subscription("plan-" + plan, 4900, BillingChannel.DIRECT, T.minusDays(5), null);
            String id = idVariant == 0 ? "C-" + record : "c\u2013" + (record - 1);   // a variant spelling of the previous claim's id
            return new Claim(id, who, INC, SERVICES.get(service), sub, HarmKind.values()[harm], T.plusDays(1), null, null, null);
        }

        /** The lines its rules give, one bit each: per subscription, claimant, account, business, claim, and a pooled one. */
        List<AwardLine> stamped(Claim c) {
            List<AwardLine> out = new ArrayList<>();
            EntitlementUnit[] units = {EntitlementUnit.SUBSCRIPTION, EntitlementUnit.CLAIMANT, EntitlementUnit.ACCOUNT, EntitlementUnit.BUSINESS, EntitlementUnit.CLAIM};
            for (int u = 0; u < units.length; u++) {
                if ((lines & (1 << u)) == 0) continue;
                out.add(AwardLine.cash(1000 + u, "line " + u).attributedTo("R-" + u, "b", EntitlementKeys.of(units[u], "E-" + u, c)));
            }
            if ((lines & (1 << 5)) != 0) {
                out.add(AwardLine.inKind("pass", 1900).limitedTo("pass", POOL_LIMIT).attributedTo("R-POOL", "b", EntitlementKeys.of(EntitlementUnit.CLAIMANT, "E-POOL", c)));
            }
            return out;
        }
    }

    static Gen<Ask> asks() {
        return integers().between(0, SPELLINGS.length - 1).zip(integers().between(0, 4), integers().between(0, 2), integers().between(0, 2),
                (a, b, c, d) -> new int[]{a, b, c, d}).zip(integers().between(0, HarmKind.values().length - 1), integers().between(0, REGISTRATIONS.length),
                integers().between(0, 4), integers().between(1, 63), (x, harm, business, id, lines) -> new Ask(x[0], x[1], x[2], x[3], harm, business, id == 0 ? 1 : 0, lines));
    }

    @Test
    void settlementGrantsEachEntitlementOnceToItsFirstAskerExactlyAsTheReferenceModelDoes() {
        qt().withExamples(300).forAll(lists().of(asks()).ofSizeBetween(1, 40)).checkAssert(stream -> {
            Settlement settlement = new Settlement();
            Reference model = new Reference();
            Map<String, Integer> grants = new HashMap<>();
            long pool = 0;
            for (int i = 0; i < stream.size(); i++) {
                int record = i + 1;
                Claim c = stream.get(i).claim(record);
                Assessment unsettled = Assessment.of(record, c.id(), STAMP, stream.get(i).stamped(c), List.of());
                Assessment settled = settlement.settle(ClaimInput.ok(record, c), unsettled);
                Assessment expected = model.settle(record, c, unsettled);
                org.junit.jupiter.api.Assertions.assertEquals(expected.lines(), settled.lines(), "record " + record);
                org.junit.jupiter.api.Assertions.assertEquals(codes(expected), codes(settled), "record " + record);
                for (AwardLine l : settled.lines()) {
                    String key = l.owedPer().entitlement() + "|" + l.owedPer().unit() + "|" + l.owedPer().key();
                    Integer before = grants.put(key, record);
                    org.junit.jupiter.api.Assertions.assertNull(before, key + " granted to records " + before + " and " + record);
                    if (l.quota() != null) pool++;
                }
            }
            org.junit.jupiter.api.Assertions.assertTrue(pool <= POOL_LIMIT, "the pool granted " + pool);
        });
    }

    private static List<String> codes(Assessment a) {
        return a.findings().stream().map(f -> f.code() + ":" + (f.priorGrant() == null ? "" : f.priorGrant().claimId() + "@" + f.priorGrant().record())).sorted().toList();
    }

    /** The semantics written as plainly as possible: string keys in maps, no hashing, no shared code with Settlement's state. */
    static final class Reference {
        final Map<String, int[]> heldBy = new HashMap<>();
        final Map<Integer, String> ids = new HashMap<>();
        final Set<String> granted = new HashSet<>();
        long drawn;

        Assessment settle(int record, Claim c, Assessment a) {
            String who = Identifiers.normalise(c.claimant().id());
            String idKey = "id|" + Identifiers.normalise(c.id());
            String sub = c.subscription() == null ? "" : Identifiers.normalise(c.subscription().settlementId());
            String biz = c.claimant().business() == null ? "" : Identifiers.registrationNumber(c.claimant().business().registrationNumber());
            String contentKey = "content|" + who + "|" + c.service().id() + "|" + c.harm() + "|" + sub + "|" + biz;
            ids.put(record, c.id());
            int[] byId = heldBy.get(idKey);
            int[] byContent = heldBy.get(contentKey);
            heldBy.putIfAbsent(idKey, new int[]{record});
            heldBy.putIfAbsent(contentKey, new int[]{record});
            if (byId != null || byContent != null) {
                int first = (byId != null ? byId : byContent)[0];
                return Settlement.duplicate(record, a, new io.bosang.result.PriorGrant(first, ids.get(first)), byId != null);
            }
            List<Settlement.Verdict> verdicts = new ArrayList<>();
            for (AwardLine l : a.lines()) {
                String key = "grant|" + l.owedPer().entitlement() + "|" + l.owedPer().unit() + "|" + l.owedPer().key();
                int[] holder = heldBy.get(key);
                if (holder != null && holder[0] == record) verdicts.add(Settlement.GRANTED);
                else if (holder != null) verdicts.add(new Settlement.AlreadyGranted(new io.bosang.result.PriorGrant(holder[0], ids.get(holder[0]))));
                else if (l.quota() != null && drawn >= l.quota().limit()) verdicts.add(Settlement.EXHAUSTED);
                else {
                    if (l.quota() != null) drawn++;
                    heldBy.put(key, new int[]{record});
                    verdicts.add(Settlement.GRANTED);
                }
            }
            return Settlement.withVerdicts(a, verdicts);
        }
    }
}
