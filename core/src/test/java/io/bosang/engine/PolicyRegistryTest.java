package io.bosang.engine;

import io.bosang.domain.*;
import io.bosang.check.PolicyCheckGate;
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
        return new PolicyRegistry(List.of(PolicyLoader.load(rules.resolve("mini"))), rules, PolicyRegistry.Served.ALL,
                new PolicyCheckGate(IncidentCatalog.of()), Duration.ofSeconds(60));
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
            registry.watch(Duration.ofMillis(50));
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

    @Test
    void aGateThatRunsAwayIsRefusedAtItsDeadlineWhileServingAndOtherReloadsGoOn(@TempDir Path tmp) throws Exception {
        Path rules = copyMini(tmp);
        Path other = rules.resolve("other");
        Files.createDirectories(other);
        try (Stream<Path> files = Files.walk(rules.resolve("mini"))) {
            for (Path f : files.toList()) {
                Path target = other.resolve(rules.resolve("mini").relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.writeString(target, Files.readString(f).replace("id: mini", "id: other"));
            }
        }
        java.util.concurrent.CountDownLatch stuck = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean testOver = new java.util.concurrent.atomic.AtomicBoolean();
        ReloadGate runaway = (candidate, folder) -> {
            if (candidate.id().equals("mini")) {
                stuck.countDown();
                long x = 0;
                while (!testOver.get()) x++;   // ignores interruption: the registry must not wait for it
            }
            return List.of();
        };
        try (PolicyRegistry registry = new PolicyRegistry(List.of(PolicyLoader.load(rules.resolve("mini"))), rules,
                PolicyRegistry.Served.ALL, runaway, Duration.ofSeconds(2))) {
            Policy serving = registry.current("mini");
            java.util.concurrent.Future<PolicyRegistry.Reload> hung = java.util.concurrent.Executors.newSingleThreadExecutor().submit(() -> registry.reload("mini"));
            assertTrue(stuck.await(30, java.util.concurrent.TimeUnit.SECONDS));
            PolicyRegistry.Reload otherOne = registry.reload("other");   // not blocked by the runaway check of another policy
            assertTrue(otherOne.accepted(), otherOne.problems().toString());
            assertSame(serving, registry.current("mini"), "serving goes on during the check");
            PolicyRegistry.Reload refused = hung.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(refused.accepted());
            assertTrue(refused.problems().get(0).message().contains("did not finish within 2 s"), refused.problems().toString());
            assertSame(serving, registry.current("mini"));
        } finally {
            testOver.set(true);   // only so the abandoned thread does not burn a core for the rest of the build
        }
    }

    @Test
    void aFolderNotListedIsNeitherLoadedNorReloaded(@TempDir Path tmp) throws Exception {
        Path rules = copyMini(tmp);
        try (PolicyRegistry registry = PolicyRegistry.load(rules, PolicyRegistry.Served.only(List.of("elsewhere")), ReloadGate.BUILD_ONLY, Duration.ofSeconds(30))) {
            assertTrue(registry.find("mini").isEmpty(), "a folder dropped into the rules directory is not served");
            assertEquals(List.of("mini"), registry.unservedFolders());
            PolicyRegistry.Reload r = registry.reload("mini");
            assertFalse(r.accepted());
            assertTrue(r.problems().get(0).message().contains("is not listed among the folders this process serves"), r.problems().toString());
        }
    }

    @Test
    void theWatchSurvivesAHugeParameterFileAndSaysWhatHappened(@TempDir Path tmp) throws Exception {
        Path rules = copyMini(tmp);
        try (PolicyRegistry registry = registry(rules)) {
            registry.watch(Duration.ofMillis(50));
            Path huge = rules.resolve("mini/parameters/huge.yaml");
            try (var out = Files.newOutputStream(huge)) {
                byte[] chunk = new byte[1 << 20];
                java.util.Arrays.fill(chunk, (byte) 'x');
                for (int i = 0; i < 100; i++) out.write(chunk);   // 100 MB
            }
            assertTrue(waitFor(() -> registry.reloadsRefused() == 1), "the huge file was not tried within 5 s");
            Files.delete(huge);
            setMultiplier(rules, "5");
            assertTrue(waitFor(() -> registry.reloadsAccepted() == 1), "the watch stopped after the huge file");
            assertEquals("PT25H", registry.current("mini").assess(claim()).lines().get(0).extension().toString());
            FolderWatcher.Status status = registry.watchStatus().orElseThrow();
            assertTrue(status.polls() > 0);
            assertFalse(status.stalled());
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
