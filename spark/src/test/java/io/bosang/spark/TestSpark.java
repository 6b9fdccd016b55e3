package io.bosang.spark;

import org.apache.spark.sql.SparkSession;

import java.util.Map;

/**
 * One {@code local[2]} session for every Spark test of the build (starting one takes about 6 s), bound to 127.0.0.1.
 * Small splits (256 KB) so that even a test corpus is read by several tasks and its order crosses partitions.
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
                    "spark.hadoop.mapreduce.input.fileinputformat.split.maxsize", String.valueOf(256 * 1024),
                    "spark.sql.files.maxPartitionBytes", String.valueOf(256 * 1024)));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> spark.stop()));
        }
        return spark;
    }
}
