package io.bosang.engine;

import io.bosang.domain.Operator;
import io.bosang.domain.EndBasis;
import io.bosang.domain.*;
import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class MiniPolicySmokeTest {
    @Test
    void compilesAndAssesses() throws Exception {
        Policy policy = PolicyLoader.load(Path.of("src/test/resources/fixtures/mini"));
        OffsetDateTime start = OffsetDateTime.parse("2022-10-15T15:30:00+09:00");
        Service svc = new Service("vod", "VOD", ServiceCategory.VIDEO, PaymentModel.SUBSCRIPTION);
        Incident inc = new Incident("i", new Operator("example", "op"), "t", "c", FaultPosition.ORDINARY_NEGLIGENCE, "", start, null,
                List.of(svc), List.of(new Disruption("vod", start, start.plusHours(5), Severity.FULL, EndBasis.REPORTED, "")), List.of());
        Claim claim = new Claim("c1", new Claimant("u1", ClaimantKind.CONSUMER, "KR", null), inc, svc,
                new Subscription("p", 39000, BillingChannel.DIRECT, start.minusDays(3), null),
                HarmKind.SERVICE_UNAVAILABLE, start.plusDays(3), null, null, null);
        Assessment a = policy.assess(claim);
        assertEquals(Outcome.AWARD, a.outcome(), String.valueOf(a.rejection()));
        assertEquals(2, a.lines().size());
        assertEquals("MINI-01", a.lines().get(0).ruleId());
        assertEquals("PT15H", a.lines().get(0).extension().toString());
        assertEquals(3770, a.lines().get(1).amountKrw());
    }
}
