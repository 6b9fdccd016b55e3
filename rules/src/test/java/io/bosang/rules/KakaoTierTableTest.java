package io.bosang.rules;

import io.bosang.check.WorkingCopy;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.engine.RuleInfo;
import io.bosang.problem.PolicyBuildException;
import io.bosang.result.EntitlementUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The Kakao small-business cash tiers are the rows of a decision table that reads the dated tier parameters. */
class KakaoTierTableTest {
    static final Path TABLE = Path.of("src/main/resources/policies/kakao-1015-2022/small-business-tiers.csv");

    @Test
    void theTwoCashTiersComeFromTheTableOncePerBusinessAsOneEntitlement() throws Exception {
        Policy kakao = PolicyLoader.load("kakao-1015-2022");
        int row = 10;
        for (String id : List.of("K1015-SB-01", "K1015-SB-02")) {
            RuleInfo r = kakao.rules().stream().filter(x -> x.ruleId().equals(id)).findFirst().orElseThrow();
            assertEquals("small-business-tiers.csv", r.file());
            assertEquals(row++, r.line(), "located at its row of the sheet");
            assertEquals(EntitlementUnit.BUSINESS, r.oncePer());
            assertEquals("K1015-SB-CASH-TIER", r.entitlement());
            assertTrue(r.parameters().contains("small_business.tier_bounds_inclusive"), r.parameters().toString());
        }
        assertTrue(kakao.rules().stream().noneMatch(r -> r.file().equals("small-business.drl")
                && (r.ruleId().equals("K1015-SB-01") || r.ruleId().equals("K1015-SB-02"))), "the DRL no longer holds the tiers");
    }

    @Test
    void aMisspeltUnitInTheTableIsNamedByItsCell(@TempDir Path tmp) throws Exception {
        Path dir = WorkingCopy.of(TABLE.getParent(), tmp);
        String csv = Files.readString(dir.resolve("small-business-tiers.csv"));
        Files.writeString(dir.resolve("small-business-tiers.csv"), csv.replaceFirst("\"business\",\"K1015-SB-CASH-TIER\"", "\"buisness\",\"K1015-SB-CASH-TIER\""));
        PolicyBuildException e = assertThrows(PolicyBuildException.class, () -> PolicyLoader.load(dir));
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertEquals("small-business-tiers.csv:10: [D10] cell D10: @oncePer(\"buisness\") names no unit; use one of claim, claimant, "
                + "subscription, account, business", e.problems().get(0).toString());
    }

    @Test
    void theSheetHoldsParameterIdsNotAmounts() throws Exception {
        List<String> rows = Files.readAllLines(TABLE);
        for (String rule : rows.subList(9, rows.size())) {
            String cells = rule.substring(rule.indexOf("\",\"K1015-SB-0") + 2);
            String values = cells.replaceAll("\"[^\"]*(FACTS|plan)[^\"]*\"", "");   // the legal basis quotes the published figures
            assertFalse(values.matches(".*\\b[0-9]{4,}\\b.*"), "an amount written in the sheet: " + rule);
            assertTrue(rule.contains("small_business.tier"), rule);
        }
    }
}
