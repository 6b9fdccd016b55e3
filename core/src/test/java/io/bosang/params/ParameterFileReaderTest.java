package io.bosang.params;

import io.bosang.engine.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    reference: r\n  2023-13-01:\n    value: \"2\"\n    reference: r\n"),
                6, "values.2023-13-01", "is not a date");
    }

    @Test
    void duplicateDatesAreLocatedAtTheSecond() throws Exception {
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n    reference: r\n  2012-01-01:\n    value: \"2\"\n    reference: r\n"),
                6, "values.2012-01-01", "duplicate key");
    }

    @Test
    void datesMustAscend() throws Exception {
        assertOne(read("description: d\nvalues:\n  2020-01-01:\n    value: \"3\"\n    reference: r\n  2012-01-01:\n    value: \"2\"\n    reference: r\n"),
                6, "values.2012-01-01", "dates must ascend");
    }

    @Test
    void aNonDecimalValueIsLocated() throws Exception {
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"three\"\n    reference: r\n"),
                4, "values.2012-01-01.value", "not a decimal");
    }

    @Test
    void everyValueNeedsAReference() throws Exception {
        assertOne(read("description: d\nvalues:\n  2012-01-01:\n    value: \"3\"\n"),
                3, "values.2012-01-01.reference", "missing required key 'reference'");
    }

    @Test
    void unknownKeysAreNamed() throws Exception {
        assertOne(read("description: d\nvalus: x\nvalues:\n  2012-01-01:\n    value: \"3\"\n    reference: r\n"),
                2, "valus", "unknown key");
    }

    @Test
    void allProblemsOfAFileAreReportedAtOnce() throws Exception {
        List<Problem> problems = read("values:\n  2012-01-01:\n    value: \"x\"\n  2011-13-01:\n    value: \"1\"\n    reference: r\n");
        assertTrue(problems.size() >= 4, problems.toString()); // description, value, reference, date
    }

    @Test
    void theValueInForceIsChosenByDateAndNullEndsIt() throws Exception {
        Path f = dir.resolve("m.yaml");
        Files.writeString(f, "description: d\nunit: ratio\nvalues:\n  2012-01-01:\n    value: \"3\"\n    reference: first\n"
                + "  2023-03-01:\n    value: 2.5\n    reference: second\n  2030-01-01:\n    value: null\n    reference: ended\n");
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
}
