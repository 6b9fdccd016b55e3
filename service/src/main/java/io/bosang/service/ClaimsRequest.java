package io.bosang.service;

import io.bosang.engine.ClaimInput;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A request body of claims, read within the size limits: one claim object, or a JSON array of claims (a batch).
 * Read by {@link ClaimSource#openDocument}: the claims-file reader's strict UTF-8, duplicate-key and nesting rules,
 * each element through {@link ClaimReader}, so a bad element becomes a rejection naming its field and position.
 *
 * <p>The body is streamed through the cutter (which holds one record at a time, never the body twice) and the batch
 * limit is enforced while it is cut: element {@code max-batch-size + 1} ends the reading with a 400, before any
 * element is parsed, so an array of 700,000 {@code {}} costs one pass over its bytes, not 700,000 objects.
 *
 * @param single whether the body was one object rather than an array
 * @param inputs one input per element, numbered from 1, in order
 */
record ClaimsRequest(boolean single, List<ClaimInput> inputs) {

    static ClaimsRequest read(HttpServletRequest request, ClaimReader reader, BosangProperties props) {
        long max = props.maxRequestBytes().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) throw tooLarge(max);
        int maxBatch = props.maxBatchSize();

        // The same cutting, strict UTF-8 decoding and strict JSON as claims files (ClaimSource), restricted to one
        // object or one array: a bad element is a REJECTED record naming its field; a body that is neither is a 400.
        List<Supplier<ClaimInput>> records = new ArrayList<>();
        boolean single;
        try (InputStream body = new Bounded(request.getInputStream(), max);
             ClaimSource source = ClaimSource.openDocument(body, reader)) {
            Iterator<Supplier<ClaimInput>> it = source.deferred();
            while (it.hasNext()) {
                if (records.size() == maxBatch) {
                    throw new ApiException(HttpStatus.BAD_REQUEST, "$", "a batch holds at most " + maxBatch
                            + " claims (bosang.max-batch-size); this one has more: split it");
                }
                records.add(it.next());
            }
            single = source.singleObject();
        } catch (ClaimSource.NotClaimsException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", e.getMessage());
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof Bounded.TooLarge) throw tooLarge(max);
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", "the request body could not be read");
        } catch (IOException e) {
            if (e instanceof Bounded.TooLarge) throw tooLarge(max);
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", "the request body could not be read");
        }
        List<ClaimInput> inputs = new ArrayList<>(records.size());
        for (Supplier<ClaimInput> r : records) inputs.add(r.get());
        return new ClaimsRequest(single, inputs);
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "$", "the request body exceeds " + max
                + " bytes (bosang.max-request-bytes); split the batch");
    }

    /** The body, failing once it passes {@code max} bytes (a chunked body declares no length). */
    private static final class Bounded extends FilterInputStream {
        private final long max;
        private long count;

        Bounded(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        static final class TooLarge extends IOException {
            private static final long serialVersionUID = 1L;

            TooLarge() {
                super("the body is too large", null);
            }
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > max) throw new TooLarge();
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0 && (count += n) > max) throw new TooLarge();
            return n;
        }
    }
}
