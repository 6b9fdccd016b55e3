package io.bosang.rules;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.scenario.ScenarioResult;
import io.bosang.scenario.ScenarioRunner;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs every scenario file of every shipped policy: one dynamic test per scenario, named by its sentence. */
class ScenarioTest {
    private static final Path SCENARIOS = Path.of("src/test/resources/policies");

    @TestFactory
    List<DynamicNode> everyScenarioOfEveryPolicy() throws Exception {
        ScenarioRunner runner = new ScenarioRunner(IncidentCatalog.classpath());
        List<DynamicNode> policies = new ArrayList<>();
        for (String id : PolicyLoader.available()) {
            Policy policy = PolicyLoader.load(id);
            List<DynamicNode> tests = new ArrayList<>();
            for (Path file : ScenarioRunner.files(SCENARIOS.resolve(id).resolve("scenarios"))) {
                for (ScenarioResult r : runner.run(policy, file, SCENARIOS.relativize(file).toString())) {
                    tests.add(DynamicTest.dynamicTest(r.name(), () -> assertTrue(r.passed(), r.toString())));
                }
            }
            policies.add(DynamicContainer.dynamicContainer(id, tests));
        }
        return policies;
    }

    @Test
    void everyShippedPolicyHasScenarios() {
        List<String> ids = PolicyLoader.available();
        assertFalse(ids.isEmpty(), "no policies on the classpath");
        for (String id : ids) {
            assertFalse(ScenarioRunner.files(SCENARIOS.resolve(id).resolve("scenarios")).isEmpty(),
                    "policy " + id + " has no scenario files under " + SCENARIOS.resolve(id).resolve("scenarios"));
        }
    }

    @Test
    void shippedIncidentsLoad() throws Exception {
        IncidentCatalog incidents = IncidentCatalog.classpath();
        assertTrue(incidents.find("kakao-2022-10-15").isPresent());
        assertEquals(127 * 60 + 30, io.bosang.rules.ServiceOutage.of(incidents.find("kakao-2022-10-15").get(), "kakao-all",
                PolicyCalendar.SEOUL, java.util.EnumSet.of(io.bosang.domain.Severity.FULL)).totalMinutes());
        assertTrue(Files.isDirectory(SCENARIOS));
    }
}
