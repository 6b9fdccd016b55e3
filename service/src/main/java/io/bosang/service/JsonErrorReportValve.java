package io.bosang.service;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on an error, as {@code {field, reason}} JSON instead of its HTML page: requests refused before
 * they reach Spring (a bad %-escape, {@code %2e%2e}, an invalid character in the URL or a header, CONNECT, TRACE), and
 * any error no one else answered. Installed on the host in place of Boot's {@link ErrorReportValve} by
 * {@link StayingUpConfig}. Never writes Tomcat's message or a stack trace: they can quote the request.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    public JsonErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) return;
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) return;
        try {
            String body = new String(ErrorBodies.bytes(ErrorBodies.forStatus(status)), java.nio.charset.StandardCharsets.UTF_8);
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            java.io.Writer writer = response.getReporter();   // works whether or not a stream or writer was taken
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (Throwable t) {
            org.apache.tomcat.util.ExceptionUtils.handleThrowable(t);
        }
    }
}
