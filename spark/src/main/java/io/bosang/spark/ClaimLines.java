package io.bosang.spark;

import io.bosang.json.ClaimSource;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.io.compress.CompressionCodec;
import org.apache.hadoop.io.compress.CompressionCodecFactory;
import org.apache.hadoop.mapreduce.InputSplit;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.JobContext;
import org.apache.hadoop.mapreduce.lib.input.FileInputFormat;
import org.apache.hadoop.mapreduce.lib.input.FileSplit;
import org.apache.hadoop.mapreduce.lib.input.LineRecordReader;
import org.apache.hadoop.mapreduce.lib.input.TextInputFormat;
import org.apache.spark.api.java.JavaNewHadoopRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import scala.Tuple2;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The input records of a run, numbered 1..N in input order without bringing them to the driver: the files of the
 * input path (a file, a folder, read recursively, or a glob; names starting with {@code _} or {@code .} are skipped as
 * Hadoop skips them) sorted by path, and in each file its records in file order.
 *
 * <p>NDJSON is read exactly as {@code bosang assess} reads a file ({@link ClaimSource#open}): the driver reads the
 * start of each file ({@link ClaimSource#start}) and refuses, before anything runs, a JSON array or a file that is one
 * object over several lines (a pretty-printed claim), which cannot be split between tasks. The executors read raw
 * bytes with LF as the only line end (a CR before it is white space of the line, a bare CR white space inside it), as
 * Hadoop splits give them; each line keeps its byte offset in its file. Its 1-based line number comes from a count of
 * lines per split (one small job, a few numbers per split to the driver) summed per file in file order, and its
 * record number from the records per split summed over the files; each record line is then read with
 * {@link ClaimSource#readLine(long, ClaimSource.FileStart, long, long, byte[], io.bosang.json.ClaimReader)}, so every rejection names
 * the line, column and byte offset the single run names. Parquet rows become one JSON object each (Spark's
 * {@code to_json}: null columns are left out), read by the same strict reader, numbered with {@code zipWithIndex}.
 */
final class ClaimLines {
    /** Hadoop's property for the line delimiter of TextInputFormat: set, it is the only one (no CR, no CR LF). */
    static final String RECORD_DELIMITER = "textinputformat.record.delimiter";

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

    /**
     * One input record: its number, and the bytes to read. For NDJSON, {@code file} indexes the run's
     * {@link Input#starts()}, {@code line} and {@code byteOffset} are where the bytes are in it; a Parquet row has
     * {@code file} -1 and its JSON as bytes.
     */
    record InputRecord(long record, int file, long line, long byteOffset, byte[] bytes) implements Serializable {
        static final int PARQUET_ROW = -1;
    }

    /** A run's records, and how each input file starts (empty for Parquet). */
    record Input(JavaRDD<InputRecord> records, List<ClaimSource.FileStart> starts) {
    }

    /** Every record, in input order, numbered from 1. */
    static Input read(SparkSession spark, String input, String format) {
        Configuration conf = spark.sparkContext().hadoopConfiguration();
        List<Path> files = files(conf, input);
        return switch (Format.of(format, files)) {
            case NDJSON -> ndjson(spark, conf, files);
            case PARQUET -> new Input(parquet(spark, files).zipWithIndex()
                    .map(t -> new InputRecord(t._2() + 1, InputRecord.PARQUET_ROW, t._2() + 1, 0, t._1().getBytes(StandardCharsets.UTF_8))), List.of());
        };
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
            out.add(fs.makeQualified(s.getPath()));
        }
    }

    /** What one split holds: its file (index in the run's list), where it starts, its lines and its records. */
    record SplitCount(int file, long start, long lines, long records) implements Serializable {
    }

    /** Where a split's lines and records start: the number of its first line in its file, and of its first record. */
    record SplitStart(long firstLine, long firstRecord, long lines) implements Serializable {
    }

    private static Input ndjson(SparkSession spark, Configuration conf, List<Path> files) {
        List<ClaimSource.FileStart> starts = new ArrayList<>(files.size());
        Map<String, Integer> index = new HashMap<>();
        for (Path f : files) {
            index.put(f.toString(), starts.size());
            starts.add(splittable(conf, f));
        }
        try {
            Job job = Job.getInstance(new Configuration(conf));
            job.getConfiguration().set(RECORD_DELIMITER, "\n");
            // Hadoop skips a line longer than this without a word; the single run rejects it as a record instead
            job.getConfiguration().setInt(LineRecordReader.MAX_LINE_LENGTH, Integer.MAX_VALUE);
            FileInputFormat.setInputPaths(job, files.toArray(new Path[0]));
            if (conf.get(FileInputFormat.SPLIT_MAXSIZE) == null) {
                // Assessing is the costly part: at least two splits per core of the cluster, even for a small file.
                long total = 0;
                for (Path f : files) total += f.getFileSystem(conf).getFileStatus(f).getLen();
                int slots = Math.max(1, spark.sparkContext().defaultParallelism());
                FileInputFormat.setMaxInputSplitSize(job, Math.max(256L * 1024, (total + 2L * slots - 1) / (2L * slots)));
            }
            // One RDD for both passes: its splits are computed once, so the counts and the records see the same splits.
            JavaNewHadoopRDD<LongWritable, Text> raw = (JavaNewHadoopRDD<LongWritable, Text>) JavaSparkContext.fromSparkContext(spark.sparkContext())
                    .newAPIHadoopRDD(job.getConfiguration(), Lines.class, LongWritable.class, Text.class);
            List<SplitCount> counts = raw.mapPartitionsWithInputSplit((split, lines) -> List.of(count(split, lines, index, starts)).iterator(), true)
                    .collect();
            Map<String, SplitStart> at = splitStarts(counts);
            JavaRDD<InputRecord> records = raw.mapPartitionsWithInputSplit((split, lines) -> records(split, lines, index, starts, at), true);
            return new Input(records, List.copyOf(starts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Hadoop's text lines, with compressed files read whole: a split of a bzip2 file would number its lines from a
     * compressed position, while a whole compressed file has the offsets of its uncompressed bytes.
     */
    public static final class Lines extends TextInputFormat {
        @Override
        protected boolean isSplitable(JobContext context, Path file) {
            return new CompressionCodecFactory(context.getConfiguration()).getCodec(file) == null;
        }
    }

    private static String key(int file, long start) {
        return file + "@" + start;
    }

    private static int fileOf(InputSplit split, Map<String, Integer> index) {
        Path p = ((FileSplit) split).getPath();
        Integer i = index.get(p.toString());
        if (i == null) throw new IllegalStateException("a split of " + p + ", which is not among the input files " + index.keySet());
        return i;
    }

    /**
     * Where the bytes of a line start in its file. Hadoop's LineRecordReader drops a UTF-8 byte order mark at the start
     * of a file from the first line (whose key stays 0), so that line's bytes start at offset 3.
     */
    private static long bytesOffset(long key, ClaimSource.FileStart start) {
        return key == 0 && start.byteOrderMark() ? 3 : key;
    }

    /** Pass 1, per split: its lines and records, counted without copying a line. */
    private static SplitCount count(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines, Map<String, Integer> index,
                                    List<ClaimSource.FileStart> starts) {
        int file = fileOf(split, index);
        ClaimSource.FileStart start = starts.get(file);
        long n = 0;
        long records = 0;
        while (lines.hasNext()) {
            Tuple2<LongWritable, Text> t = lines.next();
            n++;
            if (start.isRecord(bytesOffset(t._1().get(), start), t._2().getBytes(), t._2().getLength())) records++;
        }
        return new SplitCount(file, ((FileSplit) split).getStart(), n, records);
    }

    /**
     * The first line and record of each split: lines are summed over the earlier splits of the same file, records over
     * every earlier split, in the order of files (by path) and of offsets within a file.
     */
    static Map<String, SplitStart> splitStarts(List<SplitCount> counts) {
        List<SplitCount> ordered = new ArrayList<>(counts);
        ordered.sort(Comparator.comparingInt(SplitCount::file).thenComparingLong(SplitCount::start));
        Map<String, SplitStart> out = new HashMap<>();
        long record = 1;
        long line = 1;
        int file = -1;
        for (SplitCount c : ordered) {
            if (c.file() != file) {
                file = c.file();
                line = 1;
            }
            if (out.put(key(c.file(), c.start()), new SplitStart(line, record, c.lines())) != null) {
                throw new IllegalStateException("two splits of file " + c.file() + " start at " + c.start());
            }
            line += c.lines();
            record += c.records();
        }
        return out;
    }

    /** Pass 2, per split: its records, numbered, each line's bytes copied (Hadoop reuses its Text). */
    private static Iterator<InputRecord> records(InputSplit split, Iterator<Tuple2<LongWritable, Text>> lines, Map<String, Integer> index,
                                                 List<ClaimSource.FileStart> starts, Map<String, SplitStart> at) {
        int file = fileOf(split, index);
        ClaimSource.FileStart start = starts.get(file);
        SplitStart first = at.get(key(file, ((FileSplit) split).getStart()));
        if (first == null) throw new IllegalStateException("a split not counted: " + split);
        return new Iterator<>() {
            private long line = first.firstLine() - 1;
            private long record = first.firstRecord();
            private InputRecord next;

            @Override
            public boolean hasNext() {
                while (next == null && lines.hasNext()) {
                    Tuple2<LongWritable, Text> t = lines.next();
                    line++;
                    long offset = bytesOffset(t._1().get(), start);
                    Text text = t._2();
                    if (start.isRecord(offset, text.getBytes(), text.getLength())) {
                        next = new InputRecord(record++, file, line, offset, Arrays.copyOf(text.getBytes(), text.getLength()));
                    }
                }
                if (next == null && line - first.firstLine() + 1 != first.lines()) {
                    // nothing lost, nothing counted twice: the file changed between the two reads
                    throw new IllegalStateException(((FileSplit) split).getPath() + " changed while it was read: the split at "
                            + ((FileSplit) split).getStart() + " held " + first.lines() + " lines when counted and " + (line - first.firstLine() + 1) + " now");
                }
                return next != null;
            }

            @Override
            public InputRecord next() {
                if (!hasNext()) throw new java.util.NoSuchElementException();
                InputRecord out = next;
                next = null;
                return out;
            }
        };
    }

    /**
     * How a file starts, read on the driver as {@code bosang assess} reads it; a JSON array, or one object over several
     * lines, cannot be split between tasks and is refused with how to convert it.
     */
    static ClaimSource.FileStart splittable(Configuration conf, Path file) {
        ClaimSource.FileStart start;
        try {
            FileSystem fs = file.getFileSystem(conf);
            CompressionCodec codec = new CompressionCodecFactory(conf).getCodec(file);
            try (InputStream raw = fs.open(file); InputStream in = codec == null ? raw : codec.createInputStream(raw)) {
                start = ClaimSource.start(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return switch (start.form()) {
            case ARRAY -> throw new IllegalArgumentException(file + " is a JSON array; the Spark job reads NDJSON (one claim per line), "
                    + "which it can split between tasks, or Parquet. Convert it with: jq -c '.[]' " + file.getName() + " > claims.ndjson");
            case OBJECT -> throw new IllegalArgumentException(file + " is one JSON object over several lines (one pretty-printed claim, line "
                    + start.line() + "); the Spark job reads NDJSON (one claim per line), which it can split between tasks, or Parquet. "
                    + "Assess it with bosang assess, or make it one line with: jq -c . " + file.getName() + " > claims.ndjson");
            case NDJSON, EMPTY -> start;
        };
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
