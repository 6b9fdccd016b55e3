package io.bosang.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClaimsBackendExampleTest {
    @Test
    void streamsTheSampleAndExplainsEachClaim() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = ClaimsBackendExample.run(new String[]{"content-user-protection", "../samples/kakao-2022-10-15-claims.ndjson"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(41, lines.size(), "40 records and a summary");
        assertEquals(1, code, "the sample holds 3 malformed records");
        assertEquals("#1 K-0001 NO_AWARD (FREE_SERVICE)", lines.get(0));
        assertEquals("#9 K-0009 AWARD 46 h 30 min extension [CUPG-EXT-01: 15 h 30 min of full stoppage × 3 = 46 h 30 min"
                + " (1 window: 15 Oct 15:30–16 Oct 07:00 KST (full))]", lines.get(8));
        assertTrue(lines.get(20).startsWith("#21 null REJECTED $: not valid JSON"), lines.get(20));
        assertEquals("#40 K-0040 NO_AWARD (DUPLICATE_CLAIM)", lines.get(39));
        assertTrue(lines.get(40).startsWith("content-user-protection 2026.11-1: 40 records; 14 award, 23 no award, 0 manual review, 3 rejected"), lines.get(40));
    }
}
