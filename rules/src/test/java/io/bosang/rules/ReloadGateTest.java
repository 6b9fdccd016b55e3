package io.bosang.rules;

import io.bosang.check.PolicyCheckGate;
import io.bosang.check.WorkingCopy;
import io.bosang.engine.PolicyLoader;
import io.bosang.engine.PolicyRegistry;
import io.bosang.incident.IncidentCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running registry refuses an edit that compiles but breaks a payout law its policy declares, and keeps serving the
 * old version: the reload gate runs the folder's scenarios and invariants, as {@code bosang check} does.
 */
class ReloadGateTest {
    @Test
    void anEditThatBreaksAnInvariantIsRefusedWhileTheOldVersionServes(@TempDir Path tmp) throws Exception {
        Path rules = tmp.resolve("rules");
        Path copy = WorkingCopy.of(Path.of("src/main/resources/policies/content-user-protection"), rules);
        WorkingCopy.of(Path.of("src/test/resources/policies/content-user-protection/scenarios"), copy);
        IncidentCatalog incidents = IncidentCatalog.classpath();
        try (PolicyRegistry registry = new PolicyRegistry(List.of(PolicyLoader.load(copy)), rules, PolicyRegistry.Served.only(List.of("content-user-protection")),
                new PolicyCheckGate(incidents), PolicyRegistry.DEFAULT_RELOAD_TIMEOUT)) {
            String serving = registry.current("content-user-protection").contentHash();

            // The analyst "simplifies" the rule so that a larger multiplier gives a shorter extension: it compiles,
            // no scenario with the default multiplier notices, but monotone-in-parameter does.
            WorkingCopy.edit(copy, "extension.drl", "Duration ext = Hours.times($s.counted, m.decimal());",
                    "Duration ext = Hours.times($s.counted, java.math.BigDecimal.valueOf(9).divide(m.decimal(), 6, java.math.RoundingMode.DOWN));");
            PolicyRegistry.Reload refused = registry.reload("content-user-protection");
            assertFalse(refused.accepted());
            assertTrue(refused.problems().stream().anyMatch(p -> p.key().equals("monotone-in-parameter:no_notice_multiplier")
                    && p.message().startsWith("invariant broken:")), refused.problems().toString());
            assertEquals(serving, registry.current("content-user-protection").contentHash(), "the old version keeps serving");

            WorkingCopy.edit(copy, "extension.drl",
                    "Duration ext = Hours.times($s.counted, java.math.BigDecimal.valueOf(9).divide(m.decimal(), 6, java.math.RoundingMode.DOWN));",
                    "Duration ext = Hours.times($s.counted, m.decimal());   // restored");
            PolicyRegistry.Reload accepted = registry.reload("content-user-protection");
            assertTrue(accepted.accepted(), accepted.problems().toString());
        }
    }
}
