package io.bosang.examples;

import io.bosang.Bosang;
import io.bosang.result.Assessment;
import io.bosang.result.AwardLine;
import io.bosang.result.Outcome;
import io.bosang.result.RunStats;

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

    public static int run(String[] args, PrintStream out) throws Exception {
        String policyId = args[0];
        Path claimsFile = Path.of(args[1]);
        boolean ndjson = args.length > 2 && args[2].equals("--ndjson");
        Bosang policy = Bosang.policy(policyId);                     // compiled once; thread-safe; share it
        try (InputStream in = Files.newInputStream(claimsFile)) {
            RunStats stats = policy.assessAll(in, assessment -> {    // one per input record, in input order
                out.println(ndjson ? Bosang.json(assessment) : digest(assessment));
            });
            out.printf("%s %s: %d records; %d award, %d no award, %d manual review, %d rejected; %s KRW money, %s KRW in kind%n",
                    policy.compiled().id(), policy.compiled().version(), stats.records(), stats.count(Outcome.AWARD), stats.count(Outcome.NO_AWARD),
                    stats.count(Outcome.MANUAL_REVIEW), stats.count(Outcome.REJECTED),
                    won(stats.monetaryKrw()), won(stats.nominalInKindKrw()));
            return stats.count(Outcome.REJECTED) > 0 ? 1 : 0;
        }
    }

    private static String won(long krw) {
        return String.format(java.util.Locale.ROOT, "%,d", krw);
    }

    /** "#3 C-0003 AWARD 46 h 30 min extension [CUPG-EXT-01: 15 h 30 min × 3 = 46 h 30 min]". */
    static String digest(Assessment a) {
        StringBuilder sb = new StringBuilder("#").append(a.record()).append(' ').append(a.claimId()).append(' ').append(a.outcome());
        if (a.outcome() == Outcome.REJECTED) {
            return sb.append(" ").append(a.rejection().field()).append(": ").append(a.rejection().reason()).toString();
        }
        if (a.totals().monetaryKrw() > 0) sb.append(' ').append(won(a.totals().monetaryKrw())).append(" KRW");
        if (a.totals().nominalInKindKrw() > 0) sb.append(' ').append(won(a.totals().nominalInKindKrw())).append(" KRW in kind");
        if (!a.totals().extension().isZero()) sb.append(' ').append(Bosang.hours(a.totals().extension())).append(" extension");
        for (AwardLine l : a.lines()) sb.append(" [").append(l.ruleId()).append(": ").append(l.derivation()).append(']');
        if (a.lines().isEmpty() && !a.findings().isEmpty()) sb.append(" (").append(a.findings().get(0).code()).append(')');
        return sb.toString();
    }
}
