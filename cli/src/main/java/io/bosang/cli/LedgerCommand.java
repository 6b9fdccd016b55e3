package io.bosang.cli;

import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.ledger.Ledger;
import io.bosang.ledger.LedgerSettings;
import io.bosang.ledger.LedgerUnavailableException;
import io.bosang.ledger.Reassessment;
import io.bosang.ledger.Recorded;
import io.bosang.ledger.StoredDecision;
import io.bosang.problem.PolicyBuildException;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** {@code bosang ledger}: the claims ledger from the command line. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
        header = "The claims ledger: record and decide claims once, read decisions, re-assess under a revised plan.",
        description = {
                "Decisions are kept in PostgreSQL: --ledger-url (or BOSANG_LEDGER_URL) names a server; without one an embedded",
                "PostgreSQL keeps its data in --ledger-dir (default ~/.bosang/ledger). A claim recorded twice is decided once.",
                "",
                "Example:  bosang ledger record --policy kakao-1015-2022 samples/kakao-2022-10-15-claims.ndjson",
                "          bosang ledger summary --policy kakao-1015-2022"},
        subcommands = {LedgerCommand.Record.class, LedgerCommand.Show.class, LedgerCommand.Summary.class, LedgerCommand.Reassess.class,
                LedgerCommand.Export.class, LedgerCommand.Erase.class})
final class LedgerCommand implements Runnable {
    /** Exit code when the ledger's database cannot be reached (nothing was recorded by the failed call). */
    static final int LEDGER_UNAVAILABLE = BosangCli.LEDGER_UNREACHABLE;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Where the ledger is. */
    static final class Where {
        @Option(names = "--ledger-url", paramLabel = "URL", defaultValue = "${env:BOSANG_LEDGER_URL}",
                description = "jdbc:postgresql://host:port/db of a PostgreSQL server (default: BOSANG_LEDGER_URL, else the embedded server).")
        String url;

        @Option(names = "--ledger-user", paramLabel = "USER", defaultValue = "${env:BOSANG_LEDGER_USER}", description = "Database user (default: BOSANG_LEDGER_USER).")
        String user;

        @Option(names = "--ledger-dir", paramLabel = "DIR", description = "The embedded server's data directory (default ~/.bosang/ledger).")
        Path dir;

        Ledger open() {
            // The password only from the environment: a command line is visible to every user of the machine.
            return Ledger.open(new LedgerSettings(url, user, System.getenv("BOSANG_LEDGER_PASSWORD"), dir));
        }
    }

    /** The policy and incidents, in the grammar of every command: {@code --policy ID|DIR}, {@code --incidents FILE...}. */
    static final class PolicyOptions {
        @Mixin
        PolicyOption policy = new PolicyOption();

        @Mixin
        IncidentsOption incidents = new IncidentsOption();

        Policy load() throws PolicyBuildException {
            return policy.load();
        }

        IncidentCatalog catalog() throws PolicyBuildException {
            return incidents.catalog();
        }
    }

    /** Runs a ledger call with the exit codes of {@code assess}, plus 4 when the database cannot be reached. */
    abstract static class LedgerCall implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        Where where;

        @Override
        public Integer call() throws Exception {
            PrintWriter err = spec.commandLine().getErr();
            try {
                return run(err);
            } catch (PolicyBuildException e) {
                err.println(e.getMessage());
                return BosangCli.BROKEN_POLICY;
            } catch (LedgerUnavailableException e) {
                err.println(e.getMessage() + (e.getMessage().startsWith("cannot connect") ? "" : "; nothing of this call was recorded"));
                return LEDGER_UNAVAILABLE;
            } catch (IllegalStateException e) {
                if (e.getMessage() != null && e.getMessage().contains("in use by another Bosang process")) {
                    err.println(e.getMessage());
                    return LEDGER_UNAVAILABLE;
                }
                throw e;
            }
        }

        abstract int run(PrintWriter err) throws Exception;

        Writer output(Path file) throws IOException {
            return file != null ? Files.newBufferedWriter(file, StandardCharsets.UTF_8)
                    : new BufferedWriter(new NonClosing(spec.commandLine().getOut()), 1 << 16);
        }
    }

    @Command(name = "record", mixinStandardHelpOptions = true, header = "Record and decide a claims file, in order; a claim already recorded is a replay.",
            description = {"Writes one result per input record as NDJSON: DECIDED (with its assessment), REPLAY (the stored decision),",
                    "CONFLICT (same id, other content: the differing fields), REJECTED or ERROR (nothing recorded).",
                    "Each batch is one transaction: a run stopped half-way is finished by running it again."})
    static final class Record extends LedgerCall {
        @Mixin
        PolicyOptions policyOptions;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
        Path output;

        @Option(names = "--batch", paramLabel = "N", defaultValue = "500", description = "Claims per transaction (default 500).")
        int batch;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Option(names = "--fail-on-rejected", description = "Exit 1 when a record was rejected, failed or conflicted.")
        boolean failOnRejected;

        @Parameters(index = "0", paramLabel = "FILE", description = "Claims file (JSON array or NDJSON), or '-' for stdin.")
        String input;

        @Override
        int run(PrintWriter err) throws Exception {
            if (batch < 1) {
                err.println("--batch must be at least 1");
                return BosangCli.USAGE;
            }
            Policy policy = policyOptions.load();
            IncidentCatalog incidents = policyOptions.catalog();
            if (!"-".equals(input) && !Files.isRegularFile(Path.of(input))) {
                err.println("no such claims file: " + input);
                return BosangCli.USAGE;
            }
            Map<Recorded.Status, Long> counts = new EnumMap<>(Recorded.Status.class);
            long started = System.nanoTime();
            long[] lastPrinted = {started};
            long[] records = {0};
            // Pipelined: this thread reads and assesses batch k+1 (on every core) while one thread decides batch k in
            // order and writes its results; decisions therefore follow the file's order.
            ExecutorService decider = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "bosang-ledger-decide");
                t.setDaemon(true);
                return t;
            });
            try (Ledger ledger = where.open();
                 InputStream in = "-".equals(input) ? System.in : Files.newInputStream(Path.of(input));
                 ClaimSource source = ClaimSource.open(in, new ClaimReader(incidents));
                 Writer w = output(output)) {
                Future<?> previous = null;
                while (source.hasNext()) {
                    List<ClaimInput> chunk = new ArrayList<>(batch);
                    while (chunk.size() < batch && source.hasNext()) chunk.add(source.next());
                    List<Ledger.Pending> pending = chunk.parallelStream().map(c -> Ledger.prepare(policy, c)).toList();
                    if (previous != null) await(previous);
                    previous = decider.submit(() -> {
                        for (Recorded r : ledger.decide(policy, pending)) {
                            counts.merge(r.status(), 1L, Long::sum);
                            write(w, Json.line(r));
                        }
                        records[0] += pending.size();
                        long now = System.nanoTime();
                        if (!quiet && now - lastPrinted[0] >= 2_000_000_000L) {
                            lastPrinted[0] = now;
                            err.printf(Locale.ROOT, "recorded %,d records (%,.0f/s)%n", records[0], records[0] / ((now - started) / 1e9));
                            err.flush();
                        }
                        return null;
                    });
                }
                if (previous != null) await(previous);
                w.flush();
            } finally {
                decider.shutdownNow();
            }
            if (!quiet) {
                err.printf(Locale.ROOT, "%s %s: %,d records in %.1f s — %s%n", policy.id(), policy.version(), records[0],
                        (System.nanoTime() - started) / 1e9, counts.toString().toLowerCase(Locale.ROOT));
                err.flush();
            }
            long bad = counts.getOrDefault(Recorded.Status.REJECTED, 0L) + counts.getOrDefault(Recorded.Status.ERROR, 0L)
                    + counts.getOrDefault(Recorded.Status.CONFLICT, 0L);
            return failOnRejected && bad > 0 ? BosangCli.SOME_REJECTED : BosangCli.OK;
        }

        private static void await(Future<?> f) throws Exception {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Exception x) throw x;
                throw e;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, header = "What was decided for a claim id (normalised: case, dashes, widths).")
    static final class Show extends LedgerCall {
        @Option(names = "--policy", paramLabel = "ID", description = "Only this policy's ledger.")
        String policy;

        @Parameters(index = "0", paramLabel = "ID", description = "The claim id.")
        String id;

        @Override
        int run(PrintWriter err) {
            try (Ledger ledger = where.open()) {
                List<StoredDecision> found = ledger.decisions(id).stream().filter(d -> policy == null || d.policyId().equals(policy)).toList();
                if (found.isEmpty()) {
                    err.println("no decision is recorded for claim " + id);
                    return BosangCli.USAGE;
                }
                PrintWriter out = spec.commandLine().getOut();
                out.println(Json.pretty(found));
                out.flush();
                return BosangCli.OK;
            }
        }
    }

    @Command(name = "summary", mixinStandardHelpOptions = true, header = "The exposure of a policy's ledger: decisions, money, in-kind value, pools, top-ups.")
    static final class Summary extends LedgerCall {
        @Option(names = "--policy", required = true, paramLabel = "ID", description = "The policy id.")
        String policy;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the summary (JSON) to FILE instead of stdout.")
        Path output;

        @Override
        int run(PrintWriter err) throws IOException {
            try (Ledger ledger = where.open(); Writer w = output(output)) {
                w.write(Json.pretty(ledger.summary(policy)));
                w.write('\n');
                w.flush();
                return BosangCli.OK;
            }
        }
    }

    @Command(name = "reassess", mixinStandardHelpOptions = true,
            header = "Re-assess every recorded claim under a revised version; write and record the top-ups (paid once).",
            description = {"Per claimant and unit: TOP_UP (owed beyond what was granted, to pay) and OVER_GRANTED (reported, never",
                    "clawed back). Running it again pays nothing twice. Recording of the policy waits while it runs.",
                    "",
                    "Example:  bosang ledger reassess --policy /tmp/edit/kakao-1015-2022 -o topups.ndjson --csv topups.csv"})
    static final class Reassess extends LedgerCall {
        @Mixin
        PolicyOptions policyOptions;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the payment file as NDJSON to FILE instead of stdout.")
        Path output;

        @Option(names = "--csv", paramLabel = "FILE", description = "Also write the payment file as CSV to FILE.")
        Path csv;

        @Option(names = "--quiet", description = "No progress on stderr.")
        boolean quiet;

        @Override
        int run(PrintWriter err) throws Exception {
            Policy policy = policyOptions.load();
            ClaimReader reader = new ClaimReader(policyOptions.catalog());
            long started = System.nanoTime();
            Reassessment r;
            try (Ledger ledger = where.open()) {
                r = ledger.reassess(policy, reader, n -> {
                    if (!quiet && n % 10_000 == 0) {
                        err.printf(Locale.ROOT, "re-assessed %,d claims%n", n);
                        err.flush();
                    }
                });
            }
            try (Writer w = output(output)) {
                r.writeNdjson(w);
            }
            if (csv != null) {
                try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                    r.writeCsv(w);
                }
            }
            if (!quiet) {
                err.printf(Locale.ROOT, "%s %s: re-assessment %d of %,d claims in %.1f s — %,d top-ups (%,d KRW, %,d KRW nominal in kind), "
                                + "%,d over-granted (kept); %,d erased, %,d unreadable%n", policy.id(), policy.version(), r.id(), r.claims(),
                        (System.nanoTime() - started) / 1e9, r.topUps(), r.topUpKrw(), r.topUpNominalKrw(), r.overGranted(), r.erased(), r.unreadable());
                for (String p : r.problems()) err.println("  " + p);
                err.flush();
            }
            return r.unreadable() > 0 ? BosangCli.SOME_REJECTED : BosangCli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            header = "Export a policy's decisions, or everything held about one claimant, as NDJSON.")
    static final class Export extends LedgerCall {
        @ArgGroup(multiplicity = "1")
        Which which;

        static final class Which {
            @Option(names = "--policy", paramLabel = "ID", description = "Every decision of this policy's ledger, in commit order.")
            String policy;

            @Option(names = "--claimant", paramLabel = "ID", description = "Everything held about one claimant (decisions, claims, payments).")
            String claimant;
        }

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;

        @Override
        int run(PrintWriter err) throws IOException {
            try (Ledger ledger = where.open(); Writer w = output(output)) {
                if (which.claimant != null) {
                    for (String line : ledger.export(which.claimant)) write(w, line);
                } else {
                    ledger.eachDecision(which.policy, d -> write(w, Json.line(d)));
                }
                w.flush();
                return BosangCli.OK;
            }
        }
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            header = "Erase one claimant's personal data; what settlement holds stays (as hashes), so nothing is paid twice.")
    static final class Erase extends LedgerCall {
        @Parameters(index = "0", paramLabel = "CLAIMANT", description = "The claimant id.")
        String claimant;

        @Override
        int run(PrintWriter err) {
            try (Ledger ledger = where.open()) {
                long n = ledger.erase(claimant);
                PrintWriter out = spec.commandLine().getOut();
                out.println(Json.line(Map.of("decisions", n)));
                out.flush();
                return BosangCli.OK;
            }
        }
    }

    static void write(Writer w, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes to the command's stdout without closing it when the writer is closed. */
    private static final class NonClosing extends Writer {
        private final PrintWriter out;

        NonClosing(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void write(char[] cbuf, int off, int len) {
            out.write(cbuf, off, len);
        }

        @Override
        public void flush() {
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }
}
