package io.bosang.bench;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import io.bosang.engine.Settlement;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import io.bosang.json.Json;
import io.bosang.result.Assessment;

import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The user's job end to end: NDJSON bytes in, one JSON assessment line per input record out, in input order, with
 * rejections for bad records and settlement of resubmissions. Both paths share the reader, the settlement and the
 * writer (the CLI's {@code assess} loop); they differ only in what assesses a readable claim.
 */
public final class Pipelines {
    private Pipelines() {
    }

    /** The production path, as {@code bosang assess --threads N}: {@link BatchAssessor} over the Drools policy. */
    public static long drools(Corpus c, int threads, OutputStream out) {
        try (ClaimSource source = ClaimSource.open(new ByteArrayInputStream(c.ndjson()), new ClaimReader(c.incidents()));
             Writer w = writer(out)) {
            // Exactly as AssessCommand: workers parse, assess and render; the calling thread settles and copies out.
            return new BatchAssessor(c.policy(), threads).run(source.deferred(), Json::line, (a, line) -> writeLine(w, line),
                    n -> { }).records();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same job on one thread with the hand-written policy in place of the Drools one. */
    public static long handWritten(Corpus c, HandWrittenContentUserProtection policy, OutputStream out) {
        Settlement settlement = new Settlement();
        long n = 0;
        try (ClaimSource source = ClaimSource.open(new ByteArrayInputStream(c.ndjson()), new ClaimReader(c.incidents()));
             Writer w = writer(out)) {
            while (source.hasNext()) {
                ClaimInput in = source.next();
                Assessment a = in.valid() ? policy.assess(in.claim(), in.record())
                        : Assessment.rejected(in.record(), in.claimId(), policy.stamp(), in.rejection());
                write(w, settlement.settle(in, a));
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n;
    }

    private static Writer writer(OutputStream out) {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    }

    private static void write(Writer w, Assessment a) {
        writeLine(w, Json.line(a));
    }

    private static void writeLine(Writer w, String line) {
        try {
            w.write(line);
            w.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where benchmark output goes: counts the bytes and folds them into a checksum, keeps nothing. Stands in for the
     * output file without disk I/O or a growing buffer (a 10,000-claim batch writes about 20 MB).
     */
    public static final class CountingSink extends OutputStream {
        private long bytes;
        private long checksum;

        @Override
        public void write(int b) {
            bytes++;
            checksum = checksum * 31 + b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            long h = checksum;
            for (int i = off; i < off + len; i++) h = h * 31 + b[i];
            checksum = h;
            bytes += len;
        }

        public long bytes() {
            return bytes;
        }

        public long checksum() {
            return checksum;
        }
    }
}
