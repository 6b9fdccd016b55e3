package io.bosang.json;

import io.bosang.engine.ClaimInput;
import io.bosang.incident.IncidentCatalog;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How a claims file is cut into records: the form from the first non-blank byte, and every record accounted for. */
@Timeout(60)
class ClaimSourceTest {
    static IncidentCatalog incidents;
    static String pretty;
    static String a;
    static String b;

    @BeforeAll
    static void load() throws Exception {
        incidents = IncidentCatalog.classpath().withFile(Path.of("../rules/src/main/resources/incidents/kakao-2022-10-15.yaml"));
        pretty = Files.readString(Path.of("../samples/one-claim.json"));
        a = HostileCorpus.claim(0, "A-1");
        b = HostileCorpus.claim(1, "B-1");
    }

    static List<ClaimInput> read(String input) {
        return read(input.getBytes(StandardCharsets.UTF_8));
    }

    static List<ClaimInput> read(byte[] input) {
        List<ClaimInput> out = new ArrayList<>();
        try (ClaimSource s = ClaimSource.open(new ByteArrayInputStream(input), new ClaimReader(incidents))) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    static List<ClaimInput> body(String input) {
        List<ClaimInput> out = new ArrayList<>();
        try (ClaimSource s = ClaimSource.openDocument(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new ClaimReader(incidents))) {
            s.forEachRemaining(out::add);
        }
        return out;
    }

    static List<String> verdicts(List<ClaimInput> in) {
        return in.stream().map(i -> i.valid() ? "ok " + i.claimId() : i.rejection().field() + ": " + i.rejection().reason()).toList();
    }

    @Test
    void thePrettyPrintedSampleIsOneClaim() {
        List<ClaimInput> in = read(pretty);
        assertEquals(1, in.size(), verdicts(in).toString());
        assertTrue(in.get(0).valid(), verdicts(in).toString());
        assertEquals("K-0009", in.get(0).claimId());
        assertEquals(1, read(pretty + "\n\n  \t\n").size(), "white space after the object is no record");
    }

    @Test
    void oneObjectPerLineIsNdjsonEvenWhenTheFirstLineIsAWholeObject() {
        assertEquals(List.of("ok A-1", "ok B-1"), verdicts(read(a + "\n" + b + "\n")));
        assertEquals(List.of("ok A-1", "ok B-1"), verdicts(read(a + "\r\n\r\n" + b)));
    }

    @Test
    void whatFollowsAWholeInputObjectIsRejectedLineByLineNeverDropped() {
        List<String> v = verdicts(read(pretty + a + "\n" + b + "\n"));
        assertEquals(3, v.size(), v.toString());
        assertEquals("ok K-0009", v.get(0));
        assertTrue(v.get(1).startsWith("$: content at line 19 after the end of the JSON object that ends at line 18"), v.get(1));
        assertTrue(v.get(2).startsWith("$: content at line 20 after the end of the JSON object"), v.get(2));
    }

    @Test
    void aFirstLineHoldingAnEmptyArrayDoesNotSwallowTheRecordsAfterIt() {
        List<String> v = verdicts(read("[]\n" + a + "\n" + b + "\n"));
        assertEquals(2, v.size(), v.toString());
        for (String r : v) assertTrue(r.startsWith("$: content at line ") && r.contains("after the end of the JSON array that ends at line 1"), r);
        assertEquals(2, verdicts(read("[]" + a + "\n" + b)).size(), "the rest of the ']' line is a record too");
    }

    @Test
    void aJsonArrayIsOneRecordPerElementAndABrokenElementKeepsItsNeighbours() {
        assertEquals(List.of("ok A-1", "ok B-1"), verdicts(read("[" + a + ",\n" + b + "]")));
        List<String> v = verdicts(read("[\n" + a + ",\n{\"id\": x},\n" + b + "\n]\n"));
        assertEquals(3, v.size(), v.toString());
        assertEquals("ok A-1", v.get(0));
        assertTrue(v.get(1).startsWith("$: not valid JSON at line 3, column 9"), v.get(1));
        assertEquals("ok B-1", v.get(2));
        assertEquals(0, read("[]").size());
        assertEquals(0, read("  [ \n ]  \n").size());
    }

    @Test
    void aTruncatedOrSloppyArrayNamesEverySlot() {
        List<String> v = verdicts(read("[" + a + ","));
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.get(1).contains("the input ends inside the JSON array that starts at line 1"), v.get(1));
        v = verdicts(read("[" + a));
        assertEquals(1, v.size(), v.toString());
        assertTrue(v.get(0).contains("the input ends inside this element"), v.get(0));
        v = verdicts(read("[," + a + ",," + b + ",]"));
        assertEquals(5, v.size(), v.toString());
        assertTrue(v.get(0).contains("right after the array's '['"), v.get(0));
        assertTrue(v.get(2).contains("right after another ','"), v.get(2));
        assertTrue(v.get(4).contains("right before the array's closing ']'"), v.get(4));
    }

    @Test
    void twoObjectsOnALineOrAGarbageTailAreOneRejectedRecord() {
        assertEquals(List.of("$: a second JSON value starts at line 1, column " + (a.length() + 1) + ": NDJSON holds one claim object per line"),
                verdicts(read(a + b)));
        assertTrue(verdicts(read(a + " garbage")).get(0).startsWith("$: not valid JSON at line 1"));
        assertTrue(verdicts(read(a + ",")).get(0).startsWith("$: not valid JSON at line 1"));
        List<String> v = verdicts(read(a + "\n" + a + b + "\n" + b));
        assertEquals(3, v.size());
        assertTrue(v.get(1).startsWith("$: a second JSON value starts at line 2"), v.get(1));
    }

    @Test
    void aFirstObjectOverTheRecordBoundIsReadAgainAsNdjsonWithoutLosingAByte() {
        // the first line opens an object and holds exactly the bound; the LF after it was once dropped when the
        // scanner gave up on the object, which joined the first two lines into one record
        String first = "{\"id\":\"X\",\"pad\":\"" + "x".repeat(InputLimits.MAX_RECORD_BYTES - 17);
        assertEquals(InputLimits.MAX_RECORD_BYTES, first.length());
        List<String> v = verdicts(read(first + "\n" + a + "\n"));
        assertEquals(2, v.size(), v.toString());
        assertTrue(v.get(0).contains("because the object that starts at line 1 is longer than 65,536 bytes"), v.get(0));
        assertEquals("ok A-1", v.get(1));
    }

    @Test
    void aBareCarriageReturnIsWhiteSpaceInsideALineNotALineEnd() {
        String withCr = a.replace(",\"harm\"", ",\r\"harm\"");
        assertEquals(List.of("ok A-1"), verdicts(read(withCr)));
        assertEquals(List.of("$: a second JSON value starts at line 1, column " + (a.length() + 2) + ": NDJSON holds one claim object per line"),
                verdicts(read(a + "\r" + b)));
    }

    @Test
    void aDuplicateKeyIsRefusedWithItsPathNeverReadAsTheLastOne() {
        String twice = a.replace("\"monthlyFeeKrw\":4900", "\"monthlyFeeKrw\":-1,\"monthlyFeeKrw\":4900");
        List<ClaimInput> in = read(twice);
        assertFalse(in.get(0).valid());
        assertEquals("subscription.monthlyFeeKrw", in.get(0).rejection().field());
        assertTrue(in.get(0).rejection().reason().contains("appears twice"), in.get(0).rejection().reason());
    }

    @Test
    void invalidUtf8IsRefusedWithItsByteOffsetAndLineNeverReplaced() {
        byte[] line1 = (a + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] line2 = b.replace("streaming-club", "streaming\u00e9club").getBytes(StandardCharsets.UTF_8);
        int at = -1;
        for (int i = 0; i < line2.length; i++) if ((line2[i] & 0xFF) == 0xC3) at = i;
        line2[at] = (byte) 0xFF;
        byte[] input = new byte[line1.length + line2.length];
        System.arraycopy(line1, 0, input, 0, line1.length);
        System.arraycopy(line2, 0, input, line1.length, line2.length);
        List<String> v = verdicts(read(input));
        assertEquals("ok A-1", v.get(0));
        assertEquals("$: not valid UTF-8: the byte 0xFF at byte offset " + (line1.length + at) + " (line 2) does not belong to a valid UTF-8 sequence;"
                + " claims are read as UTF-8 only", v.get(1));
    }

    @Test
    void deepNestingIsARejectionNamingTheFieldNotAStackOverflow() {
        String deep = a.replaceFirst("}$", ",\"usage\":{\"x\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}}");
        List<ClaimInput> in = read(deep);
        assertEquals("usage", in.get(0).rejection().field());
        assertTrue(in.get(0).rejection().reason().startsWith("nested deeper than 64 levels at line 1"), in.get(0).rejection().reason());
        assertEquals("usage", body(deep).get(0).rejection().field());
    }

    @Test
    void aPrettyObjectThatIsNotValidJsonIsReadAsNdjsonSoNoLaterLineIsLost() {
        String broken = "{\n  \"id\": \"x\",\n" + a + "\n" + b + "\n";
        List<String> v = verdicts(read(broken));
        assertEquals(4, v.size(), v.toString());
        assertTrue(v.get(0).contains("read as NDJSON (one claim object per line) because the object that starts at line 1"), v.get(0));
        assertEquals("ok A-1", v.get(2));
        assertEquals("ok B-1", v.get(3));
    }

    @Test
    void aLeadingByteOrderMarkIsSkippedAndOneElsewhereIsRefused() {
        assertEquals(List.of("ok A-1"), verdicts(read("\uFEFF" + a)));
        List<String> v = verdicts(read(a + "\n\uFEFF" + b));
        assertTrue(v.get(1).startsWith("$: not valid JSON at line 2, column 1"), v.get(1));
    }

    @Test
    void aRecordOver64KiBIsRefusedWithoutHoldingIt() {
        String huge = a.replace("webtoon-pass", "w".repeat(5_000_000));
        List<String> v = verdicts(read(huge + "\n" + b));
        assertEquals(2, v.size());
        assertTrue(v.get(0).startsWith("$: the line is 5,000,"), v.get(0));
        assertTrue(v.get(0).endsWith("a record holds at most 65,536 bytes"), v.get(0));
        assertEquals("ok B-1", v.get(1));
    }

    @Test
    void aRequestBodyIsOneObjectOrOneArrayAndNothingElse() {
        assertEquals(List.of("ok K-0009"), verdicts(body(pretty)));
        assertEquals(List.of("ok A-1", "ok B-1"), verdicts(body("[" + a + "," + b + "]")));
        for (String bad : List.of("", "  ", "42", "\"x\"", a + "\n" + b, "[" + a + "] x", pretty + "{}")) {
            assertThrows(ClaimSource.NotClaimsException.class, () -> body(bad), bad);
        }
        assertTrue(body("{\"id\": ").get(0).rejection().reason().startsWith("the body ends inside the object"));
    }
}
