package io.bosang.rules;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** KRW arithmetic is exact or refuses: never a wrapped-around amount, never a second rounding. */
@Timeout(60)
class KrwTest {
    @Test
    void multiplyingOrAddingPastALongIsAnErrorNamingTheComputation() {
        // 2305843009213693953 × 5,000 wraps around to exactly 5,000 in long arithmetic
        assertEquals(5_000L, 2305843009213693953L * 5_000L);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Krw.multiply(5_000, 2305843009213693953L));
        assertEquals("KRW overflow: 5,000 × 2,305,843,009,213,693,953 is beyond 9,223,372,036,854,775,807 won; no amount is paid on a wrapped-around number",
                e.getMessage());
        assertThrows(ArithmeticException.class, () -> Krw.add(Long.MAX_VALUE, 1));
        assertThrows(ArithmeticException.class, () -> Krw.times(2305843009213693953L, "nights", 5_000));
        assertEquals(15_000, Krw.multiply(5_000, 3));
        assertEquals(4_900 + 1_000, Krw.add(4_900, 1_000));
        assertEquals(new Computed(15_000, "3 nights × 5,000 = 15,000"), Krw.times(3, "nights", 5_000));
    }

    @Test
    void proratingOrRoundingPastALongIsAnErrorNotAWrappedAmount() {
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Krw.prorate(Long.MAX_VALUE, 3, 1, 10, "HALF_UP"));
        assertTrue(e.getMessage().startsWith("KRW overflow: 9,223,372,036,854,775,807 × 3 / 1 is beyond"), e.getMessage());
        assertThrows(ArithmeticException.class, () -> Krw.times(Long.MAX_VALUE, new BigDecimal("1.5"), 1, "DOWN"));
    }

    @Test
    void proratingRoundsTheExactFractionOnceNeverAQuotientRoundedOnTheWay() {
        // 1 × 1 / 10^11 is a little above zero: rounded up once it is 1 won; rounding the quotient to 10 places first gave 0
        assertEquals(1, Krw.prorate(1, 1, 100_000_000_000L, 1, "UP").value());
        assertEquals(0, Krw.prorate(1, 1, 100_000_000_000L, 1, "DOWN").value());
        assertEquals(new Computed(7_550, "39,000 × 6 / 31 = 7,548.39 → 7,550 (rounded half up to 10 won)"), Krw.prorate(39_000, 6, 31, 10, "HALF_UP"));
        assertEquals(new Computed(7_800, "39,000 × 6 / 30 = 7,800"), Krw.prorate(39_000, 6, 30, 10, "HALF_UP"));
    }

    @Test
    void aClaimWhoseAmountOverflowsIsAnErrorForThatClaimOnlyWithAClearMessage() throws Exception {
        Policy policy = PolicyLoader.load(Path.of("src/test/resources/fixtures/overflow"));
        IncidentCatalog incidents = IncidentCatalog.classpath().withFile(Path.of("../rules/src/main/resources/incidents/kakao-2022-10-15.yaml"));
        String claim = "{\"id\":\"%s\",\"incident\":\"kakao-2022-10-15\",\"service\":\"kakao-t-chauffeur\",\"claimant\":{\"id\":\"U-%s\",\"kind\":"
                + "\"PLATFORM_WORKER\"},\"harm\":\"LOST_INCOME\",\"filedAt\":\"2022-10-25T10:00:00+09:00\",\"usage\":{\"nights\":%d}}";
        String input = String.format(claim, "N-1", "1", 3) + "\n" + String.format(claim, "N-2", "2", 1_000_000_000) + "\n"
                + String.format(claim, "N-3", "3", 2) + "\n";
        List<Assessment> out = new ArrayList<>();
        try (ClaimSource s = ClaimSource.open(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), new ClaimReader(incidents))) {
            new BatchAssessor(policy, 2).run(s, out::add);
        }
        assertEquals(List.of(Outcome.AWARD, Outcome.ERROR, Outcome.AWARD), out.stream().map(Assessment::outcome).toList());
        assertEquals(30_000_000_000_000L, out.get(0).totals().monetaryKrw());
        assertEquals(0, out.get(1).totals().monetaryKrw());
        assertTrue(out.get(1).lines().isEmpty());
        String reason = out.get(1).rejection().reason();
        assertTrue(reason.contains("KRW overflow: 1,000,000,000 nights × 10,000,000,000,000 is beyond 9,223,372,036,854,775,807 won"), reason);
        assertEquals(20_000_000_000_000L, out.get(2).totals().monetaryKrw());
    }
}
