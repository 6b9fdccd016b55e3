package io.bosang.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The input records of a run, numbered 1..N in input order without bringing them to the driver: the files of the
 * input path (a file, a folder, read recursively, or a glob; names starting with {@code _} or {@code .} are skipped as
 * Hadoop skips them) sorted by path, and in each file its records in file order. Records are numbered with
 * {@code zipWithIndex}, which keeps partition order, and the partitions follow the file list and each file's offsets.
 *
 * <p>NDJSON is read as {@link io.bosang.json.ClaimSource} reads it: each non-blank line is a record (lines end at LF,
 * CR or CRLF); white space and byte-order marks before a file's first record are skipped. A file whose first record
 * starts with {@code [} is a JSON array: refused before anything runs, because an array cannot be split between
 * tasks (convert it with {@code jq -c '.[]'}). Parquet rows become one JSON object each (Spark's {@code to_json}:
 * null columns are left out), read by the same strict reader.
 */
final class ClaimLines {
    private ClaimLines() {
    }

    /** The input format of a run. */
    enum Format {
        NDJSON, PARQUET;

        static Format of(String name, List<Path> files) {
            if (name != null && !name.isBlank()) return valueOf(name.trim().toUpperCase(Locale.ROOT));
            boolean parquet = !files.isEmpty() && files.stream().allMatch(f -> f.getName().endsWith(".parquet"));
            return parquet ? PARQUET : NDJSON;
        }
    }

    /** (record, text) of every record, in input order, numbered from 1. */
    static JavaPairRDD<Long, String> read(SparkSession spark, String input, String format) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Path> files = files(conf, input);
        JavaRDD<String> records = switch (Format.of(format, files)) {
            case NDJSON -> ndjson(spark, conf, files);
            case PARQUET -> parquet(spark, files);
        };
        return records.zipWithIndex().mapToPair(t -> new Tuple2<>(t._2() + 1, t._1()));
    }

    /** The input files, sorted by path. Fails when there are none. */
    static List<Path> files(Configuration conf, String input) {
        try {
            Path pattern = new Path(input);
            FileSystem fs = pattern.getFileSystem(conf);
            FileStatus[] matched = fs.globStatus(pattern);
            List<Path> out = new ArrayList<>();
            if (matched != null) for (FileStatus s : matched) collect(fs, s, out);
            if (out.isEmpty()) throw new IllegalArgumentException("no claims files at " + input);
            out.sort((a, b) -> a.toString().compareTo(b.toString()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
    }

    private static void collect(FileSystem fs, FileStatus s, List<Path> out) throws IOException {
        String name = s.getPath().getName();
        if (name.startsWith("_") || name.startsWith(".")) return;
        if (s.isDirectory()) {
            for (FileStatus child : fs.listStatus(s.getPath())) collect(fs, child, out);
        } else {
            out.add(s.getPath());
        }
    }

    private static JavaRDD<String> ndjson(SparkSession spark, Configuration conf, List<Path> files) {
        for (Path f : files) refuseArray(conf, f);
        try {
            Job job = Job.getInstance(new Configuration(conf));
            FileInputFormat.setInputPaths(job, files.toArray(new Path[0]));
            if (conf.get(FileInputFormat.SPLIT_MAXSIZE) == null) {
                // Assessing is the costly part: at least two splits per core of the cluster, even for a small file.
                long total = 0;
                for (Path f : files) total += f.getFileSystem(conf).getFileStatus(f).getLen();
                int slots = Math.max(1, spark.sparkContext().defaultParallelism());
                FileInputFormat.setMaxInputSplitSize(job, Math.max(256L * 1024, (total + 2L * slots - 1) / (2L * slots)));
            }
            JavaPairRDD<LongWritable, Text> raw = JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .newAPIHadoopRDD(job.getConfiguration(), TextInputFormat.class, LongWritable.class, Text.class);
            return raw.mapPartitions(ClaimLines::records, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records of one split: its non-blank lines. A split that starts a file (offset 0) first skips the white
     * space and byte-order marks that {@code ClaimSource} skips before the first record. Hadoop reuses its Text
     * objects, so each line is copied to a String at once.
     */
    private static Iterator<String> records(Iterator<Tuple2<LongWritable, Text>> lines) {
        return new Iterator<>() {
            private String next;
            private boolean leading;

            @Override
            public boolean hasNext() {
                while (next == null && lines.hasNext()) {
                    Tuple2<LongWritable, Text> t = lines.next();
                    String line = t._2().toString();
                    if (t._1().get() == 0) leading = true;
                    if (leading) {
                        line = stripLeading(line);
                        if (line.isEmpty()) continue;
                        leading = false;
                    }
                    if (!line.isBlank()) next = line;
                }
                return next != null;
            }

            @Override
            public String next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                String out = next;
                next = null;
                return out;
            }
        };
    }

    /** What ClaimSource skips before the first record: spaces, tabs, line ends and byte-order marks. */
    static String stripLeading(String line) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\uFEFF') break;
            i++;
        }
        return line.substring(i);
    }

    /** A JSON array cannot be split between tasks: say so before the job runs. */
    private static void refuseArray(Configuration conf, Path file) {
        try {
            FileSystem fs = file.getFileSystem(conf);
            CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
            try (InputStream raw = fs.open(file); InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) > 0) {
                    for (int i = 0; i < n; i++) {
                        int b = buf[i] & 0xff;
                        if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) continue;
                        if (b == '[') {
                            throw new IllegalArgumentException(file + " is a JSON array; the Spark job reads NDJSON (one claim per line), "
                                    + "which it can split between tasks, or Parquet. Convert it with: jq -c '.[]' " + file.getName() + " > claims.ndjson");
                        }
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static JavaRDD<String> parquet(SparkSession spark, List<Path> files) {
        // One read per file, in path order: a read of several files orders its splits by size, not by name.
        JavaRDD<String> all = null;
        for (Path f : files) {
            Dataset<Row> rows = spark.read().parquet(f.toString());
            JavaRDD<String> json = rows.toJSON().javaRDD();
            all = all == null ? json : all.union(json);
        }
        return all;
    }
}
