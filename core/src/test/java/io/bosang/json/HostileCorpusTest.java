package io.bosang.json;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.result.Assessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hostile corpus through {@link ClaimSource}: records in = records out, each hostile record a rejection naming its
 * field and reason, each valid one assessed exactly as when it is read alone; as NDJSON and as a JSON array.
 */
@Timeout(120)
class HostileCorpusTest {
    static final Path CORPUS = HostileCorpus.DIR.resolve("claims.ndjson");
    static final Path EXPECTED = HostileCorpus.DIR.resolve("expected.tsv");
    static IncidentCatalog incidents;
    static Policy mini;

    /** One row of expected.tsv. */
    record Expect(long record, boolean valid, String field, String fragment, String elementFragment, String kind, boolean element) {
        static List<Expect> read(Path tsv) throws Exception {
            List<Expect> out = new ArrayList<>();
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t", -1);
                out.add(new Expect(Long.parseLong(f[0]), f[1].equals("VALID"), f[2], f[3], f[4], f[5], f[6].equals("element")));
            }
            return out;
        }
    }

    @BeforeAll
    static void load() throws Exception {
        incidents = IncidentCatalog.classpath().withFile(Path.of("../rules/src/main/resources/incidents/kakao-2022-10-15.yaml"));
        mini = PolicyLoader.load(Path.of("src/test/resources/fixtures/mini"));
    }

    @Test
    void theCommittedCorpusIsExactlyWhatTheGeneratorWrites() throws Exception {
        if (Boolean.getBoolean("bosang.regenerate")) HostileCorpus.main(new String[0]);
        assertArrayEquals(HostileCorpus.ndjson(), Files.readAllBytes(CORPUS), "regenerate with -Dbosang.regenerate=true and review the diff");
        assertEquals(HostileCorpus.tsv(), Files.readString(EXPECTED, StandardCharsets.UTF_8));
    }

    @Test
    void theCorpusHoldsAtLeast300HostileRecordsOfEveryKindInterleavedWithValidClaims() throws Exception {
        List<Expect> expect = Expect.read(EXPECTED);
        long hostile = expect.stream().filter(e -> !e.valid()).count();
        assertTrue(hostile >= 300, hostile + " hostile records");
        assertTrue(expect.stream().filter(Expect::valid).count() >= 60);
        Set<String> kinds = new TreeSet<>();
        expect.forEach(e -> kinds.add(e.kind()));
        for (String k : List.of("truncated", "array in NDJSON", "two values on a line", "garbage tail", "bare CR between tokens",
                "bare CR inside a string", "duplicate key", "invalid UTF-8", "byte order mark", "deep nesting", "huge or fractional money",
                "huge counts", "date out of range or malformed", "NUL byte", "record over 64 KiB", "long text", "unknown field", "wrong type")) {
            assertTrue(kinds.contains(k), "no " + k + " in " + kinds);
        }
    }

    @Test
    void everyRecordOfTheCorpusGivesOneInputAndEachHostileOneIsARejectionNamingFieldAndReason() throws Exception {
        List<Expect> expect = Expect.read(EXPECTED);
        List<ClaimInput> read = new ArrayList<>();
        try (InputStream in = Files.newInputStream(CORPUS); ClaimSource s = ClaimSource.open(in, new ClaimReader(incidents))) {
            s.forEachRemaining(read::add);
        }
        assertEquals(expect.size(), read.size(), "records in = records out");
        for (int i = 0; i < expect.size(); i++) check(expect.get(i), read.get(i), false);

        List<ClaimInput> deferred = new ArrayList<>();
        try (InputStream in = Files.newInputStream(CORPUS); ClaimSource s = ClaimSource.open(in, new ClaimReader(incidents))) {
            for (Iterator<Supplier<ClaimInput>> it = s.deferred(); it.hasNext(); ) deferred.add(it.next().get());
        }
        assertEquals(read.toString(), deferred.toString(), "the iterator and the deferred reads agree");
    }

    @Test
    void asAJsonArrayEveryElementGivesOneInputWithTheSameVerdict() throws Exception {
        List<Expect> expect = Expect.read(EXPECTED);
        List<HostileCorpus.Entry> entries = HostileCorpus.entries();
        ByteArrayOutputStream array = new ByteArrayOutputStream();
        array.writeBytes("[\n".getBytes(StandardCharsets.US_ASCII));
        List<Expect> elements = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            if (!expect.get(i).element()) continue;
            if (!elements.isEmpty()) array.writeBytes(",\n".getBytes(StandardCharsets.US_ASCII));
            array.writeBytes(entries.get(i).bytes());
            elements.add(expect.get(i));
        }
        array.writeBytes("\n]\n".getBytes(StandardCharsets.US_ASCII));
        List<ClaimInput> read = new ArrayList<>();
        try (ClaimSource s = ClaimSource.open(new ByteArrayInputStream(array.toByteArray()), new ClaimReader(incidents))) {
            s.forEachRemaining(read::add);
        }
        assertEquals(elements.size(), read.size(), "elements in = records out");
        for (int i = 0; i < elements.size(); i++) check(elements.get(i), read.get(i), true);
    }

    @Test
    void eachValidClaimIsAssessedInTheCorpusExactlyAsAlone() throws Exception {
        List<Expect> expect = Expect.read(EXPECTED);
        List<HostileCorpus.Entry> entries = HostileCorpus.entries();
        List<String> inCorpus = new ArrayList<>();
        try (InputStream in = Files.newInputStream(CORPUS); ClaimSource s = ClaimSource.open(in, new ClaimReader(incidents))) {
            new BatchAssessor(mini, 2).run(s.deferred(), Json::line, (a, line) -> inCorpus.add(line), n -> { });
        }
        assertEquals(expect.size(), inCorpus.size());
        int compared = 0;
        for (int i = 0; i < expect.size(); i++) {
            if (!expect.get(i).valid()) continue;
            List<String> alone = new ArrayList<>();
            try (ClaimSource s = ClaimSource.open(new ByteArrayInputStream(entries.get(i).bytes()), new ClaimReader(incidents))) {
                new BatchAssessor(mini, 1).run(s.deferred(), Json::line, (a, line) -> alone.add(line), n -> { });
            }
            assertEquals(1, alone.size());
            assertEquals(withoutRecord(alone.get(0)), withoutRecord(inCorpus.get(i)), "record " + (i + 1));
            assertFalse(alone.get(0).contains("\"REJECTED\""), alone.get(0));
            compared++;
        }
        assertTrue(compared >= 60, compared + " valid claims compared");
    }

    /** An assessment line without its record number, which differs between a corpus and a one-record file. */
    static String withoutRecord(String line) {
        assertTrue(line.startsWith("{\"record\":"), line);
        return line.substring(line.indexOf(','));
    }

    static void check(Expect e, ClaimInput in, boolean asElement) {
        String where = "record " + e.record() + " (" + e.kind() + "): " + in;
        assertNotNull(in, where);
        if (e.valid()) {
            assertTrue(in.valid(), where);
            return;
        }
        assertFalse(in.valid(), where);
        String reason = in.rejection().reason();
        if (!e.field().equals("*")) assertEquals(e.field(), in.rejection().field(), where);
        assertFalse(in.rejection().field().isBlank(), where);
        String fragment = asElement ? e.elementFragment() : e.fragment();
        assertTrue(reason.contains(fragment), where + " lacks '" + fragment + "'");
        assertFalse(reason.contains("Exception") || reason.contains("\tat ") || reason.contains("\n"), where);
        assertTrue(reason.length() < 2_000, where);
    }

    /** A reason that speaks of JSON syntax says where: line and column. */
    @Test
    void syntaxRejectionsSayTheLineAndColumn() throws Exception {
        List<ClaimInput> read = new ArrayList<>();
        try (InputStream in = Files.newInputStream(CORPUS); ClaimSource s = ClaimSource.open(in, new ClaimReader(incidents))) {
            s.forEachRemaining(read::add);
        }
        long checked = read.stream().filter(i -> !i.valid() && i.rejection().reason().startsWith("not valid JSON at line "))
                .peek(i -> assertTrue(i.rejection().reason().matches("not valid JSON at line \\d+, column \\d+.*"), i.toString())).count();
        assertTrue(checked > 50, checked + " syntax rejections");
    }
}
