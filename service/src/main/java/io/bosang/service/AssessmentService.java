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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a request's claims through one policy snapshot: the {@link Policy} is taken from the registry once, before
 * the first claim, so a reload during the batch cannot mix versions in one response. Duplicates and limited
 * quantities are settled within the batch, in its order. A request's assessments run under one deadline
 * ({@link AssessmentDeadline}): past it the request gets 503 naming the policy and the claim being assessed.
 */
@Service
public class AssessmentService {
    private final PolicyRegistry registry;
    private final MeterRegistry meters;
    private final AssessmentDeadline deadline;

    public AssessmentService(PolicyRegistry registry, MeterRegistry meters, AssessmentDeadline deadline) {
        this.registry = registry;
        this.meters = meters;
        this.deadline = deadline;
    }

    /** The serving policy {@code id}, or 404 naming the ones available. */
    public Policy policy(String id) {
        if (id == null || id.isBlank()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "policy", "is required; one of " + String.join(", ", registry.ids()));
        }
        return registry.find(id).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "policy",
                "no policy '" + id + "'; available: " + String.join(", ", registry.ids())));
    }

    /** One assessment per input, in input order, all from {@code policy}, within the request deadline. */
    public List<Assessment> assess(Policy policy, List<ClaimInput> inputs) {
        return deadline.run(policy.id(), progress -> assess(policy, inputs, progress));
    }

    /** Per policy, in the order given, one assessment per input: all of them within one request deadline. */
    public Map<String, List<Assessment>> assessEach(List<Policy> policies, List<ClaimInput> inputs) {
        return deadline.run(policies.get(0).id(), progress -> {
            Map<String, List<Assessment>> byPolicy = new LinkedHashMap<>();
            for (Policy p : policies) byPolicy.put(p.id(), assess(p, inputs, progress));
            return byPolicy;
        });
    }

    private List<Assessment> assess(Policy policy, List<ClaimInput> inputs, AssessmentDeadline.Progress progress) {
        List<Assessment> out = new ArrayList<>(inputs.size());
        // Each claim is handed over just before it is assessed, so the progress names the claim in the engine.
        Iterator<ClaimInput> it = inputs.iterator();
        Iterator<Supplier<ClaimInput>> claims = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Supplier<ClaimInput> next() {
                ClaimInput in = it.next();
                return () -> {
                    progress.at(policy.id(), in.record(), in.claimId());
                    return in;
                };
            }
        };
        new BatchAssessor(policy, 1).run(claims, a -> null, (a, none) -> out.add(a), n -> { });
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
