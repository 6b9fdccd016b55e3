package io.bosang.json;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.Locale;

/**
 * Cuts a byte stream into records without decoding or parsing them (that is done per record, on worker threads, by
 * {@link RecordParser}). It only tracks strings and bracket depth, so it needs no memory beyond one record (at most
 * {@link InputLimits#MAX_RECORD_BYTES}) however deep or long the input, and a broken record cannot take its
 * neighbours with it. The forms, decided from the first non-blank byte (a leading UTF-8 byte order mark is skipped):
 * <ul>
 *   <li>{@code [}: a JSON array; each comma-separated element is a record; the array must be the whole input.</li>
 *   <li>{@code {}: when the first object is valid JSON and spans several lines, it is the one record (a pretty-printed
 *       claim) and must be the whole input; otherwise the input is NDJSON.</li>
 *   <li>anything else: NDJSON, where every non-blank line is a record. Lines end at LF (a CR before it is part of the
 *       line end); a bare CR is JSON white space inside the line, as in JSON Lines and RFC 8259.</li>
 * </ul>
 * Whatever follows a whole-input array or object is not dropped: each non-blank line of it is a record, refused.
 * In document mode (an HTTP body) only one object or one array is accepted, and anything else is {@link NotClaims}.
 */
final class RecordScanner implements Closeable {
    enum Kind { LINE, ELEMENT, OBJECT }

    /**
     * One record: its bytes, trimmed of JSON white space, and where it starts (1-based line and column, 0-based byte
     * offset); or, when {@code problem} is set, why it is no claim ({@code bytes} is then null).
     *
     * @param hint said after a JSON syntax error in this record: why the input was read as NDJSON
     */
    record Raw(Kind kind, long line, long column, long byteOffset, byte[] bytes, String problem, String hint) {
    }

    /** A body that is not one claim object or one array of claims (document mode only). */
    static final class NotClaims extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotClaims(String reason) {
            super(reason, null, false, false);
        }
    }

    private enum State { START, NDJSON, ARRAY, TRAILING, END }

    private static final int CLOSED = 0;
    private static final int COMMA = 1;
    private static final int BRACKET = 2;
    private static final int EOF = 3;
    private static final int CAP = 4;

    private final boolean documentOnly;
    private InputStream in;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    /** Position of the next byte: 0-based byte offset, 1-based line and column (columns count characters). */
    private long offset;
    private long line = 1;
    private long column = 1;

    private State state = State.START;
    private final Buffer record = new Buffer(InputLimits.MAX_RECORD_BYTES);
    private boolean single;
    private long arrayLine;
    private long arrayElements;
    private boolean afterComma;
    private String trailingWhat;
    private long trailingFromLine;
    private String ndjsonHint;
    private boolean sawNewline;
    /** Where the first non-blank byte is (after a leading byte order mark and white space), set by {@link #start()}. */
    private long firstLine;
    private long firstColumn;
    private long firstOffset;
    private boolean byteOrderMark;

    private RecordScanner(InputStream in, boolean documentOnly) {
        this.in = in;
        this.documentOnly = documentOnly;
    }

    /** A claims file: an array, one object, or NDJSON. */
    static RecordScanner file(InputStream in) {
        return new RecordScanner(in, false);
    }

    /** An HTTP body: one claim object or one array of claims. */
    static RecordScanner document(InputStream in) {
        return new RecordScanner(in, true);
    }

    /** Whether the input was one object rather than an array (known once the first record was read). */
    boolean singleObject() {
        return single;
    }

    /** The next record, or null at the end. */
    Raw next() throws IOException {
        while (true) {
            switch (state) {
                case START -> {
                    Raw r = start();
                    if (r != null || state == State.END) return r;
                }
                case NDJSON -> {
                    return ndjsonLine();
                }
                case ARRAY -> {
                    Raw r = arrayElement();
                    if (r != null || state == State.END) return r;
                }
                case TRAILING -> {
                    return trailing();
                }
                default -> {
                    return null;
                }
            }
        }
    }

    /**
     * How a file starts, as {@link #next()} reads it: its form, where its first record starts and, for NDJSON, the hint
     * its syntax errors carry. Reads the leading white space and at most one record bound beyond it (the first object,
     * to tell one pretty-printed claim from NDJSON); call it instead of {@link #next()}, on a file scanner.
     */
    ClaimSource.FileStart probe() throws IOException {
        if (documentOnly || state != State.START) throw new IllegalStateException("probe() reads the start of a file, before any record");
        start();
        ClaimSource.Form form = switch (state) {
            case END -> ClaimSource.Form.EMPTY;
            case ARRAY -> ClaimSource.Form.ARRAY;
            case TRAILING -> ClaimSource.Form.OBJECT;
            case NDJSON -> ClaimSource.Form.NDJSON;
            default -> throw new IllegalStateException("after the start: " + state);
        };
        return new ClaimSource.FileStart(form, firstLine, firstColumn, firstOffset, byteOrderMark, ndjsonHint);
    }

    private Raw start() throws IOException {
        if (ensure(3) && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3; // RFC 8259 section 8.1: a parser may ignore a leading byte order mark; the column stays 1
            offset += 3;
            byteOrderMark = true;
        }
        skipWhitespace();
        firstLine = line;
        firstColumn = column;
        firstOffset = offset;
        int c = peek();
        if (c == -1) {
            if (documentOnly) throw new NotClaims("the body is empty: send one claim object or an array of claims");
            state = State.END;
            return null;
        }
        if (c == '[') {
            arrayLine = line;
            read();
            state = State.ARRAY;
            return null;
        }
        if (c == '{') return documentOnly ? documentObject() : firstObject();
        if (documentOnly) {
            throw new NotClaims("must be one claim object or an array of claims; the body starts with " + describe(c)
                    + " at line " + line + ", column " + column);
        }
        state = State.NDJSON;
        return null;
    }

    /** The first object of a file decides between one pretty-printed claim and NDJSON; see the class comment. */
    private Raw firstObject() throws IOException {
        long l = line;
        long c = column;
        long o = offset;
        record.reset();
        sawNewline = false;
        int end = scanObject(true);
        if (end == CLOSED && !sawNewline) {
            rewind(l, c, o, null); // one line: NDJSON, of which it is the first line
            return null;
        }
        if (end == CLOSED) {
            byte[] bytes = record.trimmed();
            if (RecordParser.isOneJsonValue(bytes)) {
                single = true;
                toTrailing("object");
                return new Raw(Kind.OBJECT, l, c, o, bytes, null, null);
            }
            rewind(l, c, o, "the object that starts at line " + l + " spans several lines but is not valid JSON");
        } else if (end == EOF) {
            rewind(l, c, o, "the object that starts at line " + l + " does not close before the end of the input");
        } else {
            rewind(l, c, o, "the object that starts at line " + l + " is longer than " + bytes(InputLimits.MAX_RECORD_BYTES));
        }
        return null;
    }

    private Raw documentObject() throws IOException {
        long l = line;
        long c = column;
        long o = offset;
        record.reset();
        int end = scanObject(false);
        single = true;
        toTrailing("claim object");
        if (end == EOF) {
            state = State.END;
            return problem(Kind.OBJECT, l, c, o, "the body ends inside the object that starts at line " + l + ": is it truncated?");
        }
        if (record.overflow()) return tooLong(Kind.OBJECT, l, c, o, "object");
        return new Raw(Kind.OBJECT, l, c, o, record.trimmed(), null, null);
    }

    private Raw arrayElement() throws IOException {
        skipWhitespace();
        long l = line;
        long c = column;
        long o = offset;
        int b = peek();
        if (b == -1) {
            state = State.END;
            return problem(Kind.ELEMENT, l, c, o, "the input ends inside the JSON array that starts at line " + arrayLine
                    + " (no closing ']'): is it truncated?");
        }
        if (b == ']') {
            read();
            toTrailing("array");
            return afterComma ? problem(Kind.ELEMENT, l, c, o, "an empty element: a ',' right before the array's closing ']'") : null;
        }
        if (b == ',') {
            read();
            boolean first = arrayElements == 0 && !afterComma;
            arrayElements++;
            afterComma = true;
            return problem(Kind.ELEMENT, l, c, o, "an empty element: a ',' " + (first ? "right after the array's '['" : "right after another ','"));
        }
        arrayElements++;
        record.reset();
        int end = scanElement();
        if (end == EOF) {
            state = State.END;
            return problem(Kind.ELEMENT, l, c, o, "the input ends inside this element of the JSON array that starts at line "
                    + arrayLine + " (no closing ']'): is it truncated?");
        }
        afterComma = end == COMMA;
        if (end == BRACKET) toTrailing("array");
        if (record.overflow()) return tooLong(Kind.ELEMENT, l, c, o, "array element");
        return new Raw(Kind.ELEMENT, l, c, o, record.trimmed(), null, null);
    }

    private Raw ndjsonLine() throws IOException {
        while (true) {
            long l = line;
            long c = column;
            long o = offset;
            record.reset();
            if (!readLine()) {
                state = State.END;
                return null;
            }
            int s = record.leadingWhitespace();
            if (!record.overflow() && s == record.size()) continue; // a blank line is no record
            if (record.overflow() && !record.sawNonWhitespace()) continue;
            if (record.overflow()) return tooLong(Kind.LINE, l, c + s, o + s, "line");
            return new Raw(Kind.LINE, l, c + s, o + s, record.trimmed(), null, ndjsonHint);
        }
    }

    /**
     * One NDJSON line given whole, as {@link #next()} makes a record of it: for readers that split a file into lines
     * themselves. {@code bytes} is the line without its LF (a CR before it is trimmed as white space); the caller skips
     * blank lines, which are no records.
     */
    static Raw line(long line, long byteOffset, byte[] bytes) {
        return line(line, 1, byteOffset, bytes, 0, null);
    }

    /**
     * As {@link #line(long, long, byte[])} for the part of a line from {@code bytes[from]} on, which starts at
     * {@code column} and {@code byteOffset} (a file's first record starts after the white space {@link #start()}
     * skips), with the hint of the file's syntax errors ({@link ClaimSource.FileStart#ndjsonHint()}), as
     * {@link #ndjsonLine()} gives it.
     */
    static Raw line(long line, long column, long byteOffset, byte[] bytes, int from, String hint) {
        Buffer b = new Buffer(InputLimits.MAX_RECORD_BYTES);
        b.add(bytes, from, bytes.length - from);
        int s = b.leadingWhitespace();
        if (b.overflow()) {
            return new Raw(Kind.LINE, line, column + s, byteOffset + s, null, "the line is " + bytes(b.total()) + " long; a record holds at most "
                    + bytes(InputLimits.MAX_RECORD_BYTES), null);
        }
        return new Raw(Kind.LINE, line, column + s, byteOffset + s, b.trimmed(), null, hint);
    }

    /** After a whole-input array or object: each non-blank line is a refused record (a file) or the body is refused. */
    private Raw trailing() throws IOException {
        if (documentOnly) {
            skipWhitespace();
            if (peek() == -1) {
                state = State.END;
                return null;
            }
            throw new NotClaims("content after the end of the " + trailingWhat + " at line " + line + ", column " + column
                    + ": send one claim object or one array of claims");
        }
        while (true) {
            long l = line;
            long c = column;
            long o = offset;
            record.reset();
            if (!readLine()) {
                state = State.END;
                return null;
            }
            if (!record.sawNonWhitespace()) continue;
            int s = record.leadingWhitespace();
            return problem(Kind.LINE, l, c + s, o + s, "content at line " + l + " after the end of the JSON " + trailingWhat + " that ends at line "
                    + trailingFromLine + ": an input is one JSON array, one JSON object, or NDJSON (one claim object per line)");
        }
    }

    private void toTrailing(String what) {
        state = State.TRAILING;
        trailingWhat = what;
        trailingFromLine = line;
    }

    private Raw problem(Kind kind, long l, long c, long o, String why) {
        return new Raw(kind, l, c, o, null, why, null);
    }

    private Raw tooLong(Kind kind, long l, long c, long o, String what) {
        return problem(kind, l, c, o, "the " + what + " is " + bytes(record.total()) + " long; a record holds at most "
                + bytes(InputLimits.MAX_RECORD_BYTES));
    }

    /**
     * Scans an object from its '{' (next to read) to the matching '}'. Returns CLOSED, EOF, or CAP when
     * {@code stopAtCap} and the record is full. Sets {@link #sawNewline}.
     */
    private int scanObject(boolean stopAtCap) throws IOException {
        long depth = 0;
        boolean inString = false;
        boolean escaped = false;
        while (true) {
            // stop with every byte read still held: the bytes are replayed as NDJSON when the object is not one claim
            if (stopAtCap && record.full()) return CAP;
            int b = read();
            if (b == -1) return EOF;
            record.add(b);
            if (b == '\n') sawNewline = true;
            if (inString) {
                if (b == '\n') inString = false; // a raw line break cannot be in a string: recover at the line end
                else if (escaped) escaped = false;
                else if (b == '\\') escaped = true;
                else if (b == '"') inString = false;
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && --depth == 0) {
                return CLOSED;
            }
        }
    }

    /** Scans one array element up to its ',' or the array's ']' (consumed, not stored). Returns COMMA, BRACKET or EOF. */
    private int scanElement() throws IOException {
        long depth = 0;
        boolean inString = false;
        boolean escaped = false;
        while (true) {
            int b = read();
            if (b == -1) return EOF;
            if (inString) {
                if (b == '\n') inString = false;
                else if (escaped) escaped = false;
                else if (b == '\\') escaped = true;
                else if (b == '"') inString = false;
            } else if (depth == 0 && b == ',') {
                return COMMA;
            } else if (depth == 0 && b == ']') {
                return BRACKET;
            } else if (b == '"') {
                inString = true;
            } else if (b == '{' || b == '[') {
                depth++;
            } else if ((b == '}' || b == ']') && depth > 0) {
                depth--;
            }
            record.add(b);
        }
    }

    /** Reads up to and including the next LF into {@link #record}; false at the end of the input with nothing read. */
    private boolean readLine() throws IOException {
        boolean any = false;
        while (true) {
            if (pos == limit && !fill()) return any;
            any = true;
            int i = pos;
            while (i < limit && buf[i] != '\n') i++;
            record.add(buf, pos, i - pos);
            offset += i - pos;
            if (i < limit) {
                pos = i + 1;
                offset++;
                line++;
                column = 1;
                return true;
            }
            pos = i;
        }
    }

    /** Replays the bytes of {@link #record} (read from position l:c, offset o) before the rest of the input. */
    private void rewind(long l, long c, long o, String hint) {
        byte[] replay = Arrays.copyOf(record.bytes, record.size());
        byte[] pending = Arrays.copyOfRange(buf, pos, limit);
        in = new SequenceInputStream(new ByteArrayInputStream(replay), new SequenceInputStream(new ByteArrayInputStream(pending), in));
        pos = 0;
        limit = 0;
        line = l;
        column = c;
        offset = o;
        ndjsonHint = hint == null ? null : "read as NDJSON (one claim object per line) because " + hint;
        state = State.NDJSON;
    }

    private void skipWhitespace() throws IOException {
        while (true) {
            int b = peek();
            if (b != ' ' && b != '\t' && b != '\n' && b != '\r') return;
            read();
        }
    }

    private int peek() throws IOException {
        if (pos == limit && !fill()) return -1;
        return buf[pos] & 0xFF;
    }

    private int read() throws IOException {
        if (pos == limit && !fill()) return -1;
        int b = buf[pos++] & 0xFF;
        offset++;
        if (b == '\n') {
            line++;
            column = 1;
        } else if ((b & 0xC0) != 0x80) {
            column++; // count characters, not UTF-8 continuation bytes
        }
        return b;
    }

    /** Makes at least {@code n} bytes available from {@link #pos} unless the input ends first. */
    private boolean ensure(int n) throws IOException {
        while (limit - pos < n) {
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            }
            int got = in.read(buf, limit, buf.length - limit);
            if (got < 0) return false;
            limit += got;
        }
        return true;
    }

    private boolean fill() throws IOException {
        int got;
        do {
            got = in.read(buf, 0, buf.length);
        } while (got == 0);
        if (got < 0) {
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = got;
        return true;
    }

    static String bytes(long n) {
        return String.format(Locale.ROOT, "%,d bytes", n);
    }

    private static String describe(int b) {
        return b >= 0x21 && b < 0x7F ? "'" + (char) b + "'" : String.format(Locale.ROOT, "the byte 0x%02X", b);
    }

    static boolean isWhitespace(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The bytes of one record, stored up to a cap; past it only counted. */
    static final class Buffer {
        private final int cap;
        private byte[] bytes = new byte[1024];
        private int size;
        private long total;
        private boolean nonWhitespace;

        Buffer(int cap) {
            this.cap = cap;
        }

        void reset() {
            size = 0;
            total = 0;
            nonWhitespace = false;
            if (bytes.length > 64 * 1024) bytes = new byte[1024]; // do not keep one huge record's array alive
        }

        void add(int b) {
            total++;
            if (!nonWhitespace && !isWhitespace(b)) nonWhitespace = true;
            if (size < cap) {
                if (size == bytes.length) bytes = Arrays.copyOf(bytes, Math.min(cap, bytes.length * 2));
                bytes[size++] = (byte) b;
            }
        }

        void add(byte[] src, int from, int n) {
            total += n;
            if (!nonWhitespace) {
                for (int i = from; i < from + n; i++) {
                    if (!isWhitespace(src[i])) {
                        nonWhitespace = true;
                        break;
                    }
                }
            }
            int room = Math.min(n, cap - size);
            if (room <= 0) return;
            if (size + room > bytes.length) bytes = Arrays.copyOf(bytes, Math.min(cap, Math.max(size + room, bytes.length * 2)));
            System.arraycopy(src, from, bytes, size, room);
            size += room;
        }

        int size() {
            return size;
        }

        long total() {
            return total;
        }

        boolean overflow() {
            return total > cap;
        }

        /** Holds {@code cap} bytes: one more would overflow. */
        boolean full() {
            return total >= cap;
        }

        boolean sawNonWhitespace() {
            return nonWhitespace;
        }

        int leadingWhitespace() {
            int s = 0;
            while (s < size && isWhitespace(bytes[s])) s++;
            return s;
        }

        byte[] trimmed() {
            int s = leadingWhitespace();
            int e = size;
            while (e > s && isWhitespace(bytes[e - 1])) e--;
            return Arrays.copyOfRange(bytes, s, e);
        }
    }
}
