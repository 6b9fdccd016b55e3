package io.bosang.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code bosang} command. Data goes to stdout, progress and errors to stderr. */
@Command(name = "bosang",
        mixinStandardHelpOptions = true,
        version = "bosang 0.1.0",
        description = {
                "Bosang (보상) decides which outage impacts qualify for compensation, and how much, with",
                "rules written as Drools policies. Every amount names its rule, its law and its parameters.",
                "",
                "Claims backends:  bosang assess --policy kakao-1015-2022 samples/kakao-2022-10-15-claims.ndjson",
                "Law firms:        bosang compare --policies kakao-1015-2022,content-user-protection FILE",
                "                  bosang explain --policy kakao-1015-2022 --lang ko --id K-0022 FILE",
                "                  bosang ledger record --policy kakao-1015-2022 FILE   (decided once, kept)",
                "Analysts:         bosang check --policy DIR;  bosang diff --base ID --policy DIR FILE",
                ""},
        subcommands = {
                AssessCommand.class,
                PoliciesCommand.class,
                CheckCommand.class,
                DiffCommand.class,
                CompareCommand.class,
                ExplainCommand.class,
                SourcesCommand.class,
                SampleCommand.class,
                LedgerCommand.class,
                CommandLine.HelpCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:assess --fail-on-rejected saw a rejected record, or a check failed",
                "2:usage error (unknown option, missing file)",
                "3:a policy or incident file is broken (problems listed with file and line)",
                "4:ledger: its database cannot be reached, or its directory is in use (nothing was recorded)",
                "5:an output file cannot be written (a folder, a missing folder, no permission, a full disk)"})
public final class BosangCli implements Runnable {
    public static final int OK = 0;
    public static final int SOME_REJECTED = 1;
    public static final int USAGE = 2;
    public static final int BROKEN_POLICY = 3;
    public static final int LEDGER_UNREACHABLE = 4;
    public static final int OUTPUT = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // UTF-8 whatever the platform's default: assessments and explanations carry Korean text.
        System.exit(run(args, new PrintWriter(new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), false),
                new PrintWriter(new java.io.OutputStreamWriter(System.err, java.nio.charset.StandardCharsets.UTF_8), true)));
    }

    /** Runs the command line with the given streams; returns the exit code. Tests call this. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new BosangCli());
        cl.setUsageHelpWidth(110);   // the examples are long command lines; 80 columns wraps them mid-argument
        cl.setOut(out);
        cl.setErr(err);
        cl.setExitCodeExceptionMapper(e -> USAGE);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
