package io.bosang.rules;

import io.bosang.domain.Operator;
import io.bosang.domain.EndBasis;
import io.bosang.domain.BillingChannel;
import io.bosang.domain.Business;
import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.Disruption;
import io.bosang.domain.Evidence;
import io.bosang.domain.EvidenceKind;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Incident;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Severity;
import io.bosang.domain.Subscription;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Finding;
import io.bosang.result.Outcome;
import io.bosang.result.Totals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/** The laws of the precedent policies: never negative, monotone where the scheme is, tiers at their bounds, the 2025 switch. */
class PrecedentPoliciesProperties {
    static Policy kt21, ahyeon, lgu, skt14, civil, notice;
    static IncidentCatalog shipped;

    @BeforeAll
    static void load() throws Exception {
        kt21 = PolicyLoader.load("kt-2021-10-25");
        ahyeon = PolicyLoader.load("kt-ahyeon-2018");
        lgu = PolicyLoader.load("lgu-2023-ddos");
        skt14 = PolicyLoader.load("skt-2014-03-20");
        civil = PolicyLoader.load("civil-damages-estimate");
        notice = PolicyLoader.load("notice-duty");
        shipped = IncidentCatalog.classpath();
    }

    /** One service, one full window of {@code minutes} from {@code start}. */
    static Incident incident(String id, OffsetDateTime start, long minutes, ServiceCategory category, PaymentModel payment) {
        Service svc = new Service("svc", "Service", category, payment);
        return new Incident(id, new Operator("example", "Example Co."), "", "", FaultPosition.ORDINARY_NEGLIGENCE, "", start, null, List.of(svc),
                List.of(new Disruption("svc", start, start.plusMinutes(Math.max(1, minutes)), Severity.FULL, EndBasis.REPORTED, "")), List.of());
    }

    static Claim claim(Incident i, String serviceId, ClaimantKind kind, Business business, long fee,
                       Map<String, Long> declared, Map<String, Long> usage, List<Evidence> evidence) {
        Subscription sub = fee < 0 ? null : new Subscription("plan", fee, BillingChannel.DIRECT, i.startedAt().minusYears(1), null);
        return new Claim("C", new Claimant("U", kind, "KR", business), i, i.service(serviceId).orElseThrow(), sub,
                HarmKind.SERVICE_UNAVAILABLE, i.startedAt().plusDays(30),
                declared == null ? null : new TreeMap<>(declared), usage == null ? null : new TreeMap<>(usage), evidence);
    }

    static void wellFormed(Assessment a) {
        assertTrue(a.outcome() != Outcome.ERROR && a.outcome() != Outcome.REJECTED, a.toString());
        assertEquals(Totals.of(a.lines()), a.totals());
        assertTrue(a.totals().monetaryKrw() >= 0 && a.totals().nominalInKindKrw() >= 0, a.toString());
        for (AwardLine l : a.lines()) {
            assertTrue(l.amountKrw() >= 0);
            assertFalse(l.ruleId().isBlank());
            assertFalse(l.legalBasis().isBlank());
            assertFalse(l.derivation().isBlank(), l.toString());
        }
        if (a.lines().isEmpty()) assertFalse(a.findings().isEmpty(), "a zero outcome says why: " + a);
    }

    static long money(Assessment a) {
        return a.totals().monetaryKrw();
    }

    // ---- kt-2021-10-25 ----

    @Test
    void kt21NeverNegativeAndMonotoneInFeeForBothStandards() {
        Incident kt = shipped.find("kt-2021-10-25").orElseThrow();
        Business sb = new Business("FOOD", 100_000_000, 2, "123-45-67890");
        qt().withExamples(200).forAll(longs().between(0, 500_000), longs().between(0, 200_000), integers().between(0, 1))
                .checkAssert((fee, more, small) -> {
                    ClaimantKind kind = small == 1 ? ClaimantKind.SMALL_BUSINESS : ClaimantKind.CONSUMER;
                    Assessment lower = kt21.assess(claim(kt, "kt-internet", kind, small == 1 ? sb : null, fee, null, null, null));
                    Assessment higher = kt21.assess(claim(kt, "kt-internet", kind, small == 1 ? sb : null, fee + more, null, null, null));
                    wellFormed(lower);
                    wellFormed(higher);
                    assertTrue(money(higher) >= money(lower), fee + " → " + money(lower) + " but " + (fee + more) + " → " + money(higher));
                });
    }

    // ---- kt-ahyeon-2018 ----

    static final OffsetDateTime AHYEON = OffsetDateTime.parse("2018-11-24T11:00:00+09:00");

    static long ahyeonTier(long days) {
        Incident i = incident("ahyeon", AHYEON, 600, ServiceCategory.TELECOM_BROADBAND, PaymentModel.SUBSCRIPTION);
        Assessment a = ahyeon.assess(claim(i, "svc", ClaimantKind.SMALL_BUSINESS, new Business("FOOD", 400_000_000, 3, ""), -1,
                null, Map.of("outage_days", days), null));
        wellFormed(a);
        return money(a);
    }

    @Test
    void ahyeonTiersHonourTheirBoundsAndNeverFallWithMoreDays() {
        long[][] table = {{0, 0}, {1, 400_000}, {2, 400_000}, {3, 800_000}, {4, 800_000}, {5, 1_000_000}, {6, 1_000_000}, {7, 1_200_000}, {365, 1_200_000}};
        for (long[] row : table) assertEquals(row[1], ahyeonTier(row[0]), row[0] + " days");
        qt().withExamples(100).forAll(longs().between(0, 40), longs().between(0, 40))
                .checkAssert((days, more) -> assertTrue(ahyeonTier(days + more) >= ahyeonTier(days)));
    }

    @Test
    void ahyeonCreditIsMonotoneInTheFeeBasis() {
        Incident i = incident("ahyeon", AHYEON, 600, ServiceCategory.TELECOM_BROADBAND, PaymentModel.SUBSCRIPTION);
        qt().withExamples(100).forAll(longs().between(0, 1_000_000), longs().between(0, 100_000)).checkAssert((fee, more) -> {
            Assessment lower = ahyeon.assess(claim(i, "svc", ClaimantKind.CONSUMER, null, -1, Map.of("avg_monthly_fee_3m", fee), null, null));
            Assessment higher = ahyeon.assess(claim(i, "svc", ClaimantKind.CONSUMER, null, -1, Map.of("avg_monthly_fee_3m", fee + more), null, null));
            wellFormed(lower);
            assertEquals(fee, money(lower));
            assertTrue(money(higher) >= money(lower));
        });
    }

    // ---- lgu-2023-ddos ----

    @Test
    void lguIndividualsAreMonotoneInOutageTimeAndFee() {
        Incident ddos = shipped.find("lgu-2023-ddos").orElseThrow();
        qt().withExamples(200).forAll(longs().between(0, 300_000), longs().between(0, 50_000), longs().between(1, 600), longs().between(0, 600))
                .checkAssert((fee, moreFee, minutes, moreMinutes) -> {
                    Assessment base = lgu.assess(claim(ddos, "lgu-internet", ClaimantKind.CONSUMER, null, fee, null, Map.of("outage_minutes", minutes), null));
                    Assessment longer = lgu.assess(claim(ddos, "lgu-internet", ClaimantKind.CONSUMER, null, fee, null, Map.of("outage_minutes", minutes + moreMinutes), null));
                    Assessment dearer = lgu.assess(claim(ddos, "lgu-internet", ClaimantKind.CONSUMER, null, fee + moreFee, null, Map.of("outage_minutes", minutes), null));
                    wellFormed(base);
                    assertTrue(money(longer) >= money(base));
                    assertTrue(money(dearer) >= money(base));
                });
    }

    @Test
    void lguPcBangsGetTheSumForBothDaysAndNeverLessThanForOne() {
        Incident ddos = shipped.find("lgu-2023-ddos").orElseThrow();
        Business pc = new Business("PC_BANG", 300_000_000, 2, "");
        long[] paid = new long[4];
        for (int d = 0; d < 4; d++) {
            Assessment a = lgu.assess(claim(ddos, "lgu-internet", ClaimantKind.SMALL_BUSINESS, pc, 40_000, null,
                    Map.of("affected_day1", (long) (d & 1), "affected_day2", (long) (d >> 1)), null));
            wellFormed(a);
            paid[d] = money(a);
        }
        assertEquals(0, paid[0]);
        assertEquals(323_000, paid[1]);
        assertEquals(387_000, paid[2]);
        assertEquals(paid[1] + paid[2], paid[3]);
    }

    // ---- skt-2014-03-20 ----

    @Test
    void skt14IsMonotoneInDurationAndFeeUnderBothReadings() {
        OffsetDateTime start = OffsetDateTime.parse("2014-03-20T18:00:00+09:00");
        Policy terms = skt14.withParameters(Map.of("voluntary_scheme",
                skt14.parameters().get("voluntary_scheme").orElseThrow().overriddenFrom(LocalDate.of(1900, 1, 1), "false", "property test")));
        qt().withExamples(150).forAll(longs().between(1, 2_000), longs().between(0, 2_000), longs().between(0, 200_000), integers().between(0, 1))
                .checkAssert((minutes, more, fee, voluntary) -> {
                    Policy p = voluntary == 1 ? skt14 : terms;
                    Claim shortOne = claim(incident("a", start, minutes, ServiceCategory.TELECOM_MOBILE, PaymentModel.SUBSCRIPTION), "svc", ClaimantKind.CONSUMER, null, fee, null, null, null);
                    Claim longOne = claim(incident("b", start, minutes + more, ServiceCategory.TELECOM_MOBILE, PaymentModel.SUBSCRIPTION), "svc", ClaimantKind.CONSUMER, null, fee, null, null, null);
                    Assessment a = p.assess(shortOne);
                    Assessment b = p.assess(longOne);
                    wellFormed(a);
                    wellFormed(b);
                    assertTrue(money(b) >= money(a), minutes + " min → " + money(a) + " but " + (minutes + more) + " → " + money(b));
                });
    }

    // ---- civil-damages-estimate ----

    @Test
    void civilEstimateIsLabelledNeverNegativeAndMonotoneInLostSales() {
        Incident kakao = shipped.find("kakao-2022-10-15").orElseThrow();
        Business shop = new Business("FOOD", 300_000_000, 3, "");
        List<Evidence> proof = List.of(new Evidence(EvidenceKind.PROOF_OF_USE, ""), new Evidence(EvidenceKind.SALES_RECORD, ""));
        qt().withExamples(150).forAll(longs().between(0, 100_000_000), longs().between(0, 10_000_000), longs().between(0, 100), longs().between(0, 5_000_000))
                .checkAssert((sales, more, share, consolation) -> {
                    Assessment a = civil.assess(claim(kakao, "talk-channel", ClaimantKind.SMALL_BUSINESS, shop, -1,
                            Map.of("lost_sales", sales, "claimed_consolation", consolation), Map.of("attributable_share_percent", share), proof));
                    Assessment b = civil.assess(claim(kakao, "talk-channel", ClaimantKind.SMALL_BUSINESS, shop, -1,
                            Map.of("lost_sales", sales + more, "claimed_consolation", consolation), Map.of("attributable_share_percent", share), proof));
                    wellFormed(a);
                    assertTrue(money(b) >= money(a));
                    assertTrue(money(a) <= sales, "lost profit never exceeds lost sales");
                    for (Finding f : a.findings()) if (!f.code().equals("ASSUMED_VALUE")) assertTrue(f.message().startsWith("Litigation estimate"), f.toString());
                    assertTrue(a.lines().stream().allMatch(l -> l.ruleId().equals("CDE-LP-01")), "consolation never becomes an award line");
                });
    }

    // ---- notice-duty ----

    static final LocalDate SWITCH = LocalDate.of(2025, 3, 28);

    static Assessment noticeOn(LocalDate day, int hour, long minutes, PaymentModel payment) {
        OffsetDateTime start = day.atTime(hour, 0).atOffset(java.time.ZoneOffset.ofHours(9));
        Incident i = incident("n-" + day, start, minutes, ServiceCategory.MESSAGING, payment);
        return notice.assess(claim(i, "svc", ClaimantKind.CONSUMER, null, -1,
                Map.of("prior_year_telecom_revenue", 50_000_000_000L), Map.of("daily_average_users", 5_000_000L), null));
    }

    static boolean required(Assessment a) {
        return a.findings().stream().anyMatch(f -> f.code().equals("NOTICE_REQUIRED"));
    }

    @Test
    void theFreeServiceAndTwoHourSwitchAppliesExactlyFromTheTwentyEighthOfMarch2025() {
        qt().withExamples(200).forAll(integers().between(-400, 400), integers().between(0, 23), longs().between(121, 239), integers().between(0, 1))
                .checkAssert((offset, hour, minutes, free) -> {
                    LocalDate day = SWITCH.plusDays(offset);
                    Assessment a = noticeOn(day, hour, minutes, free == 1 ? PaymentModel.FREE : PaymentModel.SUBSCRIPTION);
                    wellFormed(a);
                    assertEquals(0, money(a), "notice-duty never awards money");
                    assertTrue(a.lines().isEmpty());
                    assertEquals(!day.isBefore(SWITCH), required(a), day + " " + hour + ":00, " + minutes + " min, free=" + free + ": " + a.findings());
                });
        assertFalse(required(noticeOn(SWITCH.minusDays(1), 23, 180, PaymentModel.FREE)), "the day before");
        assertTrue(required(noticeOn(SWITCH, 0, 180, PaymentModel.FREE)), "the day of");
    }

    @Test
    void beforeAndAfterTheSwitchALongPaidInterruptionMustBeNotified() {
        qt().withExamples(100).forAll(integers().between(-1500, 1500), longs().between(241, 10_000)).checkAssert((offset, minutes) -> {
            Assessment a = noticeOn(SWITCH.plusDays(offset), 10, minutes, PaymentModel.SUBSCRIPTION);
            assertTrue(required(a), a.findings().toString());
            assertTrue(a.findings().stream().anyMatch(f -> f.code().equals("DAMAGES_NOTICE_REQUIRED")));
        });
    }
}
