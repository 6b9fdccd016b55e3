package io.bosang.service;

import io.bosang.engine.ClaimInput;
import io.bosang.json.ClaimReader;
import io.bosang.json.ClaimSource;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A request body of claims, read within the size limits: one claim object, or a JSON array of claims (a batch).
 * Read by {@link ClaimSource#openDocument}: the claims-file reader's strict UTF-8, duplicate-key and nesting rules,
 * each element through {@link ClaimReader}, so a bad element becomes a rejection naming its field and position.
 *
 * @param single whether the body was one object rather than an array
 * @param inputs one input per element, numbered from 1, in order
 */
record ClaimsRequest(boolean single, List<ClaimInput> inputs) {

    static ClaimsRequest read(HttpServletRequest request, ClaimReader reader, BosangProperties props) {
        long max = props.maxRequestBytes().toBytes();
        long declared = request.getContentLengthLong();
        if (declared > max) throw tooLarge(max);
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", "the request body could not be read");
        }
        if (body.length > max) throw tooLarge(max);

        // The same cutting, strict UTF-8 decoding and strict JSON as claims files (ClaimSource), restricted to one
        // object or one array: a bad element is a REJECTED record naming its field; a body that is neither is a 400.
        List<Supplier<ClaimInput>> records = new ArrayList<>();
        boolean single;
        try (ClaimSource source = ClaimSource.openDocument(new ByteArrayInputStream(body), reader)) {
            Iterator<Supplier<ClaimInput>> it = source.deferred();
            while (it.hasNext()) records.add(it.next());
            single = source.singleObject();
        } catch (ClaimSource.NotClaimsException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", e.getMessage());
        }
        if (records.size() > props.maxBatchSize()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", "a batch holds at most " + props.maxBatchSize()
                    + " claims (bosang.max-batch-size); this one has " + records.size());
        }
        List<ClaimInput> inputs = new ArrayList<>(records.size());
        for (Supplier<ClaimInput> r : records) inputs.add(r.get());
        return new ClaimsRequest(single, inputs);
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "$", "the request body exceeds " + max
                + " bytes (bosang.max-request-bytes); split the batch");
    }
}
