package io.bosang.spark;

import io.bosang.problem.PolicyBuildException;
import io.bosang.report.ExposureSummary;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The Spark job's command line, for {@code spark-submit --class io.bosang.spark.BosangSpark} on a cluster and for
 * {@code local[N]} on one machine ({@code spark/bosang-spark}). Options follow {@code bosang assess} and
 * {@code bosang compare}.
 */
@Command(name = "bosang-spark", mixinStandardHelpOptions = true, usageHelpWidth = 110,
        header = "Assess a claims corpus on Apache Spark under one policy or several side by side.",
        description = {
                "Reads claims (NDJSON, one claim per line, or Parquet) from any path Spark reads, assesses each record under",
                "every policy on the executors, settles duplicates, once-per-unit grants and limited pools exactly as",
                "`bosang assess` does, and writes per policy OUT/<policy>/assessments/part-* (sorted by record: the parts in",
                "name order are byte for byte what `bosang assess` writes) and, with --summary, OUT/<policy>/summary.json.",
                "",
                "Example:  bosang-spark --master 'local[2]' --policies kakao-1015-2022,content-user-protection \\",
                "              --summary -o out claims.ndjson"})
public final class BosangSpark implements Callable<Integer> {
    @Option(names = "--policy", paramLabel = "ID|DIR", description = "A policy id (shipped rules) or a policy folder; repeatable.")
    List<String> policy = new ArrayList<>();

    @Option(names = "--policies", split = ",", paramLabel = "A,B", description = "Several policies side by side, like `bosang compare` (one output each).")
    List<String> policies = new ArrayList<>();

    @Option(names = "--rules", paramLabel = "DIR", description = "Load each policy ID from DIR/<ID> instead of the shipped rules (read on the driver, shipped with the job).")
    Path rulesDir;

    @Option(names = "--set", paramLabel = "PARAM=VALUE", description = "What-if: replace a parameter's dated values by VALUE from 1900-01-01 on, in every policy of the run.")
    Map<String, String> whatIf = new LinkedHashMap<>();

    @Option(names = "--incident", paramLabel = "FILE", description = "An incident file (YAML) claims may refer to, besides the shipped incidents; repeatable.")
    List<Path> incidentFiles = new ArrayList<>();

    @Option(names = "--master", paramLabel = "URL", description = "Spark master, e.g. local[2]; default: what spark-submit sets, else local[*].")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Any Spark setting, e.g. spark.sql.shuffle.partitions=64.")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--format", paramLabel = "ndjson|parquet", description = "Input format (default: parquet when every input file ends in .parquet, else ndjson).")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder (must not exist).")
    String output;

    @Option(names = "--summary", description = "Also write each policy's exposure summary (as `bosang assess --summary FILE`) and print its totals.")
    boolean summary;

    @Option(names = "--single-file", description = "One part file per policy (one task writes it) instead of one per range of records.")
    boolean singleFile;

    @Parameters(index = "0", paramLabel = "INPUT", description = "Claims: a file, a folder (its files in path order) or a glob, on any file system Spark reads.")
    String input;

    public static void main(String[] args) {
        System.exit(new CommandLine(new BosangSpark()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter err = new PrintWriter(System.err, true);
        List<String> ids = new ArrayList<>(policy);
        ids.addAll(policies);
        if (ids.isEmpty()) {
            err.println("name a policy with --policy or --policies");
            return 2;
        }
        List<PolicySpec> specs = new ArrayList<>();
        IncidentFiles incidents;
        try {
            for (String id : ids) specs.add(rulesDir == null ? PolicySpec.resolve(id, whatIf) : PolicySpec.folder(rulesDir.resolve(id), whatIf));
            incidents = IncidentFiles.with(incidentFiles);
        } catch (PolicyBuildException e) {
            err.println(e.getMessage());
            return 3;
        }
        SparkAssessJob.Options options = new SparkAssessJob.Options(input, format, output, specs, incidents, summary, singleFile);
        long started = System.nanoTime();
        SparkSession spark = session(master, conf);
        try {
            for (SparkAssessJob.PolicyResult r : SparkAssessJob.run(spark, options)) {
                err.println(r.outputName() + ": " + r.assessments());
                if (r.summary() != null) err.println("  " + totals(r.summary()));
            }
        } catch (IllegalArgumentException e) {   // no input files, a JSON array, a pretty-printed claim
            err.println(e.getMessage());
            return 2;
        } catch (IllegalStateException e) {      // a run the ranking cannot settle, an executor with another jar
            err.println(e.getMessage());
            return 1;
        } finally {
            spark.stop();
        }
        err.printf(Locale.ROOT, "done in %.1f s%n", (System.nanoTime() - started) / 1e9);
        return 0;
    }

    /**
     * A session for the job. On {@code local[...]} the driver binds to 127.0.0.1 (Spark binds to the machine's
     * outside address by default) and the web UI is off unless {@code --conf spark.ui.enabled=true}.
     */
    public static SparkSession session(String master, Map<String, String> settings) {
        SparkConf conf = new SparkConf().setAppName("bosang-spark");
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        // Overflow of a sum fails the job (ANSI), as Math.addExact fails the single run; Spark 4's default, stated.
        conf.set("spark.sql.ansi.enabled", "true");
        settings.forEach(conf::set);
        return SparkSession.builder().config(conf).getOrCreate();
    }

    static String totals(ExposureSummary.Report r) {
        return String.format(Locale.ROOT, "%,d records — %s; money %,d KRW, in kind (nominal) %,d KRW; pools granted %s",
                r.records(), r.outcomes(), r.monetaryKrw(), r.nominalInKindKrw(), r.poolsGranted());
    }
}
