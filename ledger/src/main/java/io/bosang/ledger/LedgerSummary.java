package io.bosang.ledger;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The exposure of one policy's ledger so far.
 *
 * @param policyId         the policy
 * @param decisions        claims decided (replays are not decisions)
 * @param outcomes         decisions per outcome
 * @param monetaryKrw      money granted
 * @param nominalInKindKrw nominal value of in-kind items granted
 * @param extension        extension time granted, summed over decisions
 * @param pools            every limited pool drawn from, with its limit
 * @param versions         the policy versions that decided, in order of first decision, with their counts
 * @param topUps           top-up lines paid by re-assessments
 * @param topUpKrw         money of those top-ups
 * @param topUpNominalKrw  nominal in-kind value of those top-ups
 * @param erased           decisions whose claimant's personal data was erased
 */
@JsonPropertyOrder({"policyId", "decisions", "outcomes", "monetaryKrw", "nominalInKindKrw", "extension", "pools", "versions",
        "topUps", "topUpKrw", "topUpNominalKrw", "erased"})
public record LedgerSummary(String policyId, long decisions, Map<String, Long> outcomes, long monetaryKrw, long nominalInKindKrw,
                            Duration extension, List<PoolDrawn> pools, List<Version> versions, long topUps, long topUpKrw,
                            long topUpNominalKrw, long erased) {
    @JsonPropertyOrder({"pool", "drawn", "limit"})
    public record PoolDrawn(String pool, long drawn, long limit) {
    }

    @JsonPropertyOrder({"version", "contentHash", "decisions"})
    public record Version(String version, String contentHash, long decisions) {
    }
}
