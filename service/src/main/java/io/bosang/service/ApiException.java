package io.bosang.service;

import org.springframework.http.HttpStatus;

/** A request the service refuses, with the HTTP status and the field-level reason the client gets back. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final HttpStatus status;
    private final String field;
    private final String reason;
    private final String retryAfterSeconds;

    public ApiException(HttpStatus status, String field, String reason) {
        this(status, field, reason, null);
    }

    /** With {@code Retry-After: retryAfterSeconds} on a 503, when sending the same request again later may succeed. */
    public ApiException(HttpStatus status, String field, String reason, String retryAfterSeconds) {
        super(field + ": " + reason, null, false, false);
        this.status = status;
        this.field = field;
        this.reason = reason;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    String retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public ApiError body() {
        return new ApiError(field, reason);
    }
}
