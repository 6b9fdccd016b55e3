package io.bosang.cli;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.problem.PolicyBuildException;
import picocli.CommandLine.Option;

/** {@code --policy ID|DIR}, one grammar for every command that runs one policy, and the one place that loads it. */
final class PolicyOption {
    @Option(names = "--policy", required = true, paramLabel = "ID|DIR",
            description = "A shipped policy id (see 'bosang policies') or a policy folder (an analyst's working copy).")
    String policy;

    Policy load() throws PolicyBuildException {
        return PolicyLoader.resolve(policy);
    }
}
