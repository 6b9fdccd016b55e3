package io.bosang.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.engine.ClaimInput;
import io.bosang.result.Rejection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Turns one record's bytes into a {@link ClaimInput}: strict UTF-8 (a malformed byte is named with its offset, never
 * replaced by U+FFFD), strict JSON ({@link Json#mapper()}: duplicate keys refused, nesting bounded), exactly one value,
 * then {@link ClaimReader}. Never throws for bad input.
 */
final class RecordParser {
    private RecordParser() {
    }

    static ClaimInput parse(long record, RecordScanner.Raw raw, ClaimReader reader) {
        if (raw.problem() != null) return rejected(record, "$", raw.problem());
        String text;
        try {
            text = decode(raw.bytes());
        } catch (MalformedUtf8 e) {
            long lineBreaks = 0;
            for (int i = 0; i < e.index; i++) if (raw.bytes()[i] == '\n') lineBreaks++;
            return rejected(record, "$", String.format(Locale.ROOT, "not valid UTF-8: the byte 0x%02X at byte offset %d (line %d) "
                    + "does not belong to a valid UTF-8 sequence; claims are read as UTF-8 only", raw.bytes()[e.index] & 0xFF,
                    raw.byteOffset() + e.index, raw.line() + lineBreaks));
        }
        JsonNode node;
        try (JsonParser p = Json.mapper().createParser(text)) {
            try {
                node = Json.mapper().readTree(p);
                JsonToken extra = p.nextToken();
                if (extra != null) {
                    return rejected(record, "$", "a second JSON value starts at " + where(raw, text, p.currentTokenLocation()) + ": "
                            + (raw.kind() == RecordScanner.Kind.LINE ? "NDJSON holds one claim object per line"
                            : raw.kind() == RecordScanner.Kind.ELEMENT ? "an array element holds one claim object" : "one claim object is expected"));
                }
            } catch (StreamConstraintsException e) {
                String message = firstLine(e.getOriginalMessage());
                if (message.contains("nesting depth")) {
                    return rejected(record, topField(p.getParsingContext()), "nested deeper than " + InputLimits.MAX_NESTING_DEPTH
                            + " levels at " + where(raw, text, p.currentLocation()) + " (a claim nests 3)");
                }
                return rejected(record, path(p.getParsingContext()), "over the read limits at " + where(raw, text, p.currentLocation()) + ": " + message);
            } catch (JsonProcessingException e) {
                // A duplicate key is named by its field; any other syntax error leaves no readable record, so the
                // field is "$" and the reason says where, and in which field, it broke.
                String field = path(p.getParsingContext());
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                String message = firstLine(e.getOriginalMessage());
                if (message.startsWith("Duplicate field") && !field.equals("$")) {
                    return rejected(record, field, "appears twice in one object (at " + where(raw, text, at)
                            + "); a duplicate key is refused, never read as the last one");
                }
                String in = field.equals("$") ? "" : " (in " + (field.length() <= 100 ? field : field.substring(0, 100) + "…") + ")";
                String hint = raw.hint() == null ? "" : " (" + raw.hint() + ")";
                return rejected(record, "$", "not valid JSON at " + where(raw, text, at) + in + ": " + message + hint);
            }
        } catch (IOException e) {
            return rejected(record, "$", "not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) return rejected(record, "$", "an empty record");
        if (node.isArray() && raw.kind() == RecordScanner.Kind.LINE) {
            return rejected(record, "$", "a JSON array inside NDJSON: each line holds one claim object (a file that is one array starts with '[')");
        }
        return reader.read(record, node);
    }

    /** Whether {@code bytes} are valid UTF-8 holding exactly one JSON value within the read limits. */
    static boolean isOneJsonValue(byte[] bytes) {
        try (JsonParser p = Json.mapper().createParser(decode(bytes))) {
            JsonNode node = Json.mapper().readTree(p);
            return node != null && !node.isMissingNode() && p.nextToken() == null;
        } catch (MalformedUtf8 | IOException e) {
            return false;
        }
    }

    /**
     * Decodes strict UTF-8: overlong forms, surrogates, bytes past U+10FFFF and truncated sequences are errors
     * ({@link CodingErrorAction#REPORT}), as RFC 3629 requires. The one decoder of every claim input.
     */
    static String decode(byte[] bytes) throws MalformedUtf8 {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) throw new MalformedUtf8(in.position());
        r = decoder.flush(out);
        if (r.isError()) throw new MalformedUtf8(Math.min(in.position(), bytes.length - 1));
        out.flip();
        return out.toString();
    }

    /** Where a record's byte sequence stops being UTF-8. */
    static final class MalformedUtf8 extends Exception {
        private static final long serialVersionUID = 1L;
        final int index;

        MalformedUtf8(int index) {
            super("malformed UTF-8 at " + index, null, false, false);
            this.index = index;
        }
    }

    /** "line L, column C" of the input, from a location inside the record's text (lines end at LF, as the scanner counts). */
    private static String where(RecordScanner.Raw raw, String text, JsonLocation at) {
        long offset = at == null ? -1 : at.getCharOffset();
        if (offset < 0) return "line " + raw.line();
        int end = (int) Math.min(offset, text.length());
        long lineBreaks = 0;
        int lastBreak = -1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                lineBreaks++;
                lastBreak = i;
            }
        }
        long col = lineBreaks == 0 ? raw.column() + end : end - lastBreak;
        return "line " + (raw.line() + lineBreaks) + ", column " + col;
    }

    /** The JSON path of the parser's position in the field notation of {@link ClaimReader}: {@code subscription.monthlyFeeKrw}. */
    static String path(JsonStreamContext ctx) {
        Deque<String> parts = new ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) parts.push("." + c.getCurrentName());
            else if (c.inArray()) parts.push("[" + Math.max(0, c.getCurrentIndex()) + "]");
        }
        if (parts.isEmpty()) return "$";
        String p = String.join("", parts);
        return p.startsWith(".") ? p.substring(1) : "$" + p;
    }

    /** The outermost field of the parser's position: a too-deep value is named by where it starts, not by 64 levels of path. */
    private static String topField(JsonStreamContext ctx) {
        JsonStreamContext c = ctx;
        while (c != null && c.getParent() != null && !c.getParent().inRoot()) c = c.getParent();
        if (c != null && !c.inRoot() && c.inObject() && c.getCurrentName() != null) return c.getCurrentName();
        return "$";
    }

    private static ClaimInput rejected(long record, String field, String reason) {
        return ClaimInput.rejected(record, null, new Rejection(field, reason));
    }

    static String firstLine(String message) {
        if (message == null) return "";
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
