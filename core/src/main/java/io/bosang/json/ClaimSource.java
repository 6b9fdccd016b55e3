package io.bosang.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.bosang.result.Rejection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * Streams claims from NDJSON (one JSON object per line) or a JSON array, without holding the input in memory.
 * A record that is not valid JSON or not a valid claim becomes a rejection and reading goes on, so the number of
 * outputs equals the number of inputs. In NDJSON each non-blank line is a record. In an array, a syntax error makes
 * the element boundaries unknowable: the rest of the array becomes one rejection naming where it broke.
 */
public final class ClaimSource implements Iterator<ClaimInput>, AutoCloseable {
    private final ClaimReader reader;
    private final ObjectMapper mapper = Json.mapper();
    private final BufferedReader lines;
    private final JsonParser array;
    private long record;
    private ClaimInput next;
    private boolean arrayBroken;

    private ClaimSource(ClaimReader reader, Reader input) throws IOException {
        this.reader = reader;
        PushbackReader pb = new PushbackReader(input, 1);
        int c;
        do {
            c = pb.read();
        } while (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\uFEFF');
        if (c != -1) pb.unread(c);
        if (c == '[') {
            this.lines = null;
            this.array = new JsonFactory(mapper).createParser(pb);
            array.nextToken(); // START_ARRAY
        } else {
            this.lines = new BufferedReader(pb, 1 << 16);
            this.array = null;
        }
    }

    public static ClaimSource open(InputStream in, ClaimReader reader) {
        try {
            return new ClaimSource(reader, new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean hasNext() {
        if (next == null) next = advance();
        return next != null;
    }

    @Override
    public ClaimInput next() {
        if (!hasNext()) throw new NoSuchElementException();
        ClaimInput out = next;
        next = null;
        return out;
    }

    private ClaimInput advance() {
        try {
            return array != null ? advanceArray() : advanceLines();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The records as deferred reads: for NDJSON, each supplier holds its raw line and parses it when called, so a
     * {@link io.bosang.engine.BatchAssessor} can parse on its worker threads; a JSON array is parsed here, in order.
     * Use either this or the iterator itself, not both.
     */
    public Iterator<Supplier<ClaimInput>> deferred() {
        return new Iterator<>() {
            private Supplier<ClaimInput> pending;

            @Override
            public boolean hasNext() {
                if (pending == null) pending = advanceDeferred();
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

    private Supplier<ClaimInput> advanceDeferred() {
        if (array != null) {
            ClaimInput in = advance();
            return in == null ? null : () -> in;
        }
        try {
            String line = nextLine();
            if (line == null) return null;
            long r = ++record;
            return () -> parseLine(r, line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next non-blank line, or null at the end. */
    private String nextLine() throws IOException {
        String line;
        do {
            line = lines.readLine();
            if (line == null) return null;
        } while (line.isBlank());
        return line;
    }

    private ClaimInput parseLine(long r, String line) {
        return readLine(r, line, reader);
    }

    /**
     * One non-blank NDJSON line read as record {@code record}, exactly as this source reads each line: for readers
     * that split and number the lines themselves (the Spark job). Blank lines are not records ({@link String#isBlank}).
     */
    public static ClaimInput readLine(long record, String line, ClaimReader reader) {
        JsonNode node;
        try {
            node = Json.mapper().readTree(line);
        } catch (IOException e) {
            return ClaimInput.rejected(record, null, new Rejection("$", "not valid JSON: " + firstLine(e.getMessage())));
        }
        return reader.read(record, node);
    }

    private ClaimInput advanceLines() throws IOException {
        String line = nextLine();
        return line == null ? null : parseLine(++record, line);
    }

    private ClaimInput advanceArray() throws IOException {
        if (arrayBroken) return null;
        JsonToken t;
        try {
            t = array.nextToken();
        } catch (IOException e) {
            arrayBroken = true;
            return ClaimInput.rejected(++record, null, new Rejection("$", "not valid JSON, the rest of the array is unreadable: " + firstLine(e.getMessage())));
        }
        if (t == null || t == JsonToken.END_ARRAY) return null;
        long r = ++record;
        try {
            JsonNode node = mapper.readTree(array);
            return reader.read(r, node);
        } catch (IOException e) {
            arrayBroken = true;
            return ClaimInput.rejected(r, null, new Rejection("$", "not valid JSON, the rest of the array is unreadable: " + firstLine(e.getMessage())));
        }
    }

    private static String firstLine(String message) {
        if (message == null) return "";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    @Override
    public void close() {
        try {
            if (lines != null) lines.close();
            if (array != null) array.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
