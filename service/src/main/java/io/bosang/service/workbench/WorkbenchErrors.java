package io.bosang.service.workbench;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Errors of the workbench's pages as pages (the API's errors stay JSON). Messages shown are the workbench's own
 * words; an unexpected failure is logged by class only, since a message could quote an uploaded claim.
 */
@ControllerAdvice(assignableTypes = {PolicyPages.class, TryPage.class, WorkbenchPages.class, ComparePages.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WorkbenchErrors {
    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchErrors.class);

    /** A page or file that does not exist. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message, null, false, false);
        }
    }

    /** A request the workbench refuses, with the reason shown on the page. */
    public static final class Refused extends RuntimeException {
        final int status;

        public Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @ExceptionHandler(NotFound.class)
    String notFound(NotFound e, Model model, HttpServletResponse response) {
        return page(404, e.getMessage(), model, response);
    }

    @ExceptionHandler(Refused.class)
    String refused(Refused e, Model model, HttpServletResponse response) {
        return page(e.status, e.getMessage(), model, response);
    }

    @ExceptionHandler(Uploads.Refused.class)
    String upload(Uploads.Refused e, Model model, HttpServletResponse response) {
        return page(400, e.getMessage(), model, response);
    }

    @ExceptionHandler(Jobs.Busy.class)
    String busy(Jobs.Busy e, Model model, HttpServletResponse response) {
        return page(503, e.getMessage(), model, response);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    String bad(IllegalArgumentException e, Model model, HttpServletResponse response) {
        return page(400, e.getMessage(), model, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missing(MissingServletRequestParameterException e, Model model, HttpServletResponse response) {
        return page(400, e.getParameterName() + " is required", model, response);
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        StackTraceElement at = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
        LOG.error("workbench page failed with {} at {}", e.getClass().getName(), at);
        return page(500, "internal error", model, response);
    }

    static String page(int status, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("message", message);
        return "workbench/error";
    }

    /**
     * An upload over the multipart limits is refused before any controller runs, so this advice applies to every
     * handler; the API takes no multipart bodies, so only the workbench's forms meet it.
     */
    @ControllerAdvice
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class Multipart {
        @ExceptionHandler(MaxUploadSizeExceededException.class)
        String tooLarge(MaxUploadSizeExceededException e, Model model, HttpServletResponse response) {
            return page(413, "the upload is larger than the workbench accepts", model, response);
        }

        @ExceptionHandler(MultipartException.class)
        String broken(MultipartException e, Model model, HttpServletResponse response) {
            return page(400, "the upload could not be read (too many parts, or not a form upload)", model, response);
        }
    }
}
