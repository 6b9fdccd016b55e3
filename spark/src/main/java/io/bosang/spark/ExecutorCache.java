package io.bosang.spark;

import io.bosang.engine.Policy;
import io.bosang.json.ClaimReader;
import io.bosang.problem.PolicyBuildException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an executor JVM builds once and shares across its tasks and task threads: each policy, compiled once per
 * {@link PolicySpec#cacheKey() id and content hash} (a what-if copy shares the compiled rules of its base), and the
 * claim reader of each incident set. {@link Policy} and {@link ClaimReader} are thread-safe.
 */
final class ExecutorCache {
    private static final Map<String, Policy> POLICIES = new ConcurrentHashMap<>();
    private static final Map<IncidentFiles, ClaimReader> READERS = new ConcurrentHashMap<>();

    private ExecutorCache() {
    }

    static Policy policy(PolicySpec spec) {
        return POLICIES.computeIfAbsent(spec.cacheKey(), k -> {
            try {
                return spec.build();
            } catch (PolicyBuildException e) {
                throw new IllegalStateException("an executor could not build " + spec + ": " + e.getMessage(), e);
            }
        });
    }

    /**
     * The driver's own build of a shipped policy: where the driver is also the executor (local[N]) it is not
     * compiled a second time. Executors in other JVMs build their own. Returns {@code spec}.
     */
    static PolicySpec seed(PolicySpec spec, Policy built) {
        POLICIES.putIfAbsent(spec.cacheKey(), built);
        return spec;
    }

    static ClaimReader reader(IncidentFiles incidents) {
        return READERS.computeIfAbsent(incidents, k -> {
            try {
                return new ClaimReader(k.catalog());
            } catch (PolicyBuildException e) {
                throw new IllegalStateException("an executor could not read the incidents: " + e.getMessage(), e);
            }
        });
    }
}
