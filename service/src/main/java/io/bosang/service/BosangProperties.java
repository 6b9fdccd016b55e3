package io.bosang.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The service's settings, under {@code bosang.*}.
 *
 * @param rulesDir        optional directory of policy folders ({@code <dir>/<id>/policy.yaml}); they replace shipped
 *                        policies of the same id and are the source of {@code POST /v1/policies/{id}/reload}
 * @param rulesPolicies   the policy folders of {@code rulesDir} this process serves, by id; a folder not listed is
 *                        neither loaded nor reloaded (a folder dropped into the directory is not served)
 * @param rulesServeAll   serve every folder of {@code rulesDir}; only when the operator says so
 * @param reloadTimeout   how long one reload's build and checks may take before it is refused
 * @param watch           whether to poll {@code rulesDir} and reload a folder when its content changes
 * @param watchInterval   how often to poll
 * @param incidents       extra incident YAML files, added to the shipped incidents (a file wins over a shipped id)
 * @param maxRequestBytes largest accepted request body; larger requests get 413
 * @param maxBatchSize    most claims in one request; more get 400
 * @param adminToken      when set, the reload endpoint requires {@code Authorization: Bearer <token>}
 */
@ConfigurationProperties("bosang")
public record BosangProperties(
        Path rulesDir,
        @DefaultValue List<String> rulesPolicies,
        @DefaultValue("false") boolean rulesServeAll,
        @DefaultValue("2m") Duration reloadTimeout,
        @DefaultValue("true") boolean watch,
        @DefaultValue("2s") Duration watchInterval,
        @DefaultValue List<Path> incidents,
        @DefaultValue("2MB") DataSize maxRequestBytes,
        @DefaultValue("1000") int maxBatchSize,
        String adminToken) {
}
