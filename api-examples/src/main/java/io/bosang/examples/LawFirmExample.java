package io.bosang.examples;

import io.bosang.compare.ClaimsFile;
import io.bosang.compare.PolicyComparison;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.problem.PolicyBuildException;
import io.bosang.report.Explanation;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * For a law firm: what the company offered next to what the guidelines, the dispute standard and a civil-damages
 * estimate would give, claim by claim, with the rules behind each difference; then one client's claim explained in
 * Korean for the brief.
 *
 * <p>Usage: {@code LawFirmExample CLAIMS_FILE CLIENT_CLAIM_ID POLICY_ID...}
 */
public final class LawFirmExample {
    private LawFirmExample() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws IOException, PolicyBuildException {
        Path claimsFile = Path.of(args[0]);
        String client = args[1];
        List<Policy> policies = new ArrayList<>();
        for (int i = 2; i < args.length; i++) policies.add(PolicyLoader.load(args[i]));
        IncidentCatalog incidents = IncidentCatalog.classpath();

        // 1. Side by side: one streaming pass per policy; rows come back in input order.
        out.printf("%-8s", "claim");
        for (Policy p : policies) out.printf(" %24s", p.id());
        out.println("  why");
        PolicyComparison.Summary summary = PolicyComparison.run(policies, new ClaimsFile(claimsFile, incidents), 2, row -> {
            if (row.largest().isEmpty()) return;                      // the brief lists only claims where policies differ
            out.printf("%-8s", row.claimId());
            for (PolicyComparison.Cell c : row.policies()) {
                out.printf(" %24s", String.format("%,d", c.valueKrw()) + (c.extension().isZero() ? "" : " +" + c.extension().toHours() + "h"));
            }
            out.println("  " + row.why());
        });
        for (PolicyComparison.PolicyTotal t : summary.policies()) {
            out.printf("%s: %,d KRW over %,d claims, largest for %,d%s%n", t.policy(), t.valueKrw(), t.claims(), t.largestFor(),
                    t.label().isEmpty() ? "" : " — " + t.label());
        }

        // 2. The client's claim under the company's plan (the first policy), in Korean, every amount explained.
        try (InputStream in = Files.newInputStream(claimsFile); ClaimSource claims = ClaimSource.open(in, new ClaimReader(incidents))) {
            while (claims.hasNext()) {
                ClaimInput c = claims.next();
                if (c.valid() && c.claim().id().equals(client)) {
                    out.println();
                    out.print(Explanation.of(c.claim(), policies.get(0).assess(c.claim()), policies.get(0), Explanation.Lang.KO));
                    return 0;
                }
            }
        }
        out.println("no claim " + client + " in " + claimsFile);
        return 1;
    }
}
