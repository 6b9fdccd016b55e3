package io.bosang.bench;

import io.bosang.domain.Claim;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.problem.PolicyBuildException;
import io.bosang.sample.KakaoClaimsGenerator;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark input: a shipped policy, the incident catalogue its claims refer to, a deterministic batch of
 * records as NDJSON bytes (bad records and resubmissions included, as real intake has them) and the valid claims of
 * that batch parsed once (for the engine-only benchmarks).
 *
 * @param policy    the compiled shipped policy
 * @param incidents the incidents claims may name
 * @param ndjson    the batch as the user's input file
 * @param claims    the batch's readable claims, in input order
 */
public record Corpus(Policy policy, IncidentCatalog incidents, byte[] ndjson, List<Claim> claims) {
    /** Records per batch in every benchmark except the naive baseline. */
    public static final int BATCH = 10_000;
    /** Seed of every corpus. */
    public static final long SEED = 20261125L;

    public static final String CUP = "content-user-protection";
    public static final String KAKAO = "kakao-1015-2022";

    /** {@code records} records for {@code policyId} from {@link #SEED}. */
    public static Corpus of(String policyId, int records) {
        return of(policyId, records, SEED);
    }

    public static Corpus of(String policyId, int records, long seed) {
        try {
            Policy policy = PolicyLoader.load(policyId);
            IncidentCatalog incidents;
            byte[] bytes;
            if (policyId.equals(KAKAO)) {
                incidents = IncidentCatalog.classpath();
                ByteArrayOutputStream out = new ByteArrayOutputStream(records * 400);
                try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
                    KakaoClaimsGenerator.write(records, seed, w);
                }
                bytes = out.toByteArray();
            } else if (policyId.equals(CUP)) {
                incidents = ContentClaimsGenerator.catalog();
                bytes = ContentClaimsGenerator.ndjson(records, seed);
            } else {
                throw new IllegalArgumentException("no corpus for policy " + policyId);
            }
            return new Corpus(policy, incidents, bytes, parse(bytes, incidents));
        } catch (PolicyBuildException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Claim> parse(byte[] bytes, IncidentCatalog incidents) {
        List<Claim> claims = new ArrayList<>();
        try (ClaimSource source = ClaimSource.open(new ByteArrayInputStream(bytes), new ClaimReader(incidents))) {
            while (source.hasNext()) {
                ClaimInput in = source.next();
                if (in.valid()) claims.add(in.claim());
            }
        }
        return List.copyOf(claims);
    }

    /** Number of input records (lines) in the batch. */
    public long records() {
        long n = 0;
        for (byte b : ndjson) if (b == '\n') n++;
        return n;
    }
}
