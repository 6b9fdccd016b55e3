package io.bosang.examples;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.engine.RunStats;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.problem.PolicyBuildException;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Outcome;
import io.bosang.rules.Hours;
import io.bosang.rules.Krw;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For a claims backend: compile a policy once, stream a claims file through it on all cores, and get exactly one
 * assessment per input record, in input order. Prints a one-line digest per claim and the run's totals.
 *
 * <p>Usage: {@code ClaimsBackendExample POLICY_ID CLAIMS_FILE [--ndjson]}
 */
public final class ClaimsBackendExample {
    private ClaimsBackendExample() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out));
    }

    public static int run(String[] args, PrintStream out) throws IOException, PolicyBuildException {
        String policyId = args[0];
        Path claimsFile = Path.of(args[1]);
        boolean ndjson = args.length > 2 && args[2].equals("--ndjson");
        int threads = Runtime.getRuntime().availableProcessors();

        Policy policy = PolicyLoader.load(policyId);                 // compiled once; thread-safe; share it
        IncidentCatalog incidents = IncidentCatalog.classpath();     // shipped incidents, e.g. kakao-2022-10-15
        try (InputStream in = Files.newInputStream(claimsFile);
             ClaimSource claims = ClaimSource.open(in, new ClaimReader(incidents))) {
            RunStats stats = new BatchAssessor(policy, threads).run(claims, assessment -> {
                out.println(ndjson ? Json.line(assessment) : digest(assessment));
            });
            out.printf("%s %s: %d records; %d award, %d no award, %d manual review, %d rejected; %s KRW money, %s KRW in kind%n",
                    policy.id(), policy.version(), stats.records(), stats.count(Outcome.AWARD), stats.count(Outcome.NO_AWARD),
                    stats.count(Outcome.MANUAL_REVIEW), stats.count(Outcome.REJECTED),
                    Krw.format(stats.monetaryKrw()), Krw.format(stats.nominalInKindKrw()));
            return stats.count(Outcome.REJECTED) > 0 ? 1 : 0;
        }
    }

    /** "#3 C-0003 AWARD 46 h 30 min extension [CUPG-EXT-01: 15 h 30 min × 3 = 46 h 30 min]". */
    static String digest(Assessment a) {
        StringBuilder sb = new StringBuilder("#").append(a.record()).append(' ').append(a.claimId()).append(' ').append(a.outcome());
        if (a.outcome() == Outcome.REJECTED) {
            return sb.append(" ").append(a.rejection().field()).append(": ").append(a.rejection().reason()).toString();
        }
        if (a.totals().monetaryKrw() > 0) sb.append(' ').append(Krw.format(a.totals().monetaryKrw())).append(" KRW");
        if (a.totals().nominalInKindKrw() > 0) sb.append(' ').append(Krw.format(a.totals().nominalInKindKrw())).append(" KRW in kind");
        if (!a.totals().extension().isZero()) sb.append(' ').append(Hours.format(a.totals().extension())).append(" extension");
        for (AwardLine l : a.lines()) sb.append(" [").append(l.ruleId()).append(": ").append(l.derivation()).append(']');
        if (a.lines().isEmpty() && !a.findings().isEmpty()) sb.append(" (").append(a.findings().get(0).code()).append(')');
        return sb.toString();
    }
}
