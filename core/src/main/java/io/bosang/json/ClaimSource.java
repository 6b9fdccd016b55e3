package io.bosang.json;

import io.bosang.engine.BatchAssessor;
import io.bosang.engine.ClaimInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Streams claims from a claims file without holding it in memory: one JSON array, one JSON object (possibly
 * pretty-printed), or NDJSON (one object per line). The form is decided from the first non-blank character:
 * <ul>
 *   <li>{@code [} — a JSON array, which must be the whole input; each element is a record.</li>
 *   <li>{@code {} — if the first object is valid JSON spanning several lines, it is the only record and must be the
 *       whole input; if it ends on the line it starts (or is not valid JSON), the input is NDJSON.</li>
 *   <li>anything else — NDJSON: each non-blank line is a record. LF (or CR LF) ends a line; a bare CR does not.</li>
 * </ul>
 * Every record yields exactly one {@link ClaimInput}: a claim, or a rejection naming the field (or {@code $}), the
 * position and why. Nothing is dropped: each non-blank line after a whole-input array or object is a rejected record,
 * an array with a syntax error keeps its other elements, a line of two objects ({@code {..}{..}}), a garbage tail,
 * a duplicate key, invalid UTF-8, a record over {@link InputLimits#MAX_RECORD_BYTES} or nested deeper than
 * {@link InputLimits#MAX_NESTING_DEPTH} is one rejection, and reading goes on.
 */
public final class ClaimSource implements Iterator<ClaimInput>, AutoCloseable {
    private final ClaimReader reader;
    private final RecordScanner scanner;
    private long record;
    private ClaimInput next;

    private ClaimSource(ClaimReader reader, RecordScanner scanner) {
        this.reader = reader;
        this.scanner = scanner;
    }

    /** A claims file or stream: a JSON array, one JSON object, or NDJSON. */
    public static ClaimSource open(InputStream in, ClaimReader reader) {
        return new ClaimSource(reader, RecordScanner.file(in));
    }

    /**
     * A request body: one claim object or one JSON array of claims, nothing else. Reading it throws
     * {@link NotClaimsException} when the body is neither (empty, a bare value, content after the object or array);
     * a bad element of an array is a rejection like any other.
     */
    public static ClaimSource openDocument(InputStream in, ClaimReader reader) {
        return new ClaimSource(reader, RecordScanner.document(in));
    }

    /** Whether the input was one object rather than an array or NDJSON; known once the first record was read. */
    public boolean singleObject() {
        return scanner.singleObject();
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            RecordScanner.Raw raw = nextRaw();
            if (raw != null) next = RecordParser.parse(++record, raw, reader);
        }
        return next != null;
    }

    @Override
    public ClaimInput next() {
        if (!hasNext()) throw new NoSuchElementException();
        ClaimInput out = next;
        next = null;
        return out;
    }

    /**
     * The records as deferred reads: each supplier holds one record's bytes and decodes, parses and reads them when
     * called, so a {@link io.bosang.engine.BatchAssessor} does that on its worker threads; only the cutting into
     * records happens here, in order. Use either this or the iterator itself, not both.
     */
    public Iterator<Supplier<ClaimInput>> deferred() {
        return new Iterator<>() {
            private Supplier<ClaimInput> pending;

            @Override
            public boolean hasNext() {
                if (pending == null) {
                    RecordScanner.Raw raw = nextRaw();
                    if (raw != null) pending = new Deferred(++record, raw, reader);
                }
                return pending != null;
            }

            @Override
            public Supplier<ClaimInput> next() {
                if (!hasNext()) throw new NoSuchElementException();
                Supplier<ClaimInput> out = pending;
                pending = null;
                return out;
            }
        };
    }

    /** One record cut from the input, read on a worker thread; it counts its bytes toward the batch's window. */
    private record Deferred(long record, RecordScanner.Raw raw, ClaimReader reader) implements Supplier<ClaimInput>, BatchAssessor.Sized {
        @Override
        public ClaimInput get() {
            return RecordParser.parse(record, raw, reader);
        }

        @Override
        public long bytes() {
            return raw.bytes() == null ? 64 : raw.bytes().length;
        }
    }

    private RecordScanner.Raw nextRaw() {
        try {
            return scanner.next();
        } catch (RecordScanner.NotClaims e) {
            throw new NotClaimsException(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One NDJSON line read as record {@code record}, as this source reads a line of a claims file (strict UTF-8, JSON
     * white space trimmed, the record size bound): for readers that split and number the lines themselves (the Spark
     * job). {@code line} is the line's 1-based number in its file and {@code byteOffset} where it starts, both
     * used in rejections; {@code bytes} is the line without its line end.
     */
    public static ClaimInput readLine(long record, long line, long byteOffset, byte[] bytes, ClaimReader reader) {
        return RecordParser.parse(record, RecordScanner.line(line, byteOffset, bytes), reader);
    }

    /** As {@link #readLine(long, long, long, byte[], ClaimReader)} for a line already decoded (a Parquet row's JSON). */
    public static ClaimInput readLine(long record, String line, ClaimReader reader) {
        return readLine(record, record, 0, line.getBytes(java.nio.charset.StandardCharsets.UTF_8), reader);
    }

    @Override
    public void close() {
        try {
            scanner.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A request body that is not one claim object or one array of claims; {@link #getMessage()} says why. */
    public static final class NotClaimsException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotClaimsException(String reason) {
            super(reason, null, false, false);
        }
    }
}
