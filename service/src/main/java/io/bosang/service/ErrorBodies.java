package io.bosang.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.bosang.json.Json;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The {@code {field, reason}} body of an error that no controller wrote (Tomcat's own refusals, Spring's error
 * dispatch, the body gate): the reason is the service's own words for the status, never the container's message,
 * which can quote the request.
 */
final class ErrorBodies {
    private ErrorBodies() {
    }

    static ApiError forStatus(int status) {
        return new ApiError("$", switch (status) {
            case 400 -> "the request could not be read: a malformed request line or header, an invalid character or %-escape in "
                    + "the URL, or a path that leaves the service with '..'";
            case 401 -> "an admin token is required: Authorization: Bearer <token>";
            case 403 -> "forbidden";
            case 404 -> "no such endpoint";
            case 405 -> "this method is not supported here";
            case 406 -> "the service answers application/json only";
            case 408 -> "the request did not arrive in time";
            case 411 -> "a request body needs a Content-Length or chunked transfer encoding";
            case 413 -> "the request is too large";
            case 414 -> "the URL is too long";
            case 415 -> "unsupported Content-Type";
            case 431 -> "the request headers are too large";
            case 501 -> "this method is not implemented";
            case 503 -> "the service is unavailable; send the request again later";
            case 505 -> "HTTP version not supported";
            default -> status >= 500 ? "internal error" : "the request was refused (HTTP " + status + ")";
        });
    }

    static byte[] bytes(ApiError error) {
        try {
            return Json.mapper().writeValueAsBytes(error);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an ApiError always serialises", e);
        }
    }

    /** Writes {@code error} as the whole response with {@code status}, when nothing was committed yet. */
    static void write(HttpServletResponse response, int status, ApiError error, String retryAfterSeconds) throws IOException {
        if (response.isCommitted()) return;
        response.resetBuffer();
        response.setStatus(status);
        if (retryAfterSeconds != null) response.setHeader("Retry-After", retryAfterSeconds);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        byte[] body = bytes(error);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        response.flushBuffer();
    }
}
