package io.bosang.params;

import io.bosang.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each analyst mistake in a parameter file is reported with file, line and key; the value in force is chosen by date. */
class ParameterFileReaderTest {
    @TempDir
    Path dir;

    private List<Problem> read(String yaml) throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, yaml);
        List<Problem> problems = new ArrayList<>();
        Parameter p = ParameterFileReader.read(f, "parameters/m.yaml", "m", problems);
        if (!problems.isEmpty()) assertNull(p);
        return problems;
    }

    private static void assertOne(List<Problem> problems, int line, String key, String fragment) {
        assertEquals(1, problems.size(), problems.toString());
        Problem p = problems.get(0);
        assertEquals("parameters/m.yaml", p.file());
        assertEquals(line, p.line(), p.toString());
        assertEquals(key, p.key(), p.toString());
        assertTrue(p.message().contains(fragment), p.toString());
    }

    @Test
    void aDateTypoIsLocated() throws Exception {
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n  2023-13-01:\n    value: \"2\"\n    certainty: official\n    reference: r\n"),
                7, "values.2023-13-01", "is not a date");
    }

    @Test
    void duplicateDatesAreLocatedAtTheSecond() throws Exception {
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n  2012-01-01:\n    value: \"2\"\n    certainty: official\n    reference: r\n"),
                7, "values.2012-01-01", "duplicate key");
    }

    @Test
    void datesMustAscend() throws Exception {
        assertOne(read("description: d\nvalues:\n  2020-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n  2012-01-01:\n    value: \"2\"\n    certainty: official\n    reference: r\n"),
                7, "values.2012-01-01", "dates must ascend");
    }

    @Test
    void aNonDecimalValueIsLocated() throws Exception {
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"three\"\n    certainty: official\n    reference: r\n"),
                4, "values.2012-01-01.value", "not a decimal");
    }

    @Test
    void everyValueNeedsAReference() throws Exception {
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n"),
                3, "values.2012-01-01.reference", "missing required key 'reference'");
    }

    @Test
    void unknownKeysAreNamed() throws Exception {
        assertOne(read("description: d\nvalus: x\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n"),
                2, "valus", "unknown key");
    }

    @Test
    void allProblemsOfAFileAreReportedAtOnce() throws Exception {
        List<Problem> problems = read("values:\n  2012-01-01:\n    value: \"x\"\n  2011-13-01:\n    value: \"1\"\n    certainty: official\n    reference: r\n");
        assertTrue(problems.size() >= 4, problems.toString()); // description, value, reference, date
    }

    @Test
    void theValueInForceIsChosenByDateAndNullEndsIt() throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, "description: d\nunit: ratio\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: first\n"
                + "  2023-03-01:\n    value: 2.5\n    certainty: official\n    reference: second\n  2030-01-01:\n    value: null\n    certainty: official\n    reference: ended\n");
        List<Problem> problems = new ArrayList<>();
        Parameter p = ParameterFileReader.read(f, "parameters/m.yaml", "m", problems);
        assertEquals(List.of(), problems);
        assertTrue(p.at(LocalDate.of(2011, 12, 31)).isEmpty());
        assertEquals("3", p.at(LocalDate.of(2023, 2, 28)).orElseThrow().value());
        ParameterValue v = p.at(LocalDate.of(2023, 3, 1)).orElseThrow();
        assertEquals("2.5", v.value(), "an unquoted decimal is taken as written, never through a double");
        assertEquals(LocalDate.of(2023, 3, 1), v.effectiveFrom());
        assertEquals("second", v.reference());
        assertTrue(p.at(LocalDate.of(2030, 1, 1)).isEmpty());
    }

    private static String oneValue(String header, String value) {
        return "description: d\n" + header + "values:\n  2012-01-01:\n    value: \"" + value + "\"\n    certainty: official\n    reference: r\n";
    }

    @Test
    void aKrwValueIsAWholeNumberOfWonUpTo10To13() throws Exception {
        assertEquals(List.of(), read(oneValue("unit: KRW\n", "10000000000000")));
        assertOne(read(oneValue("unit: KRW\n", "10000000000001")), 5, "values.2012-01-01.value", "the most a KRW parameter may hold");
        assertOne(read(oneValue("unit: KRW\n", "9223372036854775807")), 5, "values.2012-01-01.value", "the most a KRW parameter may hold");
        assertOne(read(oneValue("unit: KRW\n", "4900.5")), 5, "values.2012-01-01.value", "not a whole number of won");
        List<Problem> looser = read(oneValue("unit: KRW\nmaximum: \"1000000000000000000\"\n", "20000000000000"));
        assertEquals(List.of("maximum", "values.2012-01-01.value"), looser.stream().map(Problem::key).toList(), "a looser maximum raises nothing");
        assertTrue(looser.get(0).message().contains("out of range for a bound"), looser.toString());
    }

    @Test
    void anIntegerIsAtMost10To9UnlessTheFileDeclaresATighterMaximum() throws Exception {
        assertEquals(List.of(), read(oneValue("type: integer\nunit: days\n", "1000000000")));
        assertOne(read(oneValue("type: integer\nunit: days\n", "1000000001")), 6, "values.2012-01-01.value", "the most an integer parameter may hold");
        assertOne(read(oneValue("type: integer\nunit: days\nmaximum: \"30\"\n", "31")), 7, "values.2012-01-01.value", "above the maximum 30");
        assertOne(read(oneValue("unit: ratio\n", "1E+999999999")), 5, "values.2012-01-01.value", "the most a decimal parameter may hold");
        assertOne(read(oneValue("unit: ratio\n", "1E-999999999")), 5, "values.2012-01-01.value", "more than 12 decimal places");
    }

    @Test
    void aFileOver1MiBIsRefusedWithoutReadingIt() throws Exception {
        Path f = dir.resolve("m.yaml");
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) '#');
        Files.write(f, big);
        List<Problem> problems = new ArrayList<>();
        assertNull(ParameterFileReader.read(f, "parameters/m.yaml", "m", problems));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("parameters/m.yaml", problems.get(0).file());
        assertTrue(problems.get(0).message().startsWith("the file is 2,097,152 bytes; a policy, parameter, incident or scenario file holds at most 1,048,576 bytes"),
                problems.get(0).toString());
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aLongUnbrokenStringIsRefusedAtItsLineInsteadOfScannedInQuadraticTime() throws Exception {
        // SnakeYAML re-copies its look-ahead while scanning one run: 10 MB took 23 s; the run bound refuses it at once
        assertOne(read("description: d\nnote: \"" + "x".repeat(1_000_000) + "\"\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n"),
                2, "", "a run of more than 10,000 characters without a space or line break");
        String prose = ("word ".repeat(150_000)).trim(); // 750 KB of prose, under the size bound, read in linear time
        assertEquals(List.of(), read("description: d\nnote: \"" + prose + "\"\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n"));
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aBillionLaughsBombIsRefusedAtTheLineWhereItExplodes() throws Exception {
        StringBuilder y = new StringBuilder("description: d\nnote:\n  l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (int i = 1; i <= 9; i++) {
            y.append("  l").append(i).append(": &l").append(i).append(" [");
            for (int k = 0; k < 10; k++) y.append(k == 0 ? "" : ", ").append("*l").append(i - 1);
            y.append("]\n");
        }
        y.append("values:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n");
        // l0 (line 3) stands for 11 nodes, l3 (line 6) for 11,111, l4 (line 7) for 111,111: the first past 100,000
        assertOne(read(y.toString()), 7, "", "expands to more than 100,000 nodes through its aliases");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void aRecursiveAliasAndTooManyAliasesAreRefusedWithTheirLine() throws Exception {
        assertOne(read("description: d\nnote: &n\n  - *n\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n"),
                2, "", "recursive alias"); // the list anchored at line 2 holds itself
        StringBuilder y = new StringBuilder("description: d\nnote:\n  base: &b {x: 1}\n  many: [");
        for (int k = 0; k < 600; k++) y.append(k == 0 ? "" : ", ").append("*b");
        y.append("]\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n");
        assertOne(read(y.toString()), 4, "", "Number of aliases for non-scalar nodes exceeds the specified max=500");
    }

    @Test
    @org.junit.jupiter.api.Timeout(20)
    void nestingBeyond50IsRefusedWithItsLine() throws Exception {
        String deep = "[".repeat(60) + "]".repeat(60);
        assertOne(read("description: d\nnote: " + deep + "\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: r\n"),
                2, "", "Nesting Depth exceeded");
    }

    @Test
    void everyValueStatesItsCertaintyAndAnAssumedOneSaysWhy() throws Exception {
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    reference: r\n"),
                3, "values.2012-01-01.certainty", "missing 'certainty'");
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: likely\n    reference: r\n"),
                5, "values.2012-01-01.certainty", "'likely' is not official, reported or assumed");
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: assumed\n    reference: r\n"),
                5, "values.2012-01-01.why", "an assumed value must say why");
        Path f = dir.resolve("assumed.yaml");
        Files.writeString(f, "description: d\nvalues:\n  2012-01-01:\n    value: \"30\"\n    certainty: assumed\n    why: no source gives the base\n    reference: r\n");
        List<Problem> problems = new ArrayList<>();
        ParameterValue v = ParameterFileReader.read(f, "parameters/assumed.yaml", "assumed", problems).at(java.time.LocalDate.of(2020, 1, 1)).orElseThrow();
        assertEquals(List.of(), problems);
        assertEquals(Certainty.ASSUMED, v.certainty());
        assertEquals("no source gives the base", v.why());
        assertTrue(v.assumed());
    }

    @Test
    void aReferenceNamesRegistryIdsAndAnUnknownOneIsLocated() throws Exception {
        io.bosang.law.Source known = new io.bosang.law.Source("tba", io.bosang.law.SourceKind.STATUTE,
                new io.bosang.law.Bilingual("Telecommunications Business Act", "전기통신사업법"), null, new io.bosang.law.Bilingual("National Assembly", "국회"),
                "", "", "", null, null, null);
        io.bosang.law.SourceRegistry registry = new io.bosang.law.SourceRegistry(java.util.Map.of("tba", known), "d");
        Path f = dir.resolve("cited.yaml");
        Files.writeString(f, "description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: \"tba Art. 33; tbaa\"\n");
        List<Problem> problems = new ArrayList<>();
        ParameterFileReader.read(f, "parameters/cited.yaml", "cited", problems, registry);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("parameters/cited.yaml:6: [values.2012-01-01.reference] 'tbaa' is not in the source registry "
                + "(rules/src/main/resources/sources, or the policy's own sources.yaml)", problems.get(0).toString());
        Files.writeString(f, "description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    certainty: official\n    reference: \"tba Art. 33\"\n");
        problems.clear();
        ParameterValue v = ParameterFileReader.read(f, "parameters/cited.yaml", "cited", problems, registry).at(java.time.LocalDate.of(2020, 1, 1)).orElseThrow();
        assertEquals(List.of(), problems);
        assertEquals("Art. 33", v.citations().get(0).pinpoint());
        assertEquals(known, v.citations().get(0).entry());
    }

    @Test
    void aScaleIsBracketsAscendingWithBoundsAndAmounts() throws Exception {
        Path f = dir.resolve("tiers.yaml");
        Files.writeString(f, "description: tiers\ntype: scale\nunit: KRW\nvalues:\n  2022-12-29:\n    brackets:\n"
                + "      - {threshold: \"0\", amount: \"30000\"}\n"
                + "      - {threshold: \"300000\", bound: exclusive, amount: \"50000\"}\n"
                + "      - {threshold: \"500000\", bound: exclusive, amount: null}\n"
                + "    certainty: official\n    reference: r\n");
        List<Problem> problems = new ArrayList<>();
        Parameter p = ParameterFileReader.read(f, "parameters/tiers.yaml", "tiers", problems);
        assertEquals(List.of(), problems);
        ParameterValue v = p.at(java.time.LocalDate.of(2022, 12, 29)).orElseThrow();
        assertEquals("≥ 0: 30000; > 300000: 50000; > 500000: none", v.value());
        Scale s = v.scale();
        assertEquals(1, s.bracketFor(300_000).number(), "the bound itself is in the lower tier (이하)");
        assertEquals(2, s.bracketFor(300_001).number());
        assertEquals(2, s.bracketFor(500_000).number());
        assertFalse(s.bracketFor(500_001).hasAmount(), "above the last bound: no fixed amount");
        assertEquals(null, s.bracketFor(-1));
        assertEquals("> 300,000 and ≤ 500,000", s.range(s.bracket(2)));
        assertEquals(s, Scale.parse(s.toString()), "the canonical text reads back");
        assertEquals(null, p.problemWith(">= 0: 30000; > 300000: 50000"), "a what-if in the canonical text (>= read as ≥)");
        assertTrue(p.problemWith("≥ 0: 30000; > 0: 50000").contains("must be above"), "brackets ascend");

        Files.writeString(f, "description: tiers\ntype: scale\nunit: KRW\nvalues:\n  2022-12-29:\n    brackets:\n"
                + "      - {threshold: \"300000\", amount: \"30000\"}\n"
                + "      - {threshold: \"300000\", bound: exclusive, amount: \"50000\"}\n"
                + "    certainty: official\n    reference: r\n");
        problems.clear();
        ParameterFileReader.read(f, "parameters/tiers.yaml", "tiers", problems);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).toString().startsWith("parameters/tiers.yaml:6: [values.2022-12-29.brackets] bracket 2's threshold 300000 must be above"),
                problems.toString());
    }
}
