package io.bosang.rules;

import io.bosang.check.InvariantResult;
import io.bosang.check.PolicyCheck;
import io.bosang.check.WorkingCopy;
import io.bosang.incident.IncidentCatalog;
import io.bosang.problem.Problem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One fixture per mistake an analyst makes when editing a copy of a shipped policy; each asserts that
 * {@code bosang check} fails and says where and why. The unedited copies pass, so each failure is the edit's.
 */
class AnalystMistakesTest {
    static final Path POLICIES = Path.of("src/main/resources/policies");
    static final Path SCENARIOS = Path.of("src/test/resources/policies");
    static final PolicyCheck.Settings QUICK = new PolicyCheck.Settings(100, 7L);
    static IncidentCatalog incidents;

    @TempDir
    Path tmp;

    @BeforeAll
    static void incidents() throws Exception {
        incidents = IncidentCatalog.classpath();
    }

    @Test
    void anUneditedCopyPasses() throws IOException {
        PolicyCheck.Report r = check(copy("content-user-protection"), "content-user-protection");
        assertTrue(r.passed(), r.toString());
        PolicyCheck.Report k = check(copy("kakao-1015-2022"), "kakao-1015-2022");
        assertTrue(k.passed(), k.toString());
    }

    @Test
    void aDrlSyntaxErrorIsLocatedByFileAndLine() throws IOException {
        Path dir = copy("content-user-protection");
        edit(dir.resolve("extension.drl"), "    not PriorNoticeGiven()\n    $s : CountedStoppage( !counted.isZero() )\nthen",
                "    not PriorNoticeGiven()\n    $s : CountedStoppage( !counted.isZero() \nthen");
        PolicyCheck.Report r = check(dir, "content-user-protection");
        assertFalse(r.passed());
        // Only the syntax errors are shown, not the cascade of types missing in the other files.
        assertTrue(r.problems().stream().allMatch(p -> p.file().equals("extension.drl") && p.message().contains("[ERR ")), r.problems().toString());
        Problem p = r.problems().get(0);
        assertEquals("extension.drl:25: DRL: [ERR 102] Line 25:0 mismatched input 'then' in rule "
                + "\"CUPG-EXT-01 operator-attributable stoppage without notice: extension of a multiple\"", p.toString());
    }

    @Test
    void aRuleWithoutLegalBasisIsNamedWithItsLine() throws IOException {
        Path dir = copy("content-user-protection");
        String drl = Files.readString(dir.resolve("extension.drl"));
        int at = drl.indexOf("    @legalBasis(\"[cupg] stoppage attributable");
        int end = drl.indexOf('\n', at);
        Files.writeString(dir.resolve("extension.drl"), drl.substring(0, at) + drl.substring(end + 1));
        int ruleLine = lineOf(drl, "rule \"CUPG-EXT-01");
        Problem p = only(check(dir, "content-user-protection"));
        assertEquals("extension.drl:" + ruleLine + ": [CUPG-EXT-01 operator-attributable stoppage without notice: extension of a multiple] "
                + "rule has no @legalBasis(\"...\") metadata: quote the provision it applies", p.toString());
    }

    @Test
    void aRuleThatAwardsWithoutSayingWhatItIsOwedPerIsNamedWithItsLine() throws IOException {
        Path dir = copy("kakao-1015-2022");
        String drl = Files.readString(dir.resolve("paid-services.drl"));
        int rule = drl.indexOf("rule \"K1015-PAID-05");
        int unit = drl.indexOf("    @oncePer(\"subscription\")\n", rule);
        Files.writeString(dir.resolve("paid-services.drl"), drl.substring(0, unit) + drl.substring(unit + "    @oncePer(\"subscription\")\n".length()));
        Problem p = only(check(dir, "kakao-1015-2022"));
        assertEquals("paid-services.drl:" + lineOf(drl, "rule \"K1015-PAID-05") + ": [K1015-PAID-05] rule inserts an award line but does not say what it is owed per: "
                + "add @oncePer(...) with one of claim, claimant, subscription, account, business (see docs/DESIGN.md, units of entitlement)", p.toString());
    }

    @Test
    void aMisspeltUnitIsNamedWithTheUnitsThereAre() throws IOException {
        Path dir = copy("kakao-1015-2022");
        String drl = Files.readString(dir.resolve("small-business.drl"));
        int rule = drl.indexOf("rule \"K1015-SB-05");
        int unit = drl.indexOf("@oncePer(\"business\")", rule);
        Files.writeString(dir.resolve("small-business.drl"), drl.substring(0, unit) + "@oncePer(\"buisness\")" + drl.substring(unit + "@oncePer(\"business\")".length()));
        Problem p = only(check(dir, "kakao-1015-2022"));
        assertTrue(p.toString().startsWith("small-business.drl:" + lineOf(drl, "rule \"K1015-SB-05") + ": [K1015-SB-05] "), p.toString());
        assertTrue(p.message().equals("@oncePer(\"buisness\") names no unit; use one of claim, claimant, subscription, account, business"), p.toString());
    }

    @Test
    void anExtensionDeclaredOwedPerClaimIsCaughtPayingTwiceByTheFamiliesOfNoDoublePayment() throws IOException {
        Path dir = copy("kakao-1015-2022");
        String drl = Files.readString(dir.resolve("paid-services.drl"));
        int rule = drl.indexOf("rule \"K1015-PAID-05");
        int unit = drl.indexOf("@oncePer(\"subscription\")", rule);
        Files.writeString(dir.resolve("paid-services.drl"), drl.substring(0, unit) + "@oncePer(\"claim\")" + drl.substring(unit + "@oncePer(\"subscription\")".length()));
        PolicyCheck.Report r = check(dir, "kakao-1015-2022");
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        InvariantResult broken = invariant(r, "no-double-payment");
        assertEquals(InvariantResult.Status.BROKEN, broken.status(), broken.toString());
        assertTrue(broken.message().contains("were both paid by K1015-PAID-05"), broken.message());
        assertEquals(2, broken.counterExample().path("claims").size(), "the counter-example is the family of two claims");
        assertFalse(r.passed());
    }

    @Test
    void aDeclaredLawThatNoScenarioExercisesFailsTheCheckAsNotExercised() throws IOException {
        Path dir = copy("content-user-protection");
        edit(dir.resolve("policy.yaml"), "  - monotone-in-fee\n", "  - monotone-in-fee\n  - monotone-in-declared:claimed_consolation\n");
        PolicyCheck.Report r = check(dir, "content-user-protection");
        InvariantResult unused = invariant(r, "monotone-in-declared:claimed_consolation");
        assertEquals(InvariantResult.Status.NOT_EXERCISED, unused.status());
        assertEquals("no scenario claim has declared.claimed_consolation to vary: add a scenario it applies to, or do not declare it", unused.message());
        assertTrue(unused.failsCheck());
        assertFalse(r.passed(), "not exercised is not ok");
    }

    @Test
    void aParameterDateTypoIsLocatedByLineAndKey() throws IOException {
        Path dir = copy("content-user-protection");
        edit(dir.resolve("parameters/no_notice_multiplier.yaml"), "2012-01-01:", "2012-1-01:");
        Problem p = only(check(dir, "content-user-protection"));
        assertEquals("parameters/no_notice_multiplier.yaml:10: [values.2012-1-01] '2012-1-01' is not a date (YYYY-MM-DD)", p.toString());

        Path kakao = copy("kakao-1015-2022");
        edit(kakao.resolve("parameters/heart/claim_window_end.yaml"), "2022-10-15:", "2022-10-15:\n    value: \"2023-01-20\"\n    reference: \"typo\"\n  2022-01-15:");
        PolicyCheck.Report r = check(kakao, "kakao-1015-2022");
        assertTrue(r.problems().stream().anyMatch(q -> q.file().equals("parameters/heart/claim_window_end.yaml")
                && q.key().equals("values.2022-01-15") && q.message().contains("dates must ascend: 2022-01-15 comes after 2022-10-15")),
                r.problems().toString());
    }

    @Test
    void aNegativeMultiplierIsRefusedByTheParameterBound() throws IOException {
        Path dir = copy("content-user-protection");
        edit(dir.resolve("parameters/no_notice_multiplier.yaml"), "value: \"3\"", "value: \"-3\"");
        Problem p = only(check(dir, "content-user-protection"));
        assertEquals("parameters/no_notice_multiplier.yaml:11: [values.2012-01-01.value] -3 is below the minimum 0 declared for this parameter",
                p.toString());
    }

    @Test
    void aNegativeMultiplierWithoutABoundBreaksTheInvariantsWithACounterExample() throws IOException {
        Path dir = copy("content-user-protection");
        edit(dir.resolve("parameters/no_notice_multiplier.yaml"), "minimum: \"0\"\n", "");
        edit(dir.resolve("parameters/no_notice_multiplier.yaml"), "value: \"3\"", "value: \"-3\"");
        PolicyCheck.Report r = check(dir, "content-user-protection");
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        InvariantResult broken = invariant(r, "non-negative");
        assertFalse(broken.passed());
        assertTrue(broken.message().contains("negative"), broken.message());
        assertNotNull(broken.counterExample());
        assertFalse(broken.counterExample().path("claim").path("id").asText().isEmpty());
        assertEquals("ORDINARY_NEGLIGENCE", broken.counterExample().path("incident").path("fault").asText());
        assertFalse(r.scenarios().stream().allMatch(PolicyCheck.ScenarioSummary::passed), "the CUG-1 scenario fails too");
    }

    @Test
    void aTierEditSoThatAHigherLossPaysLessBreaksMonotonicity() throws IOException {
        Path dir = copy("kakao-1015-2022");
        edit(dir.resolve("parameters/small_business/tier2_award_krw.yaml"), "value: \"50000\"", "value: \"20000\"");
        PolicyCheck.Report r = check(dir, "kakao-1015-2022");
        assertTrue(r.problems().isEmpty(), r.problems().toString());
        InvariantResult broken = invariant(r, "monotone-in-declared:reference_week_sales");
        assertFalse(broken.passed());
        assertTrue(broken.message().contains("gets 70,000 KRW instead of 80,000 KRW"), broken.message());
        assertTrue(broken.message().contains("K1015-SB-01") && broken.message().contains("K1015-SB-02"), broken.message());
        assertEquals("SMALL_BUSINESS", broken.counterExample().path("claim").path("claimant").path("kind").asText());
    }

    @Test
    void aMultiplierThatLowersPayoutsWhenRaisedBreaksItsMonotoneLaw() throws IOException {
        Path dir = copy("content-user-protection");
        // An analyst "simplifies" the rule so that the multiplier divides instead of multiplies.
        edit(dir.resolve("extension.drl"), "Duration ext = Hours.times($s.counted, m.decimal());",
                "Duration ext = Hours.times($s.counted, java.math.BigDecimal.valueOf(9).divide(m.decimal(), 6, java.math.RoundingMode.DOWN));");
        PolicyCheck.Report r = check(dir, "content-user-protection");
        InvariantResult broken = invariant(r, "monotone-in-parameter:no_notice_multiplier");
        assertFalse(broken.passed());
        assertTrue(broken.message().contains("no_notice_multiplier 3 → "), broken.message());
    }

    @Test
    void anUnknownKeyAndAMissingReferenceAreLocated() throws IOException {
        Path dir = copy("content-user-protection");
        edit(dir.resolve("parameters/excused_multiplier.yaml"), "    reference:", "    refrence:");
        PolicyCheck.Report r = check(dir, "content-user-protection");
        assertTrue(r.problems().stream().anyMatch(p -> p.file().equals("parameters/excused_multiplier.yaml")
                && p.message().contains("refrence")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.file().equals("parameters/excused_multiplier.yaml")
                && p.message().contains("reference")), r.problems().toString());
    }

    @Test
    void aRuleReadingAParameterThatDoesNotExistIsNamed() throws IOException {
        Path dir = copy("content-user-protection");
        edit(dir.resolve("extension.drl"), "ParameterValue m = $p.get(\"no_notice_multiplier\");",
                "ParameterValue m = $p.get(\"no_notice_multipler\");");
        PolicyCheck.Report r = check(dir, "content-user-protection");
        assertTrue(r.problems().stream().anyMatch(p -> p.file().equals("extension.drl") && p.message().contains("no_notice_multipler")),
                r.problems().toString());
    }

    @Test
    void aDuplicatedRuleIdIsNamedWithBothPlaces() throws IOException {
        Path dir = copy("content-user-protection");
        edit(dir.resolve("extension.drl"), "@ruleId(\"CUPG-EXT-02\")", "@ruleId(\"CUPG-EXT-01\")");
        Problem p = only(check(dir, "content-user-protection"));
        assertTrue(p.message().startsWith("duplicate @ruleId 'CUPG-EXT-01'"), p.toString());
        assertEquals("extension.drl", p.file());
    }

    // ---- helpers ----

    private Path copy(String id) {
        return WorkingCopy.of(POLICIES.resolve(id), tmp.resolve(String.valueOf(System.nanoTime())));
    }

    private static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "fixture text not found in " + file + ": " + from);
        Files.writeString(file, text.replace(from, to));
    }

    private static PolicyCheck.Report check(Path dir, String id) {
        return PolicyCheck.run(dir.toString(), SCENARIOS.resolve(id).resolve("scenarios"), incidents, QUICK);
    }

    private static Problem only(PolicyCheck.Report r) {
        assertFalse(r.passed());
        assertEquals(1, r.problems().size(), r.problems().toString());
        return r.problems().get(0);
    }

    private static InvariantResult invariant(PolicyCheck.Report r, String name) {
        return r.invariants().stream().filter(i -> i.invariant().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + name + " in " + r.invariants()));
    }

    private static int lineOf(String text, String needle) {
        int at = text.indexOf(needle);
        return 1 + (int) text.substring(0, at).chars().filter(c -> c == '\n').count();
    }
}
