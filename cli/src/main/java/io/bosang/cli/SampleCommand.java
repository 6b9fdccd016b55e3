package io.bosang.cli;

import io.bosang.sample.KakaoClaimsGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Writes a synthetic, deterministic claims corpus for a policy's incident. */
@Command(name = "sample", mixinStandardHelpOptions = true,
        header = "Write a deterministic synthetic claims corpus.",
        description = {
                "Write realistic synthetic claims as NDJSON: the claimant mix, services, fees and sales figures of the",
                "reported intake, with about 1%% bad records and 0.5%% duplicates on purpose. Same --count and --seed, same bytes.",
                "",
                "Example:  bosang sample --policy kakao-1015-2022 --count 105116 --seed 1015 -o claims.ndjson"})
final class SampleCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--policy", required = true, paramLabel = "ID", description = "Whose incident to generate claims for (supported: kakao-1015-2022, content-user-protection: both use the Kakao outage).")
    String policy;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many claims.")
    long count;

    @Option(names = "--seed", defaultValue = "1015", paramLabel = "S", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
    String output;

    @Override
    public Integer call() throws Exception {
        if (!policy.equals("kakao-1015-2022") && !policy.equals("content-user-protection")) {
            spec.commandLine().getErr().println("no sample generator for policy '" + policy + "'; supported: kakao-1015-2022, content-user-protection");
            return BosangCli.USAGE;
        }
        if (count < 0) {
            spec.commandLine().getErr().println("--count must not be negative");
            return BosangCli.USAGE;
        }
        try (Writer w = output != null ? CliFiles.writer("sample", "-o", output, null) : CliFiles.notClosing(spec.commandLine().getOut())) {
            KakaoClaimsGenerator.write(count, seed, w);
        } catch (CliFiles.Refused r) {
            return CliFiles.refuse(spec.commandLine().getErr(), r);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            spec.commandLine().getErr().println("bosang sample: cannot write " + (output == null ? "to stdout" : output) + ": " + e.getMessage());
            return BosangCli.OUTPUT;
        }
        if (output == null && spec.commandLine().getOut().checkError()) {
            spec.commandLine().getErr().println("bosang sample: cannot write to stdout (closed or full)");
            return BosangCli.OUTPUT;
        }
        return BosangCli.OK;
    }
}
