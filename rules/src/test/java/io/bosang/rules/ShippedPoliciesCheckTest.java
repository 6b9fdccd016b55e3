package io.bosang.rules;

import io.bosang.check.InvariantResult;
import io.bosang.check.PolicyCheck;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code bosang check} passes on every shipped policy: it builds, its scenarios pass, and every payout invariant its
 * policy.yaml declares holds on generated claims. A content edit that breaks a declared law fails the build here.
 */
class ShippedPoliciesCheckTest {
    @TestFactory
    List<DynamicTest> everyShippedPolicyPassesItsCheck() throws Exception {
        IncidentCatalog incidents = IncidentCatalog.classpath();
        return PolicyLoader.available().stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            PolicyCheck.Report r = PolicyCheck.run(Path.of("src/main/resources/policies", id).toString(),
                    Path.of("src/test/resources/policies", id, "scenarios"), incidents, new PolicyCheck.Settings(60, 11L));
            assertFalse(r.invariants().isEmpty(), id + " declares no invariants");
            assertTrue(r.passed(), () -> id + ": " + r.problems() + " " + r.invariants().stream().filter(InvariantResult::failsCheck).toList());
            for (InvariantResult i : r.invariants()) {
                if (i.declared()) assertEquals(InvariantResult.Status.HELD, i.status(), () -> id + ": declared " + i.invariant() + " " + i.status() + " " + i.message());
            }
            boolean awards = !r.invariants().stream().anyMatch(i -> i.invariant().equals("no-money"));
            if (awards) {
                assertTrue(r.invariants().stream().anyMatch(i -> i.invariant().equals("no-double-payment") && i.declared()),
                        id + " gives awards but does not declare no-double-payment");
            }
        })).toList();
    }
}
