package io.bosang.engine;

import io.bosang.domain.Operator;
import io.bosang.domain.EndBasis;
import io.bosang.domain.*;
import io.bosang.incident.IncidentCatalog;
import io.bosang.result.Assessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

class PolicyRegistryTest {
    static final Path MINI = Path.of("src/test/resources/fixtures/mini");
    static final OffsetDateTime START = OffsetDateTime.parse("2022-10-15T15:30:00+09:00");

    static Path copyMini(Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        Path copy = rules.resolve("mini");
        try (Stream<Path> files = Files.walk(MINI)) {
            for (Path f : files.toList()) {
                Path target = copy.resolve(MINI.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
        return rules;
    }

    static Claim claim() {
        Service svc = new Service("vod", "VOD", ServiceCategory.VIDEO, PaymentModel.SUBSCRIPTION);
        Incident inc = new Incident("i", new Operator("example", "op"), "t", "c", FaultPosition.ORDINARY_NEGLIGENCE, "", START, null,
                List.of(svc), List.of(new Disruption("vod", START, START.plusHours(5), Severity.FULL, EndBasis.REPORTED, "")), List.of());
        return new Claim("c1", new Claimant("u1", ClaimantKind.CONSUMER, "KR", null), inc, svc,
                new Subscription("p", 39000, BillingChannel.DIRECT, START.minusDays(3), null),
                HarmKind.SERVICE_UNAVAILABLE, START.plusDays(3), null, null, null);
    }

    static void setMultiplier(Path rules, String value) throws Exception {
        Path f = rules.resolve("mini/parameters/multiplier.yaml");
        Files.writeString(f, Files.readString(f).replaceFirst("value: \"\\d+\"", "value: \"" + value + "\""));
    }

    static void breakDrl(Path rules) throws Exception {
        Path drl = rules.resolve("mini/rules.drl");
        Files.writeString(drl, Files.readString(drl).replace("totalMinutes > 0 )", "totalMinutes > 0 ))"));
    }

    static PolicyRegistry registry(Path rules) throws Exception {
        return new PolicyRegistry(List.of(PolicyLoader.load(rules.resolve("mini"))), IncidentCatalog.of(), rules);
    }

    @Test
    void aValidEditIsSwappedInAndABrokenOneIsRefusedWhileTheOldVersionServes(@TempDir Path tmp) throws Exception {
        Path rules = copyMini(tmp);
        try (PolicyRegistry registry = registry(rules)) {
            List<PolicyRegistry.Reload> seen = new CopyOnWriteArrayList<>();
            registry.addListener(seen::add);
            Policy v1 = registry.current("mini");
            assertEquals("PT15H", v1.assess(claim()).lines().get(0).extension().toString());

            PolicyRegistry.Reload same = registry.reload("mini");
            assertTrue(same.accepted());
            assertFalse(same.changed(), "unchanged content is not a new version");
            assertSame(v1, registry.current("mini"));

            setMultiplier(rules, "4");
            PolicyRegistry.Reload ok = registry.reload("mini");
            assertTrue(ok.accepted(), ok.problems().toString());
            assertTrue(ok.changed());
            assertEquals(v1.stamp(), ok.previous());
            Policy v2 = registry.current("mini");
            assertEquals(ok.current(), v2.stamp());
            assertNotEquals(v1.contentHash(), v2.contentHash());
            assertEquals("PT20H", v2.assess(claim()).lines().get(0).extension().toString());
            // A batch that took v1 before the reload still assesses with v1.
            assertEquals("PT15H", v1.assess(claim()).lines().get(0).extension().toString());

            breakDrl(rules);
            PolicyRegistry.Reload bad = registry.reload("mini");
            assertFalse(bad.accepted());
            assertEquals(v2.stamp(), bad.current(), "the old version keeps serving");
            assertTrue(bad.problems().stream().anyMatch(p -> p.file().equals("rules.drl") && p.line() > 0), bad.problems().toString());
            assertSame(v2, registry.current("mini"));
            Assessment still = registry.current("mini").assess(claim());
            assertEquals(v2.stamp(), still.policy());

            assertEquals(2, registry.reloadsAccepted());
            assertEquals(1, registry.reloadsRefused());
            assertEquals(3, seen.size());
            assertFalse(seen.get(2).accepted());
        }
    }

    @Test
    void aFailingScenarioNextToThePolicyRefusesTheReload(@TempDir Path tmp) throws Exception {
        Path rules = copyMini(tmp);
        Path scenarios = Files.createDirectories(rules.resolve("mini/scenarios"));
        Files.writeString(scenarios.resolve("extension.yaml"), """
                policy: mini
                incidents:
                  - id: vod-5h
                    operator: {id: example, name: op}
                    fault: ORDINARY_NEGLIGENCE
                    startedAt: 2022-10-15T15:30:00+09:00
                    priorNotice: null
                    services:
                      - { id: vod, name: VOD, category: VIDEO, payment: SUBSCRIPTION }
                    disruptions:
                      - { service: vod, start: 2022-10-15T15:30:00+09:00, end: 2022-10-15T20:30:00+09:00, severity: FULL, end-basis: reported }
                scenarios:
                  - name: A 5 h stoppage gives a 15 h extension
                    source: test
                    claim:
                      id: c1
                      incident: vod-5h
                      service: vod
                      claimant: { id: u1, kind: CONSUMER }
                      harm: SERVICE_UNAVAILABLE
                      filedAt: 2022-10-18T15:30:00+09:00
                    expect:
                      outcome: AWARD
                      extension: PT15H
                """);
        try (PolicyRegistry registry = registry(rules)) {
            PolicyRegistry.Reload withScenario = registry.reload("mini");
            assertTrue(withScenario.accepted(), withScenario.problems().toString());
            Policy serving = registry.current("mini");

            setMultiplier(rules, "2");
            PolicyRegistry.Reload r = registry.reload("mini");
            assertFalse(r.accepted(), "the scenario expects 15 h; a 2x multiplier gives 10 h");
            assertTrue(r.problems().stream().anyMatch(p -> p.file().equals("scenarios/extension.yaml")
                    && p.key().equals("A 5 h stoppage gives a 15 h extension")), r.problems().toString());
            assertSame(serving, registry.current("mini"));
        }
    }

    @Test
    void unknownIdsAndPathsOutsideTheRulesDirectoryAreRefused(@TempDir Path tmp) throws Exception {
        Path rules = copyMini(tmp);
        try (PolicyRegistry registry = registry(rules)) {
            assertThrows(NoSuchElementException.class, () -> registry.current("nope"));
            assertFalse(registry.reload("nope").accepted());
            assertFalse(registry.reload("../rules/mini").accepted());
            assertEquals(List.of("mini"), registry.ids());
            Map<String, Policy> all = registry.all();
            assertThrows(UnsupportedOperationException.class, () -> all.put("x", null));
        }
    }

    @Test
    void theWatchReloadsAChangedFolderAndRefusesABrokenOne(@TempDir Path tmp) throws Exception {
        Path rules = copyMini(tmp);
        try (PolicyRegistry registry = registry(rules)) {
            String v1 = registry.current("mini").contentHash();
            registry.watch(rules, Duration.ofMillis(50));
            setMultiplier(rules, "6");
            assertTrue(waitFor(() -> registry.reloadsAccepted() == 1), "watch did not reload within 5 s");
            assertNotEquals(v1, registry.current("mini").contentHash());
            assertEquals("PT30H", registry.current("mini").assess(claim()).lines().get(0).extension().toString());

            String v2 = registry.current("mini").contentHash();
            breakDrl(rules);
            assertTrue(waitFor(() -> registry.reloadsRefused() == 1), "watch did not try the broken edit within 5 s");
            assertEquals(v2, registry.current("mini").contentHash());
            Thread.sleep(300);
            assertEquals(1, registry.reloadsRefused(), "a broken content is tried once, not at every poll");
        }
    }

    static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) return true;
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
