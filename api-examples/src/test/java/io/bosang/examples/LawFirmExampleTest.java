package io.bosang.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LawFirmExampleTest {
    @Test
    void putsTheCompanysOfferBesideTheGuidelinesAndExplainsTheClientsClaimInKorean() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int code = LawFirmExample.run(new String[]{"../samples/kakao-2022-10-15-claims.ndjson", "K-0022",
                "kakao-1015-2022", "content-user-protection", "kcdrs-online-content", "civil-damages-estimate"},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertEquals(0, code, text);
        assertTrue(lines.get(0).startsWith("claim") && lines.get(0).contains("civil-damages-estimate"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("K-0009") && l.contains("3,000 +72h") && l.contains("0 +46h")
                && l.endsWith("civil-damages-estimate gives 0 KRW by NO_PROOF_OF_USE+LITIGATION_ESTIMATE")), text);
        assertTrue(lines.contains("kakao-1015-2022: 636,150 KRW over 40 claims, largest for 28"), text);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("civil-damages-estimate: 0 KRW over 40 claims, largest for 0 — Litigation estimate")), text);
        assertTrue(text.contains("청구 K-0022"), text);
        assertTrue(text.contains("결과: 보상 대상. 금전 7,550원"), text);
        assertTrue(text.contains("   근거: Kakao Mobility compensation: ProMembership 7,550"), text);
        assertTrue(text.contains("     출처: 카카오모빌리티 장애 보상 (택시·대리 기사, 가맹택시) — 보상안, 카카오모빌리티, 2022-10-20"), text);
    }
}
