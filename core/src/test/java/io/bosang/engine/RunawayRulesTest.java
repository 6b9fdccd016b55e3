package io.bosang.engine;

import io.bosang.domain.*;
import io.bosang.engine.internal.DroolsRuleBase;
import io.bosang.problem.PolicyBuildException;
import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/** A rule that never stops fails its own claim, quickly, and the policy goes on serving the next claim. */
class RunawayRulesTest {
    static final OffsetDateTime START = OffsetDateTime.parse("2022-10-15T15:30:00+09:00");
    static final Service SVC = new Service("vod", "VOD", ServiceCategory.VIDEO, PaymentModel.SUBSCRIPTION);
    static final Incident INC = new Incident("i", new Operator("example", "op"), "t", "c", FaultPosition.ORDINARY_NEGLIGENCE, "", START, null,
            List.of(SVC), List.of(new Disruption("vod", START, START.plusHours(5), Severity.FULL, EndBasis.REPORTED, "")), List.of());

    @TempDir
    Path tmp;

    private Policy miniWith(String extraDrl) throws IOException, PolicyBuildException {
        Path src = Path.of("src/test/resources/fixtures/mini");
        Path dir = tmp.resolve("mini");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = dir.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
        Files.writeString(dir.resolve("extra.drl"), "package fixtures.mini;\ndialect \"mvel\"\nimport io.bosang.domain.*;\nimport io.bosang.result.*;\n" + extraDrl);
        return PolicyLoader.load(dir);
    }

    private static Claim claim(String id) {
        return new Claim(id, new Claimant("u-" + id, ClaimantKind.CONSUMER, "KR", null), INC, SVC,
                new Subscription("p", 39000, BillingChannel.DIRECT, START.minusDays(3), null),
                HarmKind.SERVICE_UNAVAILABLE, START.plusDays(3), null, null, null);
    }

    @Test
    void aRuleThatReactivatesItselfEndsAsAnErrorNamingItAndTheNextClaimIsServed() throws Exception {
        Policy policy = miniWith("""
                declare Tick
                    n : int
                end
                rule "LOOP-01 start"
                    @ruleId("LOOP-01")
                    @legalBasis("[test-source] test")
                when
                    Claim( id == "loops" )
                then
                    insert(new Tick(0));
                end
                rule "LOOP-02 again and again"
                    @ruleId("LOOP-02")
                    @legalBasis("[test-source] test")
                when
                    $t : Tick()
                then
                    insert(new Tick($t.n + 1));
                end
                """);
        Assessment a = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> policy.assess(claim("loops")));
        assertEquals(Outcome.ERROR, a.outcome());
        assertTrue(a.rejection().reason().contains("more than " + DroolsRuleBase.MAX_FIRINGS_PER_CLAIM + " rule firings"), a.rejection().reason());
        assertTrue(a.rejection().reason().contains("LOOP-02"), a.rejection().reason());
        assertEquals(Outcome.AWARD, policy.assess(claim("calm")).outcome(), "the same compiled policy serves the next claim");
    }

    @Test
    void aRuleThatRecursesWithoutEndFailsItsClaimNotTheThread() throws Exception {
        Policy policy = miniWith("""
                function int deeper(int n) {
                    return deeper(n + 1);
                }
                rule "DEEP-01 recurse"
                    @ruleId("DEEP-01")
                    @legalBasis("[test-source] test")
                when
                    Claim( id == "deep" )
                then
                    int x = deeper(0);
                end
                """);
        Assessment a = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> policy.assess(claim("deep")));
        assertEquals(Outcome.ERROR, a.outcome());
        assertTrue(a.rejection().reason().contains("recursed without end"), a.rejection().reason());
        assertEquals(Outcome.AWARD, policy.assess(claim("calm")).outcome());
    }

    @Test
    void aHostileRuleNeverCompilesAndSaysWhereItIs() throws Exception {
        PolicyBuildException e = assertThrows(PolicyBuildException.class, () -> miniWith("""
                rule "EVIL-01"
                    @ruleId("EVIL-01")
                    @legalBasis("[test-source] test")
                when
                    Claim()
                then
                    System.exit(1);
                end
                """));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("extra.drl") && p.line() == 11 && p.message().contains("'System' is not allowed")),
                e.problems().toString());
    }
}
