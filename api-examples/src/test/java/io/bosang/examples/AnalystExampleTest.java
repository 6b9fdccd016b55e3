package io.bosang.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalystExampleTest {
    static final String POLICY = "../rules/src/main/resources/policies/kakao-1015-2022";
    static final String SCENARIOS = "../rules/src/test/resources/policies/kakao-1015-2022/scenarios";
    static final String SAMPLE = "../samples/kakao-2022-10-15-claims.ndjson";

    @Test
    void raisingTheMobilityMultiplierIsValidButChangesTheScenariosThatPinThePublishedFigure(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = AnalystExample.run(new String[]{POLICY, SCENARIOS, "parameters/mobility/days_multiplier.yaml", "4", SAMPLE, tmp.toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(1, code, "the published 7,550 no longer holds, so check fails: " + text);
        assertTrue(text.startsWith("edited parameters/mobility/days_multiplier.yaml: 3 → 4\n"), text);
        assertTrue(!text.contains("problem "), "the edit itself is valid: " + text);
        assertTrue(text.contains("scenario no longer holds:"), text);
        assertTrue(text.contains("diff: 2 of 40 claims change; cost 636,150 → 640,080 KRW (+3,930)"), text);
        assertTrue(text.contains("  K1015-MOB-01 on 2 claims: +3,930 KRW"), text);
        assertTrue(text.contains("  K-0022: 7,550 → 10,060 KRW via mobility.days_multiplier"), text);
    }

    @Test
    void aValidEditThatKeepsEveryLawPassesTheCheck(@TempDir Path tmp) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = AnalystExample.run(new String[]{POLICY, SCENARIOS, "parameters/small_business/talk_channel_cash_krw.yaml", "50000", SAMPLE,
                tmp.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("diff: 0 of 40 claims change; cost 636,150 → 636,150 KRW (+0)"), text);
    }
}
