package io.bosang.service;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyRegistry;
import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs a request's claims through one policy snapshot: the {@link Policy} is taken from the registry once, before
 * the first claim, so a reload during the batch cannot mix versions in one response. Duplicates and limited
 * quantities are settled within the batch, in its order.
 */
@Service
public class AssessmentService {
    private final PolicyRegistry registry;
    private final MeterRegistry meters;

    public AssessmentService(PolicyRegistry registry, MeterRegistry meters) {
        this.registry = registry;
        this.meters = meters;
    }

    /** The serving policy {@code id}, or 404 naming the ones available. */
    public Policy policy(String id) {
        if (id == null || id.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "policy", "is required; one of " + String.join(", ", registry.ids()));
        }
        return registry.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "policy",
                "no policy '" + id + "'; available: " + String.join(", ", registry.ids())));
    }

    /** One assessment per input, in input order, all from {@code policy}. */
    public List<Assessment> assess(Policy policy, List<ClaimInput> inputs) {
        List<Assessment> out = new ArrayList<>(inputs.size());
        new BatchAssessor(policy, 1).run(inputs.iterator(), out::add);
        for (Assessment a : out) {
            if (a.outcome() == Outcome.REJECTED) {
                meters.counter("bosang.claims.rejected", "policy", policy.id()).increment();
            } else {
                meters.counter("bosang.claims.assessed", "policy", policy.id(), "outcome", a.outcome().name()).increment();
            }
        }
        return out;
    }
}
