package io.bosang.rules;

import io.bosang.domain.Claim;
import io.bosang.domain.Claimant;
import io.bosang.domain.ClaimantKind;
import io.bosang.domain.Disruption;
import io.bosang.domain.Evidence;
import io.bosang.domain.EvidenceKind;
import io.bosang.domain.HarmKind;
import io.bosang.domain.Incident;
import io.bosang.domain.PriorNotice;
import io.bosang.domain.Subscription;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.Json;
import io.bosang.params.DatedValue;
import io.bosang.params.Parameter;
import io.bosang.params.ParameterValue;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.scenario.ScenarioRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/**
 * The policy's zone decides days, deadlines and which parameters are in force, never the offset an instant is
 * written in. Families: every scenario claim of every shipped policy with its instants rewritten into five offsets;
 * deadline instants on both sides of midnight KST written in UTC; incidents starting on both sides of a parameter's
 * switch day in KST, written in UTC.
 */
class PolicyZoneProperties {
    static final List<ZoneOffset> OFFSETS = List.of(ZoneOffset.UTC, ZoneOffset.ofHours(9), ZoneOffset.ofHours(-5),
            ZoneOffset.ofHours(14), ZoneOffset.ofHours(-12));
    static final Path SCENARIOS = Path.of("src/test/resources/policies");

    static final Map<String, Policy> policies = new LinkedHashMap<>();
    static final Map<String, List<Claim>> claims = new LinkedHashMap<>();
    static IncidentCatalog incidents;

    @BeforeAll
    static void load() throws Exception {
        incidents = IncidentCatalog.classpath();
        ScenarioRunner runner = new ScenarioRunner(incidents);
        for (String id : PolicyLoader.available()) {
            policies.put(id, PolicyLoader.load(id));
            List<Claim> cs = new ArrayList<>();
            for (Path f : ScenarioRunner.files(SCENARIOS.resolve(id).resolve("scenarios"))) cs.addAll(runner.claims(f, f.toString()));
            claims.put(id, cs);
        }
    }

    static OffsetDateTime in(OffsetDateTime t, ZoneOffset z) {
        return t == null ? null : t.withOffsetSameInstant(z);
    }

    /** The claim's own instants (filing, plan start and end) written at {@code z}: the same instants. */
    static Claim claimWrittenIn(Claim c, ZoneOffset z) {
        Subscription s = c.subscription();
        Subscription sub = s == null ? null : new Subscription(s.plan(), s.monthlyFeeKrw(), s.billing(), in(s.start(), z), in(s.end(), z));
        return new Claim(c.id(), c.claimant(), c.incident(), c.service(), sub, c.harm(), in(c.filedAt(), z), c.declared(), c.usage(),
                c.evidence());
    }

    /** Every instant of the incident written at {@code z}: start, prior notice, every window. */
    static Incident incidentWrittenIn(Incident i, ZoneOffset z) {
        return moved(i, t -> in(t, z));
    }

    static Incident moved(Incident i, UnaryOperator<OffsetDateTime> f) {
        List<Disruption> ds = i.disruptions().stream().map(d -> d.moved(f.apply(d.start()), f.apply(d.end()))).toList();
        PriorNotice n = i.priorNotice() == null ? null : new PriorNotice(f.apply(i.priorNotice().givenAt()), i.priorNotice().means());
        return new Incident(i.id(), i.operator(), i.title(), i.cause(), i.fault(), i.faultBasis(), f.apply(i.startedAt()), n,
                i.services(), ds, i.sources());
    }

    static Claim withIncident(Claim c, Incident i) {
        return new Claim(c.id(), c.claimant(), i, c.service(), c.subscription(), c.harm(), c.filedAt(), c.declared(), c.usage(), c.evidence());
    }

    @Test
    void everyScenarioClaimOfEveryPolicyGivesByteIdenticalAssessmentsInEveryOffset() {
        int compared = 0;
        for (Map.Entry<String, Policy> e : policies.entrySet()) {
            Policy p = e.getValue();
            assertTrue(!claims.get(e.getKey()).isEmpty(), e.getKey() + " has no scenario claims to rewrite: not exercised");
            for (Claim c : claims.get(e.getKey())) {
                String original = Json.line(p.assess(c));
                for (ZoneOffset z : OFFSETS) {
                    Claim rewritten = claimWrittenIn(c, z);
                    assertEquals(original, Json.line(p.assess(rewritten)), e.getKey() + " claim " + c.id() + " written at " + z);
                    Claim all = withIncident(rewritten, incidentWrittenIn(c.incident(), z));
                    assertEquals(original, Json.line(p.assess(all)), e.getKey() + " claim " + c.id() + " and its incident written at " + z);
                    compared += 2;
                }
            }
        }
        assertTrue(compared > 1000, "only " + compared + " rewritten claims compared");
    }

    @Test
    void anyMixOfOffsetsAcrossOneClaimGivesTheSameAssessment() {
        List<Map.Entry<String, Claim>> all = new ArrayList<>();
        claims.forEach((id, cs) -> cs.forEach(c -> all.add(Map.entry(id, c))));
        qt().withExamples(400).forAll(integers().between(0, all.size() - 1), integers().between(0, OFFSETS.size() - 1),
                        integers().between(0, OFFSETS.size() - 1), integers().between(0, OFFSETS.size() - 1))
                .checkAssert((k, filed, plan, incident) -> {
                    Policy p = policies.get(all.get(k).getKey());
                    Claim c = all.get(k).getValue();
                    Subscription s = c.subscription();
                    Subscription sub = s == null ? null : new Subscription(s.plan(), s.monthlyFeeKrw(), s.billing(),
                            in(s.start(), OFFSETS.get(plan)), in(s.end(), OFFSETS.get(incident)));
                    Claim mixed = new Claim(c.id(), c.claimant(), incidentWrittenIn(c.incident(), OFFSETS.get(incident)), c.service(), sub,
                            c.harm(), in(c.filedAt(), OFFSETS.get(filed)), c.declared(), c.usage(), c.evidence());
                    assertEquals(Json.line(p.assess(c)), Json.line(p.assess(mixed)));
                });
    }

    // ---- deadlines on both sides of midnight KST, written in UTC ----

    static final OffsetDateTime HEART_END = OffsetDateTime.parse("2023-01-21T00:00:00+09:00");   // after the last day, 20 Jan
    static final OffsetDateTime HEART_START = OffsetDateTime.parse("2023-01-05T00:00:00+09:00"); // the first day
    static final OffsetDateTime SB_END = OffsetDateTime.parse("2022-11-07T00:00:00+09:00");      // after 6 Nov

    static Claim freeUserFiledAt(OffsetDateTime at) {
        Incident kakao = incidents.find("kakao-2022-10-15").orElseThrow();
        return new Claim("F", new Claimant("U", ClaimantKind.CONSUMER, "KR", null), kakao, kakao.service("kakaotalk").orElseThrow(),
                null, HarmKind.SERVICE_UNAVAILABLE, at, null, null, null);
    }

    static Claim smallBusinessFiledAt(OffsetDateTime at) {
        Incident kakao = incidents.find("kakao-2022-10-15").orElseThrow();
        return new Claim("B", new Claimant("B", ClaimantKind.SMALL_BUSINESS, "KR", new io.bosang.domain.Business("FOOD", 300_000_000, 3, "")),
                kakao, kakao.service("talk-channel").orElseThrow(), null, HarmKind.LOST_SALES, at,
                new java.util.TreeMap<>(Map.of("reference_week_sales", 5_200_000L, "outage_week_sales", 5_000_000L)), null,
                List.of(new Evidence(EvidenceKind.SMALL_BUSINESS_CERTIFICATE, ""), new Evidence(EvidenceKind.SALES_RECORD, ""),
                        new Evidence(EvidenceKind.PROOF_OF_USE, ""), new Evidence(EvidenceKind.BANK_ACCOUNT, "")));
    }

    static boolean hasFinding(Assessment a, String code) {
        return a.findings().stream().anyMatch(f -> f.code().equals(code));
    }

    @Test
    void theHeartPackageWindowOpensAndClosesAtKstMidnightWhateverTheOffset() {
        Policy kakao = policies.get("kakao-1015-2022");
        qt().withExamples(300).forAll(integers().between(-180, 179), integers().between(0, OFFSETS.size() - 1), integers().between(0, 1))
                .checkAssert((minutes, z, end) -> {
                    OffsetDateTime boundary = end == 1 ? HEART_END : HEART_START;
                    OffsetDateTime at = boundary.plusMinutes(minutes).withOffsetSameInstant(OFFSETS.get(z));
                    Assessment a = kakao.assess(freeUserFiledAt(at));
                    boolean inside = end == 1 ? minutes < 0 : minutes >= 0;
                    assertEquals(inside, !a.lines().isEmpty(), "filed " + at + ": " + a.findings());
                    assertEquals(!inside, hasFinding(a, "OUTSIDE_CLAIM_WINDOW"), "filed " + at);
                });
    }

    @Test
    void theSmallBusinessFilingWindowClosesAtKstMidnightWhateverTheOffset() {
        Policy kakao = policies.get("kakao-1015-2022");
        qt().withExamples(200).forAll(integers().between(-180, 179), integers().between(0, OFFSETS.size() - 1))
                .checkAssert((minutes, z) -> {
                    OffsetDateTime at = SB_END.plusMinutes(minutes).withOffsetSameInstant(OFFSETS.get(z));
                    Assessment a = kakao.assess(smallBusinessFiledAt(at));
                    assertEquals(minutes >= 0, hasFinding(a, "OUTSIDE_FILING_WINDOW"), "filed " + at + ": " + a.findings());
                });
    }

    // ---- parameters selected by the incident's KST date ----

    /**
     * For every dated parameter of every shipped policy and every scenario claim: the incident moved to start a few
     * minutes before or after 00:00 KST of the switch day, every instant written in UTC (where the date is still the
     * day before). A line that cites the parameter cites the value in force on the KST date.
     */
    @Test
    void parametersAreThoseInForceOnTheIncidentsKstDate() {
        int cited = 0;
        for (Map.Entry<String, Policy> e : policies.entrySet()) {
            Policy p = e.getValue();
            for (Parameter param : p.parameters().all()) {
                // Switch days: a dated value taking over, or a date parameter the rules compare the incident's date with.
                List<LocalDate> days = new ArrayList<>();
                List<DatedValue> values = param.values();
                for (int k = 1; k < values.size(); k++) days.add(values.get(k).from());
                if (param.type() == io.bosang.params.ParameterType.DATE) for (DatedValue v : values) days.add(LocalDate.parse(v.value()));
                for (LocalDate day : days) {
                    for (Claim seed : claims.get(e.getKey())) {
                        for (long minutes : new long[]{-1, 0, 59}) {
                            OffsetDateTime target = day.atStartOfDay(p.calendar().zone()).toOffsetDateTime().plusMinutes(minutes);
                            Duration shift = Duration.between(seed.incident().startedAt(), target);
                            UnaryOperator<OffsetDateTime> move = t -> t == null ? null : t.plus(shift).withOffsetSameInstant(ZoneOffset.UTC);
                            Subscription s = seed.subscription();
                            Subscription sub = s == null ? null : new Subscription(s.plan(), s.monthlyFeeKrw(), s.billing(), move.apply(s.start()),
                                    move.apply(s.end()));
                            Claim moved = new Claim(seed.id(), seed.claimant(), moved(seed.incident(), move), seed.service(), sub, seed.harm(),
                                    move.apply(seed.filedAt()), seed.declared(), seed.usage(), seed.evidence());
                            LocalDate kstDay = minutes < 0 ? day.minusDays(1) : day;
                            assertEquals(kstDay, p.incidentDate(moved.incident()));
                            ParameterValue want = param.at(kstDay).orElse(null);
                            Assessment a = p.assess(moved);
                            List<ParameterValue> usedValues = new ArrayList<>();
                            a.lines().forEach(l -> usedValues.addAll(l.parameters()));
                            a.findings().forEach(f -> usedValues.addAll(f.parameters()));
                            for (ParameterValue v : usedValues) {
                                if (!v.id().equals(param.id())) continue;
                                assertEquals(want, v, e.getKey() + " " + param.id() + " for an incident at " + moved.incident().startedAt());
                                cited++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(cited > 0, "no line or finding cited a parameter across a switch: not exercised");
    }
}
