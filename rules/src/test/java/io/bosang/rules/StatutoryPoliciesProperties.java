package io.bosang.rules;

import io.bosang.domain.Operator;
import io.bosang.domain.EndBasis;
import io.bosang.domain.BillingChannel;
import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.Disruption;
import io.bosang.domain.FaultPosition;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Incident;
import io.bosang.domain.PaymentModel;
import io.bosang.domain.PriorNotice;
import io.bosang.domain.Service;
import io.bosang.domain.ServiceCategory;
import io.bosang.domain.Severity;
import io.bosang.domain.Subscription;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.params.Parameter;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Outcome;
import io.bosang.result.Totals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The laws of kcdrs-online-content, ftc-online-game-terms and telecom-standard-terms over generated outages, faults,
 * notices, fees and dates: never negative, monotone where the rule is, and each effective-date switch applies
 * exactly from its date.
 */
class StatutoryPoliciesProperties {
    static final ZoneOffset KST = ZoneOffset.ofHours(9);
    static final List<String> IDS = List.of("kcdrs-online-content", "ftc-online-game-terms", "telecom-standard-terms");
    static Policy kcdrs;
    static Policy game;
    static Policy telecom;

    @BeforeAll
    static void load() throws Exception {
        kcdrs = PolicyLoader.load("kcdrs-online-content");
        game = PolicyLoader.load("ftc-online-game-terms");
        telecom = PolicyLoader.load("telecom-standard-terms");
    }

    /** One service stopped {@code minutes} from {@code start}, with a fault, a notice lead (negative: none), a fee. */
    static Claim claim(Policy policy, OffsetDateTime start, long minutes, FaultPosition fault, long noticeLead, long fee,
                       ServiceCategory category, String operator) {
        Service svc = new Service("svc", "Service", category, PaymentModel.SUBSCRIPTION);
        PriorNotice notice = noticeLead < 0 ? null : new PriorNotice(start.minusMinutes(noticeLead), "notice");
        Incident incident = new Incident("i", operatorNamed(operator), "", "", fault, "", start, notice, List.of(svc),
                List.of(new Disruption("svc", start, start.plusMinutes(Math.max(1, minutes)), Severity.FULL, EndBasis.REPORTED, "")), List.of());
        Subscription sub = new Subscription("plan", fee, BillingChannel.DIRECT, start.minusDays(40), null);
        return new Claim("C", new Claimant("U", ClaimantKind.CONSUMER, "KR", null), incident, svc, sub,
                HarmKind.SERVICE_UNAVAILABLE, start.plusDays(20), null, null, null);
    }

    static ServiceCategory categoryOf(Policy p) {
        return p == telecom ? ServiceCategory.TELECOM_MOBILE : ServiceCategory.GAME;
    }

    static Policy policy(int i) {
        return switch (Math.floorMod(i, 3)) {
            case 0 -> kcdrs;
            case 1 -> game;
            default -> telecom;
        };
    }

    /** A start instant on {@code day} at {@code minuteOfDay} KST. */
    static OffsetDateTime at(LocalDate day, int minuteOfDay) {
        return day.atStartOfDay().atOffset(KST).plusMinutes(minuteOfDay);
    }

    static LocalDate day(long epochDay) {
        return LocalDate.ofEpochDay(epochDay);
    }

    static final long FROM = LocalDate.of(2013, 1, 15).toEpochDay();
    static final long TO = LocalDate.of(2025, 12, 31).toEpochDay();

    @Test
    void amountsAndExtensionsAreNeverNegativeAndEveryLineExplainsItself() {
        qt().withExamples(400).forAll(integers().between(0, 2), longs().between(FROM, TO), longs().between(1, 6_000),
                longs().between(0, Long.MAX_VALUE)).checkAssert((which, d, minutes, seed) -> {
            int fault = (int) (seed % 6);
            long lead = (seed / 6) % 3_001 - 1;
            long fee = (seed / 18_006) % 200_001;
            Policy p = policy(which);
            Claim c = claim(p, at(day(d), (int) (d % 1440)), minutes, FaultPosition.values()[fault], lead, fee, categoryOf(p), d % 2 == 0 ? "KT" : "Example Co.");
            Assessment a = p.assess(c);
            assertTrue(a.outcome() == Outcome.AWARD || a.outcome() == Outcome.NO_AWARD, a.toString());
            assertEquals(Totals.of(a.lines()), a.totals());
            assertTrue(a.totals().monetaryKrw() >= 0, a.toString());
            assertFalse(a.totals().extension().isNegative(), a.toString());
            for (AwardLine l : a.lines()) {
                assertTrue(l.amountKrw() >= 0);
                assertTrue(l.extension() == null || !l.extension().isNegative());
                assertFalse(l.ruleId().isBlank(), l.toString());
                assertFalse(l.legalBasis().isBlank(), l.toString());
                assertFalse(l.derivation().isBlank(), l.toString());
                assertFalse(l.parameters().isEmpty(), l.toString());
            }
            if (a.lines().isEmpty()) assertFalse(a.findings().isEmpty(), "a zero outcome carries a finding: " + a);
        });
    }

    @Test
    void aLongerStoppageNeverGivesAShorterExtension() {
        // Content and games: the extension grows with the stoppage (with or without notice). The termination refund
        // shrinks as the outage ends later (fewer days remain), so only the extension is monotone in duration.
        qt().withExamples(300).forAll(longs().between(FROM, TO), longs().between(1, 5_000),
                longs().between(0, 3_000), longs().between(0, Long.MAX_VALUE)).checkAssert((d, minutes, more, seed) -> {
            Policy p = seed % 2 == 0 ? kcdrs : game;
            int fault = (int) ((seed / 2) % 6);
            long lead = (seed / 12) % 3_001 - 1;
            OffsetDateTime start = at(day(d), 60);
            Assessment shorter = p.assess(claim(p, start, minutes, FaultPosition.values()[fault], lead, 9_900, ServiceCategory.GAME, "Example Co."));
            Assessment longer = p.assess(claim(p, start, minutes + more, FaultPosition.values()[fault], lead, 9_900, ServiceCategory.GAME, "Example Co."));
            assertTrue(longer.totals().extension().compareTo(shorter.totals().extension()) >= 0,
                    p.id() + ": " + minutes + " min gave " + shorter.totals().extension() + ", " + (minutes + more) + " min gave " + longer.totals().extension());
        });
    }

    @Test
    void aLongerTelecomOutageOrAHigherFeeNeverGivesLessMoney() {
        qt().withExamples(300).forAll(longs().between(LocalDate.of(2008, 1, 1).toEpochDay(), TO), longs().between(1, 3_000),
                longs().between(0, 2_000), longs().between(0, Long.MAX_VALUE)).checkAssert((d, minutes, more, seed) -> {
            int fault = (int) (seed % 6);
            long fee = (seed / 6) % 150_001;
            long extra = (seed / 900_006) % 50_001;
            OffsetDateTime start = at(day(d), 0);
            FaultPosition f = FaultPosition.values()[fault];
            String op = d % 2 == 0 ? "KT" : "SK Telecom";
            long base = telecom.assess(claim(telecom, start, minutes, f, -1, fee, ServiceCategory.TELECOM_MOBILE, op)).totals().monetaryKrw();
            long longer = telecom.assess(claim(telecom, start, minutes + more, f, -1, fee, ServiceCategory.TELECOM_MOBILE, op)).totals().monetaryKrw();
            long dearer = telecom.assess(claim(telecom, start, minutes, f, -1, fee + extra, ServiceCategory.TELECOM_MOBILE, op)).totals().monetaryKrw();
            assertTrue(longer >= base, d + ": " + minutes + " min gave " + base + ", " + (minutes + more) + " min gave " + longer);
            assertTrue(dearer >= base, d + ": fee " + fee + " gave " + base + ", fee " + (fee + extra) + " gave " + dearer);
        });
    }

    @Test
    void theContentRefundNeverFallsWithAHigherFee() {
        qt().withExamples(200).forAll(longs().between(FROM, TO), longs().between(1, 8_000), longs().between(0, 150_000),
                longs().between(0, 50_000)).checkAssert((d, minutes, fee, extra) -> {
            OffsetDateTime start = at(day(d), 0);
            long lo = kcdrs.assess(claim(kcdrs, start, minutes, FaultPosition.ORDINARY_NEGLIGENCE, -1, fee, ServiceCategory.VIDEO, "Example Co.")).totals().monetaryKrw();
            long hi = kcdrs.assess(claim(kcdrs, start, minutes, FaultPosition.ORDINARY_NEGLIGENCE, -1, fee + extra, ServiceCategory.VIDEO, "Example Co.")).totals().monetaryKrw();
            assertTrue(hi >= lo);
        });
    }

    static Set<String> ruleIds(Assessment a) {
        return a.lines().stream().map(AwardLine::ruleId).collect(Collectors.toSet());
    }

    static Policy movedSwitch(Policy p, String parameter, LocalDate date) {
        Parameter param = p.parameters().get(parameter).orElseThrow();
        return p.withParameters(Map.of(parameter, param.overriddenFrom(LocalDate.of(1900, 1, 1), date.toString(), "property test")));
    }

    @Test
    void theContentRevisionAppliesExactlyFromItsDate() {
        // Shipped date and random dates alike: the day before gives KCDRS-NTC-01, the day itself KCDRS-NTC-02.
        qt().withExamples(60).forAll(longs().between(LocalDate.of(2009, 2, 1).toEpochDay(), TO), longs().between(601, 2_000), integers().between(0, 1))
                .checkAssert((d, minutes, shipped) -> {
                    Policy p = shipped == 1 ? kcdrs : movedSwitch(kcdrs, "notice_revision_from", day(d));
                    LocalDate sw = shipped == 1 ? LocalDate.of(2014, 1, 1) : day(d);
                    Claim before = claim(p, at(sw.minusDays(1), 0), minutes, FaultPosition.ORDINARY_NEGLIGENCE, 2_000, 9_900, ServiceCategory.GAME, "Example Co.");
                    Claim on = claim(p, at(sw, 0), minutes, FaultPosition.ORDINARY_NEGLIGENCE, 2_000, 9_900, ServiceCategory.GAME, "Example Co.");
                    assertEquals(Set.of("KCDRS-NTC-01"), ruleIds(p.assess(before)), sw + " " + minutes);
                    assertEquals(Set.of("KCDRS-NTC-02"), ruleIds(p.assess(on)), sw + " " + minutes);
                });
    }

    @Test
    void theGameTermsApplyExactlyFromTheirDate() {
        qt().withExamples(20).forAll(longs().between(240, 1_000)).checkAssert(minutes -> {
            LocalDate sw = LocalDate.of(2013, 1, 15);
            Assessment before = game.assess(claim(game, at(sw.minusDays(1), 0), minutes, FaultPosition.ORDINARY_NEGLIGENCE, -1, 9_900, ServiceCategory.GAME, "Example Co."));
            Assessment on = game.assess(claim(game, at(sw, 0), minutes, FaultPosition.ORDINARY_NEGLIGENCE, -1, 9_900, ServiceCategory.GAME, "Example Co."));
            assertTrue(before.lines().isEmpty());
            assertEquals("OUTSIDE_EFFECTIVE_DATES", before.findings().get(0).code());
            assertEquals(Set.of("GAME-EXT-01"), ruleIds(on));
        });
    }

    @Test
    void eachTelecomSwitchAppliesExactlyFromItsDate() {
        // 3 h 30 min qualifies under every version; gross negligence for 1 h 30 min only from the 2023 clause.
        qt().withExamples(40).forAll(integers().between(0, 1), longs().between(10_000, 60_000)).checkAssert((shipped, fee) -> {
            check(telecom, LocalDate.of(2014, 1, 1), 210, FaultPosition.ORDINARY_NEGLIGENCE, "SK Telecom", Set.of("TEL-2008-01"), Set.of("TEL-2014-01"), fee);
            check(telecom, LocalDate.of(2022, 7, 1), 210, FaultPosition.ORDINARY_NEGLIGENCE, "KT", Set.of("TEL-2014-02"), Set.of("TEL-2022-01", "TEL-2022-02"), fee);
            check(telecom, LocalDate.of(2023, 3, 1), 90, FaultPosition.GROSS_NEGLIGENCE, "SK Telecom", Set.of(), Set.of("TEL-2023-01"), fee);
        });
        qt().withExamples(40).forAll(longs().between(LocalDate.of(2008, 2, 1).toEpochDay(), TO)).checkAssert(d -> {
            LocalDate sw = day(d);
            Policy moved = movedSwitch(movedSwitch(telecom, "six_times_terms_from", LocalDate.of(2008, 1, 2)), "kcc_revision_from", sw);
            check(moved, sw, 210, FaultPosition.ORDINARY_NEGLIGENCE, "SK Telecom", Set.of("TEL-2014-01"), Set.of("TEL-2022-01", "TEL-2022-02"), 60_000);
        });
    }

    static void check(Policy p, LocalDate sw, long minutes, FaultPosition fault, String operator, Set<String> before, Set<String> on, long fee) {
        Assessment b = p.assess(claim(p, at(sw.minusDays(1), 0), minutes, fault, -1, fee, ServiceCategory.TELECOM_MOBILE, operator));
        Assessment o = p.assess(claim(p, at(sw, 0), minutes, fault, -1, fee, ServiceCategory.TELECOM_MOBILE, operator));
        assertEquals(before, ruleIds(b), "day before " + sw + ": " + b);
        assertEquals(on, ruleIds(o), "day of " + sw + ": " + o);
    }

    @Test
    void theAcceptanceRowsHoldExactly() {
        // TEL-1: 10 × 60,000/30/24 × 2.5 h = 2,083 on claim (plus 2,000 back automatically); SKT14-1: 3,000 exact.
        Assessment tel1 = telecom.assess(claim(telecom, at(LocalDate.of(2022, 10, 3), 600), 150, FaultPosition.ORDINARY_NEGLIGENCE, -1, 60_000, ServiceCategory.TELECOM_MOBILE, "SK Telecom"));
        assertEquals(2_083, tel1.lines().stream().filter(l -> l.ruleId().equals("TEL-2022-01")).mapToLong(AwardLine::amountKrw).sum());
        Assessment skt14 = telecom.assess(claim(telecom, at(LocalDate.of(2014, 3, 20), 18 * 60), 360, FaultPosition.ORDINARY_NEGLIGENCE, -1, 60_000, ServiceCategory.TELECOM_MOBILE, "SK Telecom"));
        assertEquals(3_000, skt14.totals().monetaryKrw());
        Assessment game2 = game.assess(claim(game, at(LocalDate.of(2022, 10, 3), 600), 240, FaultPosition.ORDINARY_NEGLIGENCE, -1, 9_900, ServiceCategory.GAME, "Example Co."));
        assertEquals(java.time.Duration.ofHours(12), game2.totals().extension());
        assertTrue(IDS.stream().allMatch(id -> PolicyLoader.available().contains(id)));
    }

    /** The operator as incident files name it: an id rules match, and the name people write. */
    static Operator operatorNamed(String name) {
        String id = name.startsWith("KT") ? "kt" : name.startsWith("SK") ? "skt" : name.startsWith("LG") ? "lgu" : "example";
        return new Operator(id, name);
    }
}
