package io.bosang.spark;

import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * One {@code local[2]} session for every Spark test of the build (starting one takes about 6 s), bound to 127.0.0.1.
 * Small splits (64 KiB for NDJSON, 256 KB for Parquet) so that even a test corpus is read by several tasks, its order
 * crosses partitions and its lines cross split boundaries.
 */
final class TestSpark {
    private static SparkSession spark;

    private TestSpark() {
    }

    static synchronized SparkSession session() {
        if (spark == null) {
            spark = BosangSpark.session("local[2]", Map.of(
                    "spark.sql.shuffle.partitions", "4",
                    "spark.default.parallelism", "4",
                    "spark.hadoop.mapreduce.input.fileinputformat.split.maxsize", String.valueOf(64 * 1024),
                    "spark.sql.files.maxPartitionBytes", String.valueOf(256 * 1024)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }
}
