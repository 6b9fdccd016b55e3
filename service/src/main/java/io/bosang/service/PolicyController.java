package io.bosang.service;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.List;

/** The policies being served, and their hot reload from the rules directory. */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "policies", description = "the policies served and their reload")
public class PolicyController {
    private final PolicyRegistry registry;
    private final BosangProperties props;

    public PolicyController(PolicyRegistry registry, BosangProperties props) {
        this.registry = registry;
        this.props = props;
    }

    @Operation(summary = "The policies being served, with the version and content hash each assessment will name")
    @GetMapping(path = "/v1/policies", produces = MediaType.APPLICATION_JSON_VALUE)
    public List<PolicyInfo> policies() {
        return registry.all().values().stream().map(PolicyInfo::of).toList();
    }

    @Operation(summary = "Reload a policy from the rules directory (admin)",
            description = "Compiles the folder bosang.rules-dir/{id} and runs its scenarios/ if it has them; only then does the new "
                    + "version serve. A broken edit is refused with 422 and its problems (file, line, key, message), and the version "
                    + "already serving goes on. Requires 'Authorization: Bearer <bosang.admin-token>' when that is set.",
            responses = {
                    @ApiResponse(responseCode = "200", description = "accepted; the stamp now serving"),
                    @ApiResponse(responseCode = "422", description = "refused; the problems, and the stamp still serving"),
                    @ApiResponse(responseCode = "401", description = "missing or wrong admin token", content = @Content(schema = @Schema(implementation = ApiError.class))),
                    @ApiResponse(responseCode = "404", description = "no such folder in the rules directory", content = @Content(schema = @Schema(implementation = ApiError.class))),
                    @ApiResponse(responseCode = "409", description = "no rules directory configured", content = @Content(schema = @Schema(implementation = ApiError.class)))})
    @PostMapping(path = "/v1/policies/{id}/reload", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<PolicyRegistry.Reload> reload(@PathVariable("id") String id,
                                                        @RequestHeader(name = "Authorization", required = false) String authorization) {
        checkAdmin(authorization);
        if (props.rulesDir() == null) {
            throw new ApiException(HttpStatus.CONFLICT, "bosang.rules-dir", "no rules directory is configured; policies can only be reloaded from one");
        }
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || !Files.isRegularFile(props.rulesDir().resolve(id).resolve("policy.yaml"))) {
            throw new ApiException(HttpStatus.NOT_FOUND, "id", "the rules directory has no policy folder '" + id + "'");
        }
        PolicyRegistry.Reload r = registry.reload(id);
        return ResponseEntity.status(r.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(r);
    }

    private void checkAdmin(String authorization) {
        checkAdmin(props, authorization);
    }

    /** Refuses with 401 unless {@code authorization} carries the admin token (when one is set). */
    static void checkAdmin(BosangProperties props, String authorization) {
        String token = props.adminToken();
        if (token == null || token.isEmpty()) return;
        String expected = "Bearer " + token;
        boolean ok = authorization != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8));
        if (!ok) throw new ApiException(HttpStatus.UNAUTHORIZED, "Authorization", "an admin token is required: Authorization: Bearer <token>");
    }

    /** A served policy: what every assessment it produces names, and where it came from. */
    @JsonPropertyOrder({"id", "version", "contentHash", "title", "kind", "effectiveFrom", "effectiveTo", "origin"})
    public record PolicyInfo(String id, String version, String contentHash, String title, String kind,
                             LocalDate effectiveFrom, LocalDate effectiveTo, String origin) {
        static PolicyInfo of(Policy p) {
            return new PolicyInfo(p.id(), p.version(), p.contentHash(), p.manifest().title(), p.manifest().kind(),
                    p.manifest().effectiveFrom(), p.manifest().effectiveTo(),
                    p.origin().startsWith("classpath:") ? p.origin() : "rules-dir");
        }
    }
}
