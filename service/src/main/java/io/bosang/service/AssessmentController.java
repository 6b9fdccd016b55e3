package io.bosang.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.compare.ClaimValue;
import io.bosang.compare.PolicyComparison;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.json.ClaimReader;
import io.bosang.result.Assessment;
import io.bosang.result.Outcome;
import io.bosang.result.PolicyStamp;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assess claims under one policy, or compare policies claim by claim. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "assessments", description = "stateless what-if: assess or compare claims, nothing kept")
public class AssessmentController {
    static final int MAX_COMPARED_POLICIES = 8;
    private final AssessmentService service;
    private final ClaimReader reader;
    private final BosangProperties props;

    public AssessmentController(AssessmentService service, ClaimReader reader, BosangProperties props) {
        this.service = service;
        this.reader = reader;
        this.props = props;
    }

    @Operation(summary = "Assess one claim or a batch under one policy",
            description = "The body is one claim object or a JSON array of claims, in the claim.schema.json format (the lines of "
                    + "samples/kakao-2022-10-15-claims.ndjson). The response holds one assessment per input record, in input order, "
                    + "each naming the policy version (id, version, content hash) that produced it; a whole batch is assessed by one "
                    + "version. In a batch, a malformed claim is a REJECTED assessment naming its field; a single malformed claim is a "
                    + "400 {field, reason}.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = OpenApiConfig.CLAIM_OR_BATCH))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "one assessment per input record"),
                    @ApiResponse(responseCode = "400", description = "invalid JSON, a single invalid claim, too many claims",
                            content = @Content(schema = @Schema(implementation = ApiError.class))),
                    @ApiResponse(responseCode = "404", description = "unknown policy", content = @Content(schema = @Schema(implementation = ApiError.class))),
                    @ApiResponse(responseCode = "413", description = "body larger than bosang.max-request-bytes",
                            content = @Content(schema = @Schema(implementation = ApiError.class)))})
    @PostMapping(path = "/v1/assessments", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public AssessmentsResponse assess(@Parameter(description = "policy id, e.g. kakao-1015-2022") @RequestParam("policy") String policyId,
                                      HttpServletRequest request) {
        Policy policy = service.policy(policyId); // the one snapshot this request uses
        ClaimsRequest claims = ClaimsRequest.read(request, reader, props);
        refuseSingleInvalid(claims);
        List<Assessment> out = service.assess(policy, claims.inputs());
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        out.forEach(a -> outcomes.merge(a.outcome(), 1L, Long::sum));
        return new AssessmentsResponse(policy.stamp(), out.size(), outcomes, out);
    }

    @Operation(summary = "Compare policies claim by claim",
            description = "Assesses the same claims under each policy (each one snapshot) and gives, per claim, every policy's assessment "
                    + "in the order asked, with the policies giving the largest and the smallest value (money plus nominal in-kind KRW).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = OpenApiConfig.CLAIM_OR_BATCH))))
    @PostMapping(path = "/v1/comparisons", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ComparisonsResponse compare(@Parameter(description = "comma-separated policy ids, e.g. kakao-1015-2022,content-user-protection")
                                       @RequestParam("policies") String policyIds,
                                       HttpServletRequest request) {
        List<String> ids = Arrays.stream(policyIds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (ids.size() < 2 || ids.size() > MAX_COMPARED_POLICIES) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "policies", "name 2 to " + MAX_COMPARED_POLICIES + " distinct policy ids, comma-separated");
        }
        List<Policy> policies = ids.stream().map(service::policy).toList();
        ClaimsRequest claims = ClaimsRequest.read(request, reader, props);
        refuseSingleInvalid(claims);
        Map<String, List<Assessment>> byPolicy = new LinkedHashMap<>();
        for (Policy p : policies) byPolicy.put(p.id(), service.assess(p, claims.inputs()));
        // The same comparison as `bosang compare` and PolicyComparison in Java: ranking, "why" and totals per policy.
        List<List<ClaimValue>> runs = new ArrayList<>();
        for (Policy p : policies) runs.add(byPolicy.get(p.id()).stream().map(ClaimValue::of).toList());
        List<PolicyComparison.Row> ranked = new ArrayList<>(claims.inputs().size());
        PolicyComparison.Summary summary = PolicyComparison.combine(policies, runs, ranked::add);
        List<ClaimComparison> rows = new ArrayList<>(claims.inputs().size());
        for (int i = 0; i < claims.inputs().size(); i++) {
            ClaimInput in = claims.inputs().get(i);
            List<Assessment> side = new ArrayList<>(policies.size());
            for (Policy p : policies) side.add(byPolicy.get(p.id()).get(i));
            rows.add(ClaimComparison.of(in, side, ranked.get(i)));
        }
        return new ComparisonsResponse(policies.stream().map(Policy::stamp).toList(), rows.size(), summary.policies(), rows);
    }

    private static void refuseSingleInvalid(ClaimsRequest claims) {
        if (claims.single() && !claims.inputs().get(0).valid()) {
            var r = claims.inputs().get(0).rejection();
            throw new ApiException(HttpStatus.BAD_REQUEST, r.field(), r.reason());
        }
    }

    /**
     * @param policy      the policy version that produced every assessment of this response
     * @param records     how many input records (= assessments)
     * @param outcomes    assessments per outcome
     * @param assessments one per input record, in input order
     */
    @JsonPropertyOrder({"policy", "records", "outcomes", "assessments"})
    public record AssessmentsResponse(PolicyStamp policy, int records, Map<Outcome, Long> outcomes, List<Assessment> assessments) {
        @Override
        public String toString() {
            return "AssessmentsResponse[" + policy.id() + " " + policy.contentHash() + ", " + records + " records]";
        }
    }

    /**
     * @param policies the policy versions compared, in the order asked
     * @param records  how many input records
     * @param claims   one row per input record, in input order
     */
    @JsonPropertyOrder({"policies", "records", "totals", "claims"})
    public record ComparisonsResponse(List<PolicyStamp> policies, int records, List<PolicyComparison.PolicyTotal> totals,
                                      List<ClaimComparison> claims) {
        @Override
        public String toString() {
            return "ComparisonsResponse[" + policies.size() + " policies, " + records + " records]";
        }
    }

    /**
     * One claim under each policy.
     *
     * @param largest  the policy giving the most value, then the longest extension (first asked of a tie); absent when
     *                 the record was rejected
     * @param smallest the policy giving the least value, then the shortest extension (first asked of a tie); absent
     *                 when the record was rejected
     */
    @JsonPropertyOrder({"record", "claimId", "largest", "smallest", "why", "assessments"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ClaimComparison(long record, String claimId, Ranked largest, Ranked smallest, String why, List<Assessment> assessments) {
        /**
         * Takes the ranking of {@link PolicyComparison} (money plus nominal in-kind value, then extension time). When
         * every policy gives the same, the policy asked first stands for both ends.
         */
        static ClaimComparison of(ClaimInput in, List<Assessment> side, PolicyComparison.Row row) {
            Assessment max = null;
            Assessment min = null;
            if (in.valid()) {
                max = row.largest().isEmpty() ? side.get(0) : byPolicy(side, row.largest());
                min = row.smallest().isEmpty() ? side.get(0) : byPolicy(side, row.smallest());
            }
            return new ClaimComparison(in.record(), in.claimId(), Ranked.of(max), Ranked.of(min), row.why(), side);
        }

        private static Assessment byPolicy(List<Assessment> side, String policyId) {
            return side.stream().filter(a -> a.policy().id().equals(policyId)).findFirst().orElseThrow();
        }

        @Override
        public String toString() {
            return "ClaimComparison[record " + record + "]";
        }
    }

    /** A policy's totals for one claim; {@code valueKrw} is money plus nominal in-kind value, the figure ranked by. */
    @JsonPropertyOrder({"policy", "valueKrw", "monetaryKrw", "nominalInKindKrw", "extension"})
    public record Ranked(String policy, long valueKrw, long monetaryKrw, long nominalInKindKrw, Duration extension) {
        static Ranked of(Assessment a) {
            return a == null ? null : new Ranked(a.policy().id(), a.totals().valueKrw(), a.totals().monetaryKrw(),
                    a.totals().nominalInKindKrw(), a.totals().extension());
        }
    }
}
