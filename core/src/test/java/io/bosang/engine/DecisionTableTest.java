package io.bosang.engine;

import io.bosang.domain.*;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.EntitlementUnit;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Tier tables as spreadsheets: a CSV or XLSX decision table in a policy folder compiles with its DRL, its rules carry
 * rule id, legal basis and unit from METADATA columns, and every mistake is named by file, sheet and cell.
 */
class DecisionTableTest {
    static final Path MINI = Path.of("src/test/resources/fixtures/mini");

    /** A fee tier table over the mini policy: rows of (name, rule id, basis, once per, fee floor parameter, points parameter). */
    static List<List<String>> table(String actionHeader, String oncePer, String floorCell, String pointsCell) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("RuleSet", "fixtures.mini"));
        rows.add(List.of("Import", "io.bosang.params.ParameterValue, io.bosang.result.AwardLine, io.bosang.rules.Krw"));
        rows.add(List.of("Notes", "Fee tiers for the engine tests."));
        rows.add(List.of(""));
        rows.add(List.of("RuleTable Fee tiers"));
        rows.add(List.of("NAME", "METADATA", "METADATA", "METADATA", "CONDITION", "CONDITION", actionHeader));
        rows.add(List.of("", "", "", "", "", "$s : Subscription", ""));
        rows.add(List.of("", "ruleId(\"$param\")", "legalBasis(\"$param\")", "oncePer(\"$param\")", "$p : Params()",
                "monthlyFeeKrw >= $p.krw(\"$param\")", "insert(AwardLine.cash($p.krw(\"$param\"), \"fee tier\"));"));
        rows.add(List.of("rule", "rule id", "legal basis", "once per", "applies to", "fee at least (parameter)", "cash (parameter)"));
        rows.add(List.of("TIER-01 high fee", "TIER-01", "[test-source] high fees get cash", oncePer, "x", floorCell, pointsCell));
        return rows;
    }

    static String csv(List<List<String>> rows) {
        StringBuilder b = new StringBuilder();
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) b.append(c == 0 ? "" : ",").append('"').append(row.get(c).replace("\"", "\"\"")).append('"');
            b.append('\n');
        }
        return b.toString();
    }

    static byte[] xlsx(String sheet, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Read me").createRow(0).createCell(0).setCellValue("Notes");
            XSSFSheet s = wb.createSheet(sheet);
            for (int r = 0; r < rows.size(); r++) {
                var row = s.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) row.createCell(c).setCellValue(rows.get(r).get(c));
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    /** The mini policy plus parameters fee_floor_krw (10,000) and tier_cash_krw (2,000), in {@code dir/mini}. */
    static Path miniWithTable(Path dir, String fileName, byte[] table) throws IOException {
        Path copy = dir.resolve("mini");
        try (Stream<Path> files = Files.walk(MINI)) {
            for (Path f : files.toList()) {
                Path to = copy.resolve(MINI.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(to);
                else Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.writeString(copy.resolve("parameters/fee_floor_krw.yaml"), "description: fee floor\nunit: KRW\nvalues:\n  2012-01-01:\n    value: \"10000\"\n    certainty: official\n    reference: test-source\n");
        Files.writeString(copy.resolve("parameters/tier_cash_krw.yaml"), "description: tier cash\nunit: KRW\nvalues:\n  2012-01-01:\n    value: \"2000\"\n    certainty: official\n    reference: test-source\n");
        Files.writeString(copy.resolve("parameters/other_cash_krw.yaml"), "description: other cash\nunit: KRW\nvalues:\n  2012-01-01:\n    value: \"7000\"\n    certainty: official\n    reference: test-source\n");
        Files.write(copy.resolve(fileName), table);
        return copy;
    }

    static Claim claim(long fee) {
        OffsetDateTime start = OffsetDateTime.parse("2022-10-15T15:30:00+09:00");
        Service svc = new Service("vod", "VOD", ServiceCategory.VIDEO, PaymentModel.SUBSCRIPTION);
        Incident inc = new Incident("i", new Operator("example", "op"), "t", "c", FaultPosition.ORDINARY_NEGLIGENCE, "", start, null,
                List.of(svc), List.of(new Disruption("vod", start, start.plusHours(5), Severity.FULL, EndBasis.REPORTED, "")), List.of());
        return new Claim("c1", new Claimant("u1", ClaimantKind.CONSUMER, "KR", null), inc, svc,
                new Subscription("p", fee, BillingChannel.DIRECT, start.minusDays(3), null),
                HarmKind.SERVICE_UNAVAILABLE, start.plusDays(3), null, null, null);
    }

    static List<Problem> problems(Path dir) {
        PolicyBuildException e = assertThrows(PolicyBuildException.class, () -> PolicyLoader.load(dir));
        return e.problems();
    }

    @Test
    void aCsvTableCompilesWithTheDrlAndItsRulesCarryIdBasisAndUnit(@TempDir Path tmp) throws Exception {
        Path dir = miniWithTable(tmp, "fee-tiers.csv", csv(table("ACTION", "subscription", "fee_floor_krw", "tier_cash_krw")).getBytes());
        Policy p = PolicyLoader.load(dir);
        RuleInfo tier = p.rules().stream().filter(r -> r.ruleId().equals("TIER-01")).findFirst().orElseThrow();
        assertEquals("fee-tiers.csv", tier.file());
        assertEquals(10, tier.line(), "a table's rule is located at its sheet row");
        assertEquals(EntitlementUnit.SUBSCRIPTION, tier.oncePer());
        assertEquals(List.of("fee_floor_krw", "tier_cash_krw"), tier.parameters());
        Assessment a = p.assess(claim(39000));
        AwardLine line = a.lines().stream().filter(l -> l.ruleId().equals("TIER-01")).findFirst().orElseThrow();
        assertEquals(2000, line.amountKrw());
        assertEquals("Engine test fixture 'mini': high fees get cash", line.legalBasis());
        assertEquals("test-source", line.citations().get(0).source());
        assertEquals(List.of("fee_floor_krw", "tier_cash_krw"), line.parameters().stream().map(v -> v.id()).toList(),
                "the line cites the cash its action read and the floor its condition compared");
        assertTrue(p.assess(claim(9990)).lines().stream().noneMatch(l -> l.ruleId().equals("TIER-01")), "below the floor: no tier");
    }

    @Test
    void anEditedSheetAtTheSamePathRecompiles(@TempDir Path tmp) throws Exception {
        Path dir = miniWithTable(tmp, "fee-tiers.csv", csv(table("ACTION", "subscription", "fee_floor_krw", "tier_cash_krw")).getBytes());
        Policy before = PolicyLoader.load(dir);
        Files.writeString(dir.resolve("fee-tiers.csv"), csv(table("ACTION", "subscription", "fee_floor_krw", "other_cash_krw")));
        Policy after = PolicyLoader.load(dir);
        assertNotEquals(before.contentHash(), after.contentHash());
        assertEquals(7000, after.assess(claim(39000)).lines().stream().filter(l -> l.ruleId().equals("TIER-01")).findFirst().orElseThrow().amountKrw(),
                "the edited cell is what runs, not a cached compilation of the old sheet");
    }

    @Test
    void aMisspeltColumnHeaderIsRefusedAtItsCell(@TempDir Path tmp) throws Exception {
        Path dir = miniWithTable(tmp, "fee-tiers.csv", csv(table("ACTON", "subscription", "fee_floor_krw", "tier_cash_krw")).getBytes());
        List<Problem> problems = problems(dir);
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("fee-tiers.csv", p.file());
        assertEquals(6, p.line());
        assertEquals("G6", p.key());
        assertTrue(p.message().contains("unknown column header 'ACTON'"), p.message());
    }

    @Test
    void anUnknownKeywordOutsideTheTableIsRefused(@TempDir Path tmp) throws Exception {
        List<List<String>> rows = table("ACTION", "subscription", "fee_floor_krw", "tier_cash_krw");
        rows.set(1, List.of("Imports", "io.bosang.result.AwardLine"));
        List<Problem> problems = problems(miniWithTable(tmp, "fee-tiers.csv", csv(rows).getBytes()));
        assertTrue(problems.stream().anyMatch(p -> p.line() == 2 && p.key().equals("A2") && p.message().contains("unknown keyword 'Imports'")), problems.toString());
    }

    @Test
    void aBadValueCellIsNamedByItsCellNotByAGeneratedLine(@TempDir Path tmp) throws Exception {
        // A column that takes a value as written (not a parameter id), and a cell whose value does not parse there.
        List<List<String>> rows = table("ACTION", "subscription", "fee_floor_krw", "tier_cash_krw");
        List<String> code = new ArrayList<>(rows.get(7));
        code.set(5, "monthlyFeeKrw >= $param");
        rows.set(7, code);
        List<String> rule = new ArrayList<>(rows.get(9));
        rule.set(5, "10.000,00 KRW");
        rows.set(9, rule);
        List<Problem> problems = problems(miniWithTable(tmp, "fee-tiers.csv", csv(rows).getBytes()));
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals(10, p.line(), p.toString());
        assertEquals("F10", p.key(), p.toString());
        assertTrue(p.message().startsWith("cell F10: "), p.message());
    }

    @Test
    void aParameterCellNamingNoFileIsNamedByItsCell(@TempDir Path tmp) throws Exception {
        List<Problem> problems = problems(miniWithTable(tmp, "fee-tiers.csv",
                csv(table("ACTION", "subscription", "fee_floor_krw", "tier_cash_kwr")).getBytes()));
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("fee-tiers.csv", p.file());
        assertEquals(10, p.line());
        assertTrue(p.message().startsWith("cell G10: rule reads parameter 'tier_cash_kwr'"), p.message());
    }

    @Test
    void anAwardingTableMustSayWhatItIsOwedPer(@TempDir Path tmp) throws Exception {
        List<Problem> misspelt = problems(miniWithTable(tmp.resolve("a"), "fee-tiers.csv",
                csv(table("ACTION", "subscripton", "fee_floor_krw", "tier_cash_krw")).getBytes()));
        assertEquals("D10", misspelt.get(0).key(), misspelt.toString());
        assertTrue(misspelt.get(0).message().contains("@oncePer(\"subscripton\") names no unit"), misspelt.toString());

        List<Problem> missing = problems(miniWithTable(tmp.resolve("b"), "fee-tiers.csv",
                csv(table("ACTION", "", "fee_floor_krw", "tier_cash_krw")).getBytes()));
        assertEquals(1, missing.size(), missing.toString());
        assertTrue(missing.get(0).message().contains("add a METADATA column oncePer(\"$param\")"), missing.toString());
        assertEquals(10, missing.get(0).line());
    }

    @Test
    void anXlsxTableOnASheetCompilesAndItsErrorsNameTheSheet(@TempDir Path tmp) throws Exception {
        Policy p = PolicyLoader.load(miniWithTable(tmp.resolve("good"), "fee-tiers.xlsx",
                xlsx("Tiers", table("ACTION", "subscription", "fee_floor_krw", "tier_cash_krw"))));
        assertEquals(2000, p.assess(claim(39000)).lines().stream().filter(l -> l.ruleId().equals("TIER-01")).findFirst().orElseThrow().amountKrw());
        assertEquals(10, p.rules().stream().filter(r -> r.ruleId().equals("TIER-01")).findFirst().orElseThrow().line());

        List<Problem> problems = problems(miniWithTable(tmp.resolve("bad"), "fee-tiers.xlsx",
                xlsx("Tiers", table("ACTION", "subscription", "fee_floor_krw", "tier_cash_kwr"))));
        assertTrue(problems.get(0).message().startsWith("sheet Tiers, cell G10: "), problems.toString());
        List<Problem> header = problems(miniWithTable(tmp.resolve("header"), "fee-tiers.xlsx",
                xlsx("Tiers", table("ACTON", "subscription", "fee_floor_krw", "tier_cash_krw"))));
        assertTrue(header.get(0).message().startsWith("sheet Tiers, cell G6: unknown column header 'ACTON'"), header.toString());
    }

    @Test
    void aCellThatReachesForTheJvmIsRefusedByTheLintAtItsCell(@TempDir Path tmp) throws Exception {
        List<List<String>> rows = table("ACTION", "subscription", "fee_floor_krw", "tier_cash_krw");
        List<String> code = new ArrayList<>(rows.get(7));
        code.set(6, "insert(AwardLine.cash($param, \"fee tier\"));");
        rows.set(7, code);
        List<String> rule = new ArrayList<>(rows.get(9));
        rule.set(6, "System.currentTimeMillis()");
        rows.set(9, rule);
        List<Problem> problems = problems(miniWithTable(tmp, "fee-tiers.csv", csv(rows).getBytes()));
        assertFalse(problems.isEmpty());
        for (Problem p : problems) {
            assertEquals(10, p.line(), problems.toString());
            assertTrue(p.message().startsWith("cell G10: ") && p.key().equals("G10"), problems.toString());
        }
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedWithoutAStackTrace(@TempDir Path tmp) throws Exception {
        List<Problem> problems = problems(miniWithTable(tmp, "fee-tiers.xlsx", "not a zip".getBytes()));
        assertEquals("fee-tiers.xlsx", problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("cannot read the decision table"), problems.toString());
    }
}
