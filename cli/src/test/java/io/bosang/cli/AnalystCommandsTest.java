package io.bosang.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.check.WorkingCopy;
import io.bosang.compare.ClaimValue;
import io.bosang.compare.ClaimsFile;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.sample.KakaoClaimsGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.bosang.cli.AssessCommandTest.bosang;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** check, diff, compare and explain as an analyst and a lawyer run them. */
class AnalystCommandsTest {
    static final Path POLICIES = Path.of("../rules/src/main/resources/policies");
    static final Path SAMPLE = Path.of("../samples/kakao-2022-10-15-claims.ndjson");

    @Test
    void checkPassesOnAShippedPolicyFolderAndListsEveryInvariant() {
        AssessCommandTest.Run run = bosang("check", "--examples", "40", "--policy", POLICIES.resolve("content-user-protection").toString());
        assertEquals(BosangCli.OK, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("build        ok"), run.out());
        assertTrue(run.out().contains("scenarios    60 passed, 0 failed"), run.out());
        assertTrue(run.out().contains("ok     monotone-in-parameter:no_notice_multiplier"), run.out());
        assertTrue(run.out().trim().endsWith("PASSED"), run.out());
    }

    @Test
    void aWorkingCopyWithoutScenariosIsCheckedAgainstItsShippedPolicysScenarios(@TempDir Path tmp) throws Exception {
        // The README's step: cp -r rules/src/main/resources/policies/ID /tmp/edit/ then check --policy /tmp/edit/ID.
        Path copy = WorkingCopy.of(POLICIES.resolve("content-user-protection"), tmp);
        assertTrue(!Files.exists(copy.resolve("scenarios")), "the copy brings no scenarios of its own");
        AssessCommandTest.Run run = bosang("check", "--examples", "20", "--policy", copy.toString());
        assertEquals(BosangCli.OK, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("scenarios    60 passed, 0 failed"), run.out());
        assertTrue(run.err().contains("scenarios from ") && run.err().contains("content-user-protection"), run.err());
    }

    @Test
    void checkFailsWithAPastableCounterExampleWhenAnEditBreaksALaw(@TempDir Path tmp) throws Exception {
        Path copy = WorkingCopy.of(POLICIES.resolve("content-user-protection"), tmp);
        Path param = copy.resolve("parameters/no_notice_multiplier.yaml");
        Files.writeString(param, Files.readString(param).replace("minimum: \"0\"\n", "").replace("value: \"3\"", "value: \"-1\""));
        AssessCommandTest.Run run = bosang("check", "--examples", "40", "--scenarios",
                "../rules/src/test/resources/policies/content-user-protection/scenarios", "--policy", copy.toString());
        assertEquals(1, run.code(), run.out());
        assertTrue(run.out().contains("BROKEN non-negative"), run.out());
        assertTrue(run.out().contains("smallest counter-example (paste into a scenario):"), run.out());
        assertTrue(run.out().contains("FAIL kakao-2022-10-15.yaml:"), "the scenarios name the edit too: " + run.out());
        assertTrue(run.out().trim().endsWith("FAILED"), run.out());
        AssessCommandTest.Run json = bosang("check", "--json", "--examples", "20", "--scenarios",
                "../rules/src/test/resources/policies/content-user-protection/scenarios", "--policy", copy.toString());
        JsonNode report = Json.mapper().readTree(json.out());
        assertEquals(false, report.get("passed").asBoolean());
        assertTrue(report.get("invariants").findValues("counterExample").size() > 0);
    }

    @Test
    void checkWatchChecksAgainWhenTheAnalystSaves(@TempDir Path tmp) throws Exception {
        Path copy = WorkingCopy.of(POLICIES.resolve("content-user-protection"), tmp);
        String scenarios = "../rules/src/test/resources/policies/content-user-protection/scenarios";
        java.io.StringWriter out = new java.io.StringWriter();
        java.util.concurrent.CompletableFuture<Integer> run = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                BosangCli.run(new String[]{"check", "--watch", "--watch-max", "2", "--examples", "20", "--scenarios", scenarios,
                        "--policy", copy.toString()}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter())));
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!out.toString().contains("PASSED") && System.nanoTime() < deadline) Thread.sleep(100);
        assertTrue(out.toString().contains("PASSED"), "the first check passes: " + out);
        WorkingCopy.edit(copy, "parameters/no_notice_multiplier.yaml", "2012-01-01:", "2012-1-01:");   // the analyst saves
        int code = run.get(120, java.util.concurrent.TimeUnit.SECONDS);
        String text = out.toString();
        assertEquals(1, code, "the last check failed: " + text);
        assertTrue(text.contains("-- changed; checking again"), text);
        assertTrue(text.contains("parameters/no_notice_multiplier.yaml:10: [values.2012-1-01] '2012-1-01' is not a date"), text);
    }

    @Test
    void diffOfOneRaisedMultiplierOnA100kCorpusCountsExactlyTheClaimsThatCiteIt(@TempDir Path tmp) throws Exception {
        Path claims = tmp.resolve("claims.ndjson");
        try (Writer w = Files.newBufferedWriter(claims, StandardCharsets.UTF_8)) {
            KakaoClaimsGenerator.write(100_000, 7, w);
        }
        Path copy = WorkingCopy.of(POLICIES.resolve("kakao-1015-2022"), tmp.resolve("edit"));
        Path param = copy.resolve("parameters/mobility/days_multiplier.yaml");
        Files.writeString(param, Files.readString(param).replace("value: \"3\"", "value: \"4\""));
        Path html = tmp.resolve("diff.html");
        AssessCommandTest.Run run = bosang("diff", "--json", "--base", "kakao-1015-2022", "--policy", copy.toString(),
                "--html", html.toString(), claims.toString());
        assertEquals(BosangCli.OK, run.code(), run.err());
        JsonNode r = Json.mapper().readTree(run.out());

        // Independently: the claims whose base assessment cites the multiplier, and what 4 × 2 days instead of 3 × 2
        // days of a 31-day October fee, rounded half up to 10 won, adds to each.
        long expectedClaims = 0, expectedDelta = 0;
        IncidentCatalog incidents = IncidentCatalog.classpath();
        List<ClaimValue> base = new ClaimsFile(claims, incidents).values(PolicyLoader.load("kakao-1015-2022"), 2);
        try (InputStream in = Files.newInputStream(claims); ClaimSource source = ClaimSource.open(in, new ClaimReader(incidents))) {
            int i = 0;
            while (source.hasNext()) {
                ClaimInput c = source.next();
                ClaimValue v = base.get(i++);
                if (!v.parameters().containsKey("mobility.days_multiplier")) continue;
                expectedClaims++;
                long fee = c.claim().subscription().monthlyFeeKrw();
                expectedDelta += points(fee, 8) - points(fee, 6);
            }
        }
        assertTrue(expectedClaims > 1000, "the corpus holds membership claims: " + expectedClaims);
        assertEquals(100_000, r.get("claims").asLong());
        assertEquals(expectedClaims, r.get("changedClaims").asLong());
        assertEquals(0, r.get("changedOutcomes").asLong());
        assertEquals(expectedDelta, r.get("deltaKrw").asLong());
        assertEquals("mobility.days_multiplier", r.get("parameterChanges").get(0).get("id").asText());
        assertEquals(expectedClaims, r.get("parameterChanges").get(0).get("changedClaims").asLong());
        assertEquals("K1015-MOB-01", r.get("byRule").get(0).get("ruleId").asText());
        assertTrue(Files.readString(html).contains("data:image/png;base64,"), "the HTML report embeds its charts");
    }

    private static long points(long fee, long days) {
        return BigDecimal.valueOf(fee * days).divide(BigDecimal.valueOf(31 * 10), 0, RoundingMode.HALF_UP).longValueExact() * 10;
    }

    @Test
    void compareOnTheKakaoSampleGivesATableABriefCanUse(@TempDir Path tmp) throws Exception {
        Path rows = tmp.resolve("rows.ndjson");
        Path html = tmp.resolve("compare.html");
        AssessCommandTest.Run run = bosang("compare", "--policies",
                "kakao-1015-2022,content-user-protection,kcdrs-online-content,civil-damages-estimate",
                "--ndjson", rows.toString(), "--html", html.toString(), SAMPLE.toString());
        assertEquals(BosangCli.OK, run.code(), run.err());
        List<String> out = run.out().lines().toList();
        assertTrue(out.get(0).startsWith("record  claim"), out.get(0));
        assertTrue(out.stream().anyMatch(l -> l.startsWith("9       K-0009") && l.contains("3,000 +72 h") && l.contains("0 +46 h 30 min")
                && l.contains("kakao-1015-2022 gives 3,000 KRW + 72 h extension by K1015-PAID-01+K1015-PAID-09")), run.out());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("kakao-1015-2022 ") && l.contains("636,150")), run.out());
        assertTrue(out.stream().anyMatch(l -> l.startsWith("note: civil-damages-estimate — Litigation estimate")), run.out());
        List<String> json = Files.readAllLines(rows);
        assertEquals(41, json.size(), "one row per record and the summary");
        JsonNode summary = Json.mapper().readTree(json.get(40));
        assertEquals(40, summary.get("claims").asLong());
        assertEquals(4, summary.get("policies").size());
        String page = Files.readString(html);
        assertTrue(page.contains("<img alt=\"Total value across the file\""), "a chart where a person would rather look");
        assertTrue(page.contains("K-0009"));
    }

    @Test
    void explainWritesOneClaimAsProseInKoreanAndEnglish() {
        AssessCommandTest.Run ko = bosang("explain", "--policy", "kakao-1015-2022", "--lang", "ko", "--id", "K-0022", SAMPLE.toString());
        assertEquals(BosangCli.OK, ko.code(), ko.err());
        assertTrue(ko.out().contains("결과: 보상 대상. 금전 7,550원"), ko.out());
        assertTrue(ko.out().contains("산정: 39,000 × 6 / 31 = 7,548.39 → 7,550"), ko.out());
        assertTrue(ko.out().contains("규칙: K1015-MOB-01"), ko.out());
        assertTrue(ko.out().contains("매개변수 mobility.days_multiplier = 3 ratio (2022-10-15부터 시행"), ko.out());
        AssessCommandTest.Run en = bosang("explain", "--policy", "kakao-1015-2022", "--record", "22", SAMPLE.toString());
        assertTrue(en.out().contains("Outcome: an award. Money 7,550 KRW"), en.out());
        assertTrue(en.out().contains("Parameter mobility.days_multiplier = 3 ratio (in force from 2022-10-15"), en.out());
        assertEquals(BosangCli.USAGE, bosang("explain", "--policy", "kakao-1015-2022", "--lang", "fr", SAMPLE.toString()).code());
        assertEquals(BosangCli.USAGE, bosang("explain", "--policy", "kakao-1015-2022", "--id", "NOPE", SAMPLE.toString()).code());
    }
}
