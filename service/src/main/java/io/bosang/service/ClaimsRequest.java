package io.bosang.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.ClaimInput;
import io.bosang.json.ClaimReader;
import io.bosang.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A request body of claims, read within the size limits: one claim object, or a JSON array of claims (a batch).
 * Each element goes through {@link ClaimReader}, so a bad element becomes a rejection naming its field.
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

        JsonNode root;
        try {
            root = Json.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            String m = e.getOriginalMessage();
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", "not valid JSON: " + (m == null ? "" : m.lines().findFirst().orElse(""))
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", "the request body could not be read");
        }
        if (root == null || root.isMissingNode()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", "the body is empty: send one claim object or an array of claims");
        }
        if (root.isObject()) return new ClaimsRequest(true, List.of(reader.read(1, root)));
        if (!root.isArray()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", "must be one claim object or an array of claims");
        }
        if (root.size() > props.maxBatchSize()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "$", "a batch holds at most " + props.maxBatchSize()
                    + " claims (bosang.max-batch-size); this one has " + root.size());
        }
        List<ClaimInput> inputs = new ArrayList<>(root.size());
        for (int i = 0; i < root.size(); i++) inputs.add(reader.read(i + 1, root.get(i)));
        return new ClaimsRequest(false, inputs);
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "$", "the request body exceeds " + max
                + " bytes (bosang.max-request-bytes); split the batch");
    }
}
