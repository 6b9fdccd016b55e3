package io.bosang.spark;

import io.bosang.engine.Policy;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.report.ExposureSummary;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.apache.spark.sql.functions.col;

/**
 * {@code bosang assess} on Spark, for one policy or several side by side: reads the claims in input order, assesses
 * each record under every policy on the executors (each policy compiled once per executor JVM), settles with the
 * single run's semantics ({@link SparkSettlement}) and writes, per policy, the assessments as NDJSON whose lines are
 * byte-identical to {@code bosang assess}, and optionally the exposure summary.
 *
 * <p>Output per policy, below the output folder: {@code <policy>/assessments/part-NNNNN}, each part a range of
 * {@link #RECORDS_PER_PART} records sorted by record ({@link RecordRanges}), so the parts in name order are the single
 * run's output (or one part with {@link Options#singleFile}), and {@code <policy>/summary.json}. A what-if copy of a policy is written as
 * {@code <policy>-whatif-<hash>}.
 */
public final class SparkAssessJob {
    /** Records per output part (about 25 MB of Kakao assessments). */
    static final long RECORDS_PER_PART = 10_000;

    private SparkAssessJob() {
    }

    /**
     * What to run.
     *
     * @param input      claims: a file, a folder or a glob on any file system Spark reads
     * @param format     {@code ndjson}, {@code parquet}, or null to tell by the files' names
     * @param output     the output folder (must not exist)
     * @param policies   the policies, each with its output name, in the order given
     * @param incidents  the incidents claims may name
     * @param summary    also write each policy's exposure summary
     * @param singleFile write each policy's assessments as one part file (one task writes it) instead of one per range
     */
    public record Options(String input, String format, String output, List<PolicySpec> policies, IncidentFiles incidents,
                          boolean summary, boolean singleFile) implements Serializable {
        public Options {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            policies = List.copyOf(policies);
            if (policies.isEmpty()) throw new IllegalArgumentException("at least one policy");
            if (policies.stream().map(PolicySpec::outputName).distinct().count() != policies.size()) {
                throw new IllegalArgumentException("a policy is named twice");
            }
            Objects.requireNonNull(incidents, "incidents");
        }
    }

    /** What one policy's run wrote. */
    public record PolicyResult(String policy, String outputName, String assessments, ExposureSummary.Report summary) {
    }

    /** Runs the job on {@code spark} and returns, per policy in the order given, where it wrote and its summary. */
    public static List<PolicyResult> run(SparkSession spark, Options options) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Broadcast<Options> shipped = jsc.broadcast(options);

        ClaimLines.Input input = ClaimLines.read(spark, options.input(), options.format());
        Broadcast<List<ClaimSource.FileStart>> starts = jsc.broadcast(input.starts());
        JavaRDD<Row> evaluatedRows = input.records().mapPartitions(it -> evaluate(it, starts.value(), shipped.value()));
        Dataset<Row> evaluated = spark.createDataFrame(evaluatedRows, AssessmentRows.EVALUATED)
                .persist(StorageLevel.MEMORY_AND_DISK());
        // Materialised by one job before settlement reads it: the group-bys below start as concurrent jobs, and
        // each would otherwise evaluate the same records itself while the cache is still empty.
        long rows = evaluated.count();
        try {
            Dataset<Row> changes = SparkSettlement.changes(evaluated);
            Dataset<Row> joined = evaluated.join(changes.withColumnRenamed("policy", "c_policy").withColumnRenamed("record", "c_record"),
                    col("policy").equalTo(col("c_policy")).and(col("record").equalTo(col("c_record"))), "left_outer");
            JavaRDD<Row> settledRows = joined.javaRDD().mapPartitions(it -> settle(it, starts.value(), shipped.value()));
            Dataset<Row> settled = spark.createDataFrame(settledRows, AssessmentRows.SETTLED);
            // Cached only when read more than once (a summary, or a write per policy): building the cache of every
            // rendered line costs more than the one write it would serve.
            boolean reread = options.summary() || options.policies().size() > 1;
            if (reread) {
                settled = settled.persist(StorageLevel.MEMORY_AND_DISK());
                settled.count();
            }
            try {
                List<PolicyResult> results = new ArrayList<>();
                long perPolicy = rows / options.policies().size();
                for (int k = 0; k < options.policies().size(); k++) {
                    PolicySpec spec = options.policies().get(k);
                    Dataset<Row> mine = settled.filter(col("policy").equalTo(k));
                    String dir = options.output() + "/" + spec.outputName();
                    String assessments = dir + "/assessments";
                    // A part per range of records, each sorted: no sampling job, no single task for the whole output.
                    // Lines travel as UTF-8 bytes: Java serialisation of a String (writeUTF) was a top frame of the
                    // profile, and Kryo would need --add-opens on Java 17.
                    mine.select("record", "rendered").javaRDD()
                            .mapToPair(r -> new Tuple2<>(r.getLong(0), r.getString(1).getBytes(StandardCharsets.UTF_8)))
                            .repartitionAndSortWithinPartitions(RecordRanges.of(perPolicy, RECORDS_PER_PART, options.singleFile()))
                            .values()
                            .map(bytes -> new String(bytes, StandardCharsets.UTF_8))
                            .saveAsTextFile(assessments);
                    ExposureSummary.Report report = null;
                    if (options.summary()) {
                        report = SparkExposure.of(mine);
                        writeText(spark, dir + "/summary.json", Json.pretty(report) + "\n");
                    }
                    results.add(new PolicyResult(spec.id(), spec.outputName(), assessments, report));
                }
                return results;
            } finally {
                settled.unpersist();
            }
        } finally {
            evaluated.unpersist();
        }
    }

    private static Iterator<Row> evaluate(Iterator<ClaimLines.InputRecord> records, List<ClaimSource.FileStart> starts, Options options) {
        ClaimReader reader = ExecutorCache.reader(options.incidents());
        List<Policy> policies = new ArrayList<>(options.policies().size());
        for (PolicySpec spec : options.policies()) policies.add(ExecutorCache.policy(spec));
        return flatten(records, r -> AssessmentRows.evaluate(r, starts, reader, policies));
    }

    private static Iterator<Row> settle(Iterator<Row> joined, List<ClaimSource.FileStart> starts, Options options) {
        ClaimReader reader = ExecutorCache.reader(options.incidents());
        Map<Integer, Policy> policies = new LinkedHashMap<>();
        int changeStart = AssessmentRows.EVALUATED.fields().length;
        return flatten(joined, row -> {
            Row change = row.isNullAt(changeStart) ? null : changeOf(row, changeStart);
            int k = row.getInt(0);
            Policy p = change == null ? null : policies.computeIfAbsent(k, i -> ExecutorCache.policy(options.policies().get(i)));
            return List.of(AssessmentRows.settle(row, change, starts, reader, p));
        });
    }

    /** The change columns of a joined row, as their own row with field names. */
    private static Row changeOf(Row joined, int start) {
        org.apache.spark.sql.types.StructType schema = joined.schema();
        int n = schema.fields().length - start;
        Object[] values = new Object[n];
        org.apache.spark.sql.types.StructField[] fields = new org.apache.spark.sql.types.StructField[n];
        for (int i = 0; i < n; i++) {
            values[i] = joined.get(start + i);
            fields[i] = schema.fields()[start + i];
        }
        return new org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema(values, new org.apache.spark.sql.types.StructType(fields));
    }

    private static <T> Iterator<Row> flatten(Iterator<T> in, java.util.function.Function<T, List<Row>> f) {
        return new Iterator<>() {
            private Iterator<Row> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && in.hasNext()) current = f.apply(in.next()).iterator();
                return current.hasNext();
            }

            @Override
            public Row next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                return current.next();
            }
        };
    }

    static void writeText(SparkSession spark, String path, String text) {
        try {
            Path p = new Path(path);
            FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
            try (FSDataOutputStream out = fs.create(p, false)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }
}
