package io.bosang.cli;

import io.bosang.engine.ClaimInput;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.incident.IncidentCatalog;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.problem.PolicyBuildException;
import io.bosang.report.Explanation;
import io.bosang.result.Assessment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code bosang explain}: one claim's assessment as prose, in English or Korean. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        header = "One claim's assessment as prose, in English or Korean.",
        description = {"Explain one claim's assessment in prose: the outcome, each amount with its derivation, rule,",
                "legal basis and the parameters it read (with their effective dates), then the findings.",
                "CLAIM is a file with one claim; with --id or --record, a claims file to pick it from."})
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PolicyOption policyOption = new PolicyOption();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the explanation to FILE instead of stdout.")
    String output;

    @Parameters(index = "0", paramLabel = "CLAIM", description = "A JSON file with one claim, or a claims file with --id/--record.")
    Path file;

    @Option(names = "--id", paramLabel = "CLAIM-ID", description = "Pick the claim with this id from the file.")
    String id;

    @Option(names = "--record", paramLabel = "N", description = "Pick record N (1-based) from the file.")
    Long record;

    @Option(names = "--lang", defaultValue = "en", paramLabel = "en|ko", description = "Language of the prose (default: ${DEFAULT-VALUE}).")
    String lang;

    @Mixin
    IncidentsOption incidentOption = new IncidentsOption();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Explanation.Lang language;
        try {
            language = Explanation.Lang.of(lang);
        } catch (IllegalArgumentException e) {
            err.println("bosang explain: " + e.getMessage());
            return BosangCli.USAGE;
        }
        if (!Files.isRegularFile(file)) {
            err.println("bosang explain: no such file: " + file);
            return BosangCli.USAGE;
        }
        Policy p;
        IncidentCatalog incidents;
        try {
            p = policyOption.load();
            incidents = incidentOption.catalog();
        } catch (PolicyBuildException e) {
            err.println(e.getMessage());
            return BosangCli.BROKEN_POLICY;
        }
        try (InputStream in = Files.newInputStream(file); ClaimSource claims = ClaimSource.open(in, new ClaimReader(incidents))) {
            while (claims.hasNext()) {
                ClaimInput c = claims.next();
                boolean wanted = id != null ? id.equals(c.claimId()) : record == null || record == c.record();
                if (!wanted) continue;
                Assessment a = c.valid() ? p.assess(c.claim(), c.record()) : Assessment.rejected(c.record(), c.claimId(), p.stamp(), c.rejection());
                String text = Explanation.of(c.valid() ? c.claim() : null, a, p, language);
                if (output == null) out.print(text);
                else CliFiles.write("explain", "-o", output, text);
                return BosangCli.OK;
            }
        } catch (CliFiles.Refused r) {
            return CliFiles.refuse(err, r);
        } catch (IOException e) {
            err.println("bosang explain: cannot read " + file + ": " + CliFiles.reason(e));
            return BosangCli.USAGE;
        } catch (UncheckedIOException e) {
            err.println("bosang explain: cannot read " + file + ": " + e.getCause().getMessage());
            return BosangCli.USAGE;
        }
        err.println("bosang explain: no claim " + (id != null ? "with id " + id : "at record " + record) + " in " + file);
        return BosangCli.USAGE;
    }
}
