package io.bosang.engine;

import io.bosang.problem.Problem;

import java.nio.file.Path;
import java.util.List;

/**
 * What a candidate policy must pass, after it built, before {@link PolicyRegistry} lets it serve. The engine knows
 * only this interface; the checks behind it (scenarios, payout invariants) live above the engine and are wired in by
 * the process that serves ({@code io.bosang.check.PolicyCheckGate} in the service).
 */
public interface ReloadGate {
    /**
     * The problems that refuse {@code candidate}, built from {@code folder}; empty to let it serve. Runs on a reload
     * thread under a time limit and may be interrupted; it must not hold locks that serving needs.
     */
    List<Problem> check(Policy candidate, Path folder);

    /** Accepts whatever builds. */
    ReloadGate BUILD_ONLY = (candidate, folder) -> List.of();
}
