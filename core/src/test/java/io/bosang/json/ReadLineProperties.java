package io.bosang.json;

import io.bosang.engine.ClaimInput;
import io.bosang.incident.IncidentCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.quicktheories.core.Gen;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * A reader that cuts a file into lines at LF and numbers them itself (the Spark job) reads every NDJSON file exactly
 * as {@link ClaimSource#open} does, with {@link ClaimSource#start}, {@link ClaimSource.FileStart#isRecord} and
 * {@link ClaimSource#readLine(long, ClaimSource.FileStart, long, long, byte[], ClaimReader)}: the same records, each
 * with the same claim or the same rejection text (line, column, byte offset, hint). Files are made of the hostile
 * corpus's records, blank lines, CR LF and bare CRs, byte order marks, leading white space and first objects that span
 * lines without being one claim; the first line is given with its byte order mark or, as Hadoop's LineRecordReader
 * gives it, without.
 */
@Timeout(120)
class ReadLineProperties {
    static ClaimReader reader;
    static List<byte[]> records;

    @BeforeAll
    static void load() throws Exception {
        reader = new ClaimReader(IncidentCatalog.classpath().withFile(Path.of("../rules/src/main/resources/incidents/kakao-2022-10-15.yaml")));
        records = new ArrayList<>();
        for (HostileCorpus.Entry e : HostileCorpus.entries()) records.add(e.bytes());
    }

    static final String[] STARTS = {"", "\uFEFF", "\uFEFF  \n", " \t\r\n\n   ", "\uFEFF\r\n\t", "\n\n\n", "\uFEFF\uFEFF", "  \r "};
    static final String[] BLANKS = {"", " ", "\t\r", "\r", " \t \r"};
    /** First lines that open an object spanning lines which is not one claim: the file is NDJSON with a hint. */
    static final String[] OPENERS = {"{\"id\":\"X-1\",\n\"incident\": broken}", "{\"id\":\"X-2\",\n", "{\"a\":[\n1,2]} {}",
            "{\"id\":\"X-3\",\"evidence\":[\n{\"kind\":\"" + "r".repeat(70_000) + "\"}]}"};

    @Test
    void everyLineOfAnNdjsonFileReadsAsTheFileReaderReadsIt() {
        Gen<List<Integer>> body = lists().of(integers().between(0, 3 * records.size() - 1)).ofSizeBetween(0, 14);
        qt().withExamples(400).forAll(integers().between(0, STARTS.length - 1), integers().between(-1, OPENERS.length - 1), body,
                booleans().all()).checkAssert((start, opener, lines, stripBom) -> {
            ByteArrayOutputStream file = new ByteArrayOutputStream();
            file.writeBytes(STARTS[start].getBytes(StandardCharsets.UTF_8));
            if (opener >= 0) file.writeBytes((OPENERS[opener] + "\n").getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < lines.size(); i++) {
                int pick = lines.get(i);
                byte[] line = pick < records.size() ? records.get(pick) : BLANKS[pick % BLANKS.length].getBytes(StandardCharsets.UTF_8);
                file.writeBytes(line);
                boolean last = i == lines.size() - 1;
                if (!last || pick % 2 == 0) file.writeBytes(pick % 3 == 0 ? new byte[]{'\r', '\n'} : new byte[]{'\n'});
            }
            agree(file.toByteArray(), stripBom);
        });
    }

    @Test
    void theHostileCorpusReadLineByLineIsTheFileReadWhole() throws Exception {
        byte[] corpus = Files.readAllBytes(HostileCorpusTest.CORPUS);
        assertEquals(HostileCorpusTest.Expect.read(HostileCorpusTest.EXPECTED).size(), agree(corpus, false));
        byte[] withBom = ("\uFEFF \r\n\n  " + new String(corpus, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
        agree(withBom, true);
        agree(withBom, false);
    }

    @Test
    void theStartOfAFileTellsItsFormAndWhereItsFirstRecordStarts() throws Exception {
        ClaimSource.FileStart s = start("\uFEFF \n\t {\"id\":1}\n");
        assertEquals(new ClaimSource.FileStart(ClaimSource.Form.NDJSON, 2, 3, 7, true, null), s);
        assertFalse(s.isRecord(3, new byte[]{' '}, 1), "a line before the first record is none");
        assertTrue(s.isRecord(5, "\t {\"id\":1}".getBytes(StandardCharsets.UTF_8), 10), "the line of the first record");
        assertTrue(s.isRecord(15, "x".getBytes(StandardCharsets.UTF_8), 1));
        assertFalse(s.isRecord(15, " \t\r".getBytes(StandardCharsets.UTF_8), 3), "a blank line is no record");
        assertEquals(ClaimSource.Form.ARRAY, start("\n [{}]").form());
        assertEquals(ClaimSource.Form.OBJECT, start(Files.readString(Path.of("../samples/one-claim.json"))).form());
        assertEquals(ClaimSource.Form.EMPTY, start("\uFEFF \r\n ").form());
        assertEquals(ClaimSource.Form.EMPTY, start("").form());
        ClaimSource.FileStart hinted = start("{\"id\":\"X\",\n\"harm\": ?}\n{}\n");
        assertEquals(ClaimSource.Form.NDJSON, hinted.form());
        assertTrue(hinted.ndjsonHint().contains("spans several lines but is not valid JSON"), hinted.ndjsonHint());
        assertNull(start("{}\n{}").ndjsonHint());
    }

    private static ClaimSource.FileStart start(String text) throws IOException {
        return ClaimSource.start(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Reads {@code file} whole and line by line, asserts the same inputs, and returns how many records it holds. */
    static int agree(byte[] file, boolean stripBom) {
        List<ClaimInput> whole = new ArrayList<>();
        try (ClaimSource s = ClaimSource.open(new ByteArrayInputStream(file), reader)) {
            s.forEachRemaining(whole::add);
        }
        ClaimSource.FileStart start;
        try {
            start = ClaimSource.start(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        if (start.form() == ClaimSource.Form.OBJECT || start.form() == ClaimSource.Form.ARRAY) return whole.size(); // not line by line
        List<ClaimInput> byLine = new ArrayList<>();
        long record = 0;
        long line = 0;
        int from = 0;
        while (from < file.length) {
            int end = from;
            while (end < file.length && file[end] != '\n') end++;
            line++;
            int at = from;
            if (from == 0 && stripBom && start.byteOrderMark()) at = 3; // as Hadoop's LineRecordReader gives line 1
            byte[] bytes = java.util.Arrays.copyOfRange(file, at, end);
            if (start.isRecord(at, bytes, bytes.length)) byLine.add(ClaimSource.readLine(++record, start, line, at, bytes, reader));
            from = end + 1;
        }
        assertEquals(describe(whole), describe(byLine), () -> "file: " + new String(file, StandardCharsets.UTF_8).replace("\r", "\\r"));
        return whole.size();
    }

    static List<String> describe(List<ClaimInput> in) {
        return in.stream().map(i -> i.record() + " " + (i.valid() ? "ok " + i.claim() : i.rejection().field() + ": " + i.rejection().reason()))
                .toList();
    }
}
