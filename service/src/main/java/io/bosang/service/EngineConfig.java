package io.bosang.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.bosang.check.PolicyCheckGate;
import io.bosang.engine.PolicyRegistry;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.Json;
import io.bosang.problem.PolicyBuildException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import java.nio.file.Path;

/** The engine as shared beans: one incident catalogue, one claim reader, one policy registry for the process. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BosangProperties.class)
public class EngineConfig {
    private static final Logger LOG = LoggerFactory.getLogger(EngineConfig.class);

    /** Bosang's one JSON configuration, so the service writes assessments byte-for-byte as the CLI does. */
    @Bean
    @Primary
    ObjectMapper objectMapper() {
        return Json.mapper();
    }

    @Bean
    IncidentCatalog incidentCatalog(BosangProperties props) throws PolicyBuildException {
        IncidentCatalog catalog = IncidentCatalog.classpath();
        for (Path file : props.incidents()) catalog = catalog.withFile(file);
        return catalog;
    }

    @Bean
    ClaimReader claimReader(IncidentCatalog incidents) {
        return new ClaimReader(incidents);
    }

    @Bean(destroyMethod = "close")
    PolicyRegistry policyRegistry(BosangProperties props, IncidentCatalog incidents, MeterRegistry meters) throws PolicyBuildException {
        PolicyRegistry.Served served = props.rulesServeAll() ? PolicyRegistry.Served.ALL : PolicyRegistry.Served.only(props.rulesPolicies());
        PolicyRegistry registry = PolicyRegistry.load(props.rulesDir(), served, new PolicyCheckGate(incidents), props.reloadTimeout());
        registry.addListener(r -> {
            meters.counter("bosang.reloads", "policy", r.policyId(), "result", r.accepted() ? "accepted" : "refused").increment();
            if (r.accepted()) {
                LOG.info("policy {} reload accepted: {} -> {}{}", r.policyId(), r.previous() == null ? "none" : r.previous().contentHash(),
                        r.current().contentHash(), r.changed() ? "" : " (unchanged)");
            } else {
                // Problems name policy files and lines, never claims.
                LOG.warn("policy {} reload refused with {} problem(s); still serving {}: {}", r.policyId(), r.problems().size(),
                        r.current() == null ? "nothing" : r.current().contentHash(), r.problems());
            }
        });
        LOG.info("serving policies {} (rules dir: {})", registry.ids(), props.rulesDir() == null ? "none" : props.rulesDir().toAbsolutePath());
        if (!registry.unservedFolders().isEmpty()) {
            LOG.warn("not serving policy folders {} of {}: list them in bosang.rules-policies, or set bosang.rules-serve-all=true",
                    registry.unservedFolders(), props.rulesDir().toAbsolutePath());
        }
        if (props.rulesDir() != null && props.watch()) {
            registry.watch(props.watchInterval());
            LOG.info("watching {} every {}", props.rulesDir().toAbsolutePath(), props.watchInterval());
        }
        return registry;
    }

    @Bean
    HealthIndicator policiesHealthIndicator(PolicyRegistry registry) {
        return () -> {
            Health.Builder h = registry.all().isEmpty() ? Health.down() : Health.up();
            h.withDetail("policies", registry.ids())
                    .withDetail("reloadsAccepted", registry.reloadsAccepted())
                    .withDetail("reloadsRefused", registry.reloadsRefused())
                    .withDetail("watching", registry.watching());
            registry.watchStatus().ifPresent(w -> {
                h.withDetail("lastPoll", String.valueOf(w.lastPoll())).withDetail("polls", w.polls());
                if (w.lastError() != null) h.withDetail("lastWatchError", w.lastError()).withDetail("lastWatchErrorAt", String.valueOf(w.lastErrorAt()));
                if (w.stalled()) h.down().withDetail("watch", "stalled: no poll completed for three intervals");
            });
            return h.build();
        };
    }
}
