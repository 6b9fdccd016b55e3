package io.bosang.service;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The error dispatch ({@code /error}) as {@code {field, reason}} JSON for every client, browsers included, in place
 * of Boot's HTML whitelabel page: an error Tomcat or a filter raised with {@code sendError}, or an exception no
 * handler took. An {@link OutOfMemoryError} that arrives here is recorded for the health check.
 */
@RestController
class JsonErrorController implements ErrorController {
    private final OutOfMemoryHealth memory;

    JsonErrorController(OutOfMemoryHealth memory) {
        this.memory = memory;
    }

    @RequestMapping(path = "${server.error.path:${error.path:/error}}")
    ResponseEntity<ApiError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable t) memory.record(t);
        ResponseEntity.BodyBuilder b = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (status == 503) b.header("Retry-After", "5");
        return b.body(ErrorBodies.forStatus(status));
    }
}
