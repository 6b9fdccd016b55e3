package io.bosang.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.engine.Policy;
import io.bosang.json.ClaimReader;
import io.bosang.ledger.ClaimantEntitlements;
import io.bosang.ledger.Ledger;
import io.bosang.ledger.LedgerSummary;
import io.bosang.ledger.Reassessment;
import io.bosang.ledger.Recorded;
import io.bosang.ledger.StoredDecision;
import io.bosang.result.PolicyStamp;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The claims ledger over HTTP: record and decide claims once, read what was decided and granted, the exposure so far,
 * and (admin) re-assess under a revised version, export or erase one claimant.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "ledger", description = "the claims ledger: decisions recorded once, kept across requests and restarts")
public class LedgerController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LedgerController.class);
    private final Ledger ledger;
    private final AssessmentService service;
    private final ClaimReader reader;
    private final BosangProperties props;
    private final MeterRegistry meters;
    private final AssessmentDeadline deadline;

    public LedgerController(Ledger ledger, AssessmentService service, ClaimReader reader, BosangProperties props, MeterRegistry meters,
                            AssessmentDeadline deadline) {
        this.deadline = deadline;
        this.ledger = ledger;
        this.service = service;
        this.reader = reader;
        this.props = props;
        this.meters = meters;
    }

    @Operation(summary = "Record and decide one claim or a batch, once",
            description = "Each claim is assessed under the policy version serving now and settled against everything the ledger "
                    + "already granted under this policy id (duplicates, once-per-unit entitlements, limited pools), in one "
                    + "transaction: all of the batch or nothing. The same claim again (same normalised id, same content) returns the "
                    + "stored decision marked as a replay, never a second grant. The same id with other content is a conflict: a 409 "
                    + "naming the first differing field for a single claim, a CONFLICT result with every differing field in a batch. "
                    + "An amendment is its own explicit call (not yet offered). 503 when the ledger's database is unavailable: "
                    + "nothing was recorded, send the same request again.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(ref = OpenApiConfig.CLAIM_OR_BATCH))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "one result per input record, in order"),
                    @ApiResponse(responseCode = "400", description = "invalid JSON, a single invalid claim, too many claims",
                            content = @Content(schema = @Schema(implementation = ApiError.class))),
                    @ApiResponse(responseCode = "404", description = "unknown policy", content = @Content(schema = @Schema(implementation = ApiError.class))),
                    @ApiResponse(responseCode = "409", description = "a single claim whose id was recorded with other content",
                            content = @Content(schema = @Schema(implementation = ApiError.class))),
                    @ApiResponse(responseCode = "503", description = "the ledger's database is unavailable (nothing was recorded), or the "
                            + "request's assessments passed bosang.limits.assessment-timeout (send it again: a recorded claim is a replay)",
                            content = @Content(schema = @Schema(implementation = ApiError.class)))})
    @PostMapping(path = "/v1/claims", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public RecordedResponse record(@Parameter(description = "policy id, e.g. kakao-1015-2022") @RequestParam("policy") String policyId,
                                   HttpServletRequest request) {
        Policy policy = service.policy(policyId);
        ClaimsRequest claims = ClaimsRequest.read(request, reader, props);
        if (claims.single() && !claims.inputs().get(0).valid()) {
            var r = claims.inputs().get(0).rejection();
            throw new ApiException(HttpStatus.BAD_REQUEST, r.field(), r.reason());
        }
        // Under the request deadline like /v1/assessments. A recording cannot be stopped half way (it is one
        // transaction), so once abandoned it ends in the background: committed or not, sending it again is safe.
        List<Recorded> results = deadline.run(policy.id(), "Its recording goes on in the background and may still be committed: "
                + "send the same request again later; a claim already recorded comes back as a replay, never a second grant.",
                progress -> ledger.record(policy, claims.inputs()));
        Map<Recorded.Status, Long> statuses = new TreeMap<>();
        for (Recorded r : results) {
            statuses.merge(r.status(), 1L, Long::sum);
            meters.counter("bosang.ledger.records", "policy", policy.id(), "status", r.status().name()).increment();
        }
        LOG.debug("ledger {}: {} records recorded, by status {}", policy.id(), results.size(), statuses);   // counts only: no claim data
        if (claims.single() && results.get(0).status() == Recorded.Status.CONFLICT) {
            Recorded c = results.get(0);
            throw new ApiException(HttpStatus.CONFLICT, c.differingFields().get(0), "claim " + c.claimId() + " was recorded as decision "
                    + c.decision() + " with other content; these fields differ: " + String.join(", ", c.differingFields())
                    + ". Nothing was recorded; an amendment is its own call.");
        }
        return new RecordedResponse(policy.stamp(), results.size(), statuses, results);
    }

    @Operation(summary = "What was decided for a claim id, in each policy's ledger",
            description = "The id is compared in its normalised form (case, dashes, widths, spaces), as settlement compares it.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "one decision per policy ledger that holds the claim"),
                    @ApiResponse(responseCode = "404", description = "no decision for this claim id",
                            content = @Content(schema = @Schema(implementation = ApiError.class)))})
    @GetMapping(path = "/v1/claims/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<StoredDecision> claim(@PathVariable("id") String id,
                                      @Parameter(description = "only this policy's ledger") @RequestParam(name = "policy", required = false) String policyId) {
        List<StoredDecision> found = ledger.decisions(id).stream().filter(d -> policyId == null || d.policyId().equals(policyId)).toList();
        if (found.isEmpty()) throw new ApiException(HttpStatus.NOT_FOUND, "id", "no decision is recorded for claim " + id);
        return found;
    }

    @Operation(summary = "What a claimant's claims were granted, with the policy stamp that decided each",
            responses = {
                    @ApiResponse(responseCode = "200", description = "decisions with their granted lines, and top-ups paid"),
                    @ApiResponse(responseCode = "404", description = "no decision for this claimant",
                            content = @Content(schema = @Schema(implementation = ApiError.class)))})
    @GetMapping(path = "/v1/claimants/{id}/entitlements", produces = MediaType.APPLICATION_JSON_VALUE)
    public ClaimantEntitlements entitlements(@PathVariable("id") String id) {
        ClaimantEntitlements e = ledger.entitlements(id);
        if (e.decisions().isEmpty() && e.topUps().isEmpty()) throw new ApiException(HttpStatus.NOT_FOUND, "id", "no decision is recorded for this claimant");
        return e;
    }

    @Operation(summary = "The exposure of a policy's ledger so far: decisions by outcome, money, in-kind value, pools drawn, top-ups")
    @GetMapping(path = "/v1/ledger/summary", produces = MediaType.APPLICATION_JSON_VALUE)
    public LedgerSummary summary(@Parameter(description = "policy id") @RequestParam("policy") String policyId) {
        return ledger.summary(policyId);
    }

    @Operation(summary = "Re-assess every recorded claim under the version serving now, and record the top-ups (admin)",
            description = "Per claimant and unit: what the serving version owes beyond what was granted (TOP_UP, to pay) and what was "
                    + "granted beyond it (OVER_GRANTED, reported, never clawed back). Recorded, so running it again pays nothing twice. "
                    + "Reload the revised version first (POST /v1/policies/{id}/reload). format=csv returns the payment file as CSV. "
                    + "Recording of the policy waits while it runs.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "the re-assessment and its payment lines"),
                    @ApiResponse(responseCode = "401", description = "missing or wrong admin token", content = @Content(schema = @Schema(implementation = ApiError.class)))})
    @PostMapping(path = "/v1/ledger/reassessments", produces = {MediaType.APPLICATION_JSON_VALUE, "text/csv"})
    public ResponseEntity<?> reassess(@Parameter(description = "policy id") @RequestParam("policy") String policyId,
                                      @Parameter(description = "json (default) or csv") @RequestParam(name = "format", defaultValue = "json") String format,
                                      @RequestHeader(name = "Authorization", required = false) String authorization) {
        PolicyController.checkAdmin(props, authorization);
        Policy policy = service.policy(policyId);
        Reassessment r = ledger.reassess(policy, reader, n -> { });
        if ("csv".equals(format)) {
            StringWriter w = new StringWriter();
            try {
                r.writeCsv(w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8")).body(w.toString());
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(r);
    }

    @Operation(summary = "Everything the ledger holds about one claimant, as JSON lines (admin)",
            responses = @ApiResponse(responseCode = "200", description = "NDJSON: {decision: ...} and {payment: ...} lines",
                    content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string"))))
    @GetMapping(path = "/v1/claimants/{id}/export", produces = "application/x-ndjson")
    public String export(@PathVariable("id") String id, @RequestHeader(name = "Authorization", required = false) String authorization) {
        PolicyController.checkAdmin(props, authorization);
        List<String> lines = ledger.export(id);
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }

    @Operation(summary = "Erase one claimant's personal data (admin)",
            description = "Removes the claims as received, the assessments and the claimant's keys; keeps decision numbers, outcomes, "
                    + "totals and stamps for the audit of the money, and what settlement holds as one-way hashes, so a later claim of "
                    + "the same claimant or unit is still told it was granted. Erased claims are not re-assessed.")
    @DeleteMapping(path = "/v1/claimants/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Erased erase(@PathVariable("id") String id, @RequestHeader(name = "Authorization", required = false) String authorization) {
        PolicyController.checkAdmin(props, authorization);
        return new Erased(ledger.erase(id));
    }

    /** How many decisions an erasure emptied. */
    public record Erased(long decisions) {
    }

    /**
     * @param policy   the policy version that decided every new decision of this request (a replay names its own)
     * @param records  input records in the request
     * @param statuses results per status
     * @param results  one per input record, in order
     */
    @JsonPropertyOrder({"policy", "records", "statuses", "results"})
    public record RecordedResponse(PolicyStamp policy, int records, Map<Recorded.Status, Long> statuses,
                                   @ArraySchema(schema = @Schema(ref = OpenApiConfig.RECORDED)) List<Recorded> results) {
    }
}
