package io.bosang.service;

import io.bosang.ledger.LedgerUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every refusal as {@code {field, reason}}, as application/json whatever the client's Accept header says (a browser
 * asking for HTML gets the same JSON). Only the exception's class is logged: messages may quote claims. Spring's own
 * refusals (a bad parameter type, an unacceptable media type, ...) keep their status; anything else is a 500, and an
 * OutOfMemoryError under it is recorded for the health check.
 */
@RestControllerAdvice
public class ApiExceptionHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final OutOfMemoryHealth memory;

    public ApiExceptionHandler(OutOfMemoryHealth memory) {
        this.memory = memory;
    }

    private static ResponseEntity.BodyBuilder status(HttpStatus status) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        ResponseEntity.BodyBuilder b = status(e.status());
        if (e.status() == HttpStatus.SERVICE_UNAVAILABLE && e.retryAfterSeconds() != null) b.header("Retry-After", e.retryAfterSeconds());
        return b.body(e.body());
    }

    @ExceptionHandler(LedgerUnavailableException.class)
    ResponseEntity<ApiError> ledgerUnavailable(LedgerUnavailableException e) {
        LOG.warn("claims ledger {}", e.busy() ? "busy: no free connection" : "unavailable");
        String what = e.busy() ? "the claims ledger is busy (every connection stayed in use)" : "the claims ledger's database is unavailable";
        return status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", e.busy() ? "1" : "5")
                .body(new ApiError("$", what + "; nothing of this request was recorded. Send it again "
                        + "later: a claim already recorded comes back as a replay, never a second grant."));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return status(HttpStatus.BAD_REQUEST).body(new ApiError(e.getParameterName(), "is required"));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return status(HttpStatus.BAD_REQUEST).body(new ApiError(e.getHeaderName(), "is required"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .body(new ApiError("Content-Type", "must be application/json: one claim object or an array of claims"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        ResponseEntity.BodyBuilder b = status(HttpStatus.METHOD_NOT_ALLOWED);
        if (e.getSupportedHttpMethods() != null) b.allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new));
        return b.body(new ApiError("$", "method " + e.getMethod() + " is not supported here"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiError> notFound(NoResourceFoundException e) {
        return status(HttpStatus.NOT_FOUND).body(new ApiError("$", "no such endpoint"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        if (e instanceof ErrorResponse spring && spring.getStatusCode().is4xxClientError()) {
            int code = spring.getStatusCode().value();
            return ResponseEntity.status(code).contentType(MediaType.APPLICATION_JSON).body(ErrorBodies.forStatus(code));
        }
        boolean outOfMemory = memory.record(e);
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        LOG.error("request failed with {}{} at {}", e.getClass().getName(), outOfMemory ? " (OutOfMemoryError)" : "", at);
        return status(HttpStatus.INTERNAL_SERVER_ERROR).body(new ApiError("$", "internal error"));
    }
}
