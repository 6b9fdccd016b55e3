package io.bosang.service;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.SocketTimeoutException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Receives every request body before a request thread is given to the request, as nginx buffers a body before it
 * passes the request on: the body is read with the Servlet API's non-blocking reads ({@link ReadListener}) while the
 * request waits asynchronously, so a client that trickles its body one byte at a time holds a connection and a
 * small buffer, never one of Tomcat's request threads. Once the whole body is there the request is dispatched with
 * it, in memory, to the controllers.
 *
 * <p>Bounds, each answered as {@code {field, reason}} JSON: the whole body must arrive within
 * {@code bosang.limits.body-read-timeout} (408; mod_reqtimeout's body timeout, as a total rather than per read, so a
 * trickle cannot stretch it), be at most {@code bosang.max-request-bytes} (413, without reading a body declared
 * larger), and fit the in-flight budget of all bodies held at once, {@code bosang.limits.in-flight-bytes} (503 with
 * Retry-After). A refused body still being sent is read and dropped up to Tomcat's max-swallow-size, so the client
 * sees the answer rather than a reset; past that, or at the deadline, the connection is closed.
 *
 * <p>Forms and multipart uploads (the workbench's) are parsed by Tomcat itself from its own stream, which a buffered
 * copy cannot replace: they are read as before, blocking a thread, but at most {@code bosang.limits.blocking-body-reads}
 * at once (503 beyond, refused without holding a thread).
 */
final class RequestBodyFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RequestBodyFilter.class);
    static final String BODY = RequestBodyFilter.class.getName() + ".body";
    private static final int FIRST_BUFFER = 16 * 1024;
    private static final byte[] EMPTY = new byte[0];

    private final long maxBytes;
    private final long discardLimit;
    private final Duration timeout;
    private final InFlightBytes budget;
    private final Semaphore blockingReads;
    private final int blockingReadsLimit;
    private final OutOfMemoryHealth memory;
    private final AtomicLong timeouts = new AtomicLong();
    private final AtomicLong tooLarge = new AtomicLong();
    private final AtomicLong blockingRefusals = new AtomicLong();

    /**
     * @param maxBytes     the largest body accepted ({@code bosang.max-request-bytes})
     * @param discardLimit how much of a refused body is read and dropped before the connection is closed instead
     */
    RequestBodyFilter(long maxBytes, long discardLimit, Duration timeout, InFlightBytes budget, int blockingReads, OutOfMemoryHealth memory) {
        if (maxBytes < 1 || maxBytes > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("bosang.max-request-bytes must be 1 B to 2 GB");
        this.maxBytes = maxBytes;
        this.discardLimit = Math.max(discardLimit, maxBytes);
        this.timeout = timeout;
        this.budget = budget;
        this.blockingReads = new Semaphore(blockingReads);
        this.blockingReadsLimit = blockingReads;
        this.memory = memory;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        try {
            if (request.getDispatcherType() == DispatcherType.ASYNC && request.getAttribute(BODY) instanceof Body body) {
                request.removeAttribute(BODY);
                try {
                    chain.doFilter(new BufferedRequest(request, body), response);
                } finally {
                    body.release();
                }
            } else if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request)) {
                chain.doFilter(request, response);
            } else if (readByContainer(request)) {
                if (!blockingReads.tryAcquire()) {
                    blockingRefusals.incrementAndGet();
                    new BodyReader(request, response, new Refusal(503, new ApiError("$", "the service is receiving as many uploads and "
                            + "forms as it takes at once (" + blockingReadsLimit + ", bosang.limits.blocking-body-reads); send it again shortly"), "1")).start();
                    return;
                }
                try {
                    chain.doFilter(request, response);
                } finally {
                    blockingReads.release();
                }
            } else {
                new BodyReader(request, response, null).start();
            }
        } catch (OutOfMemoryError e) {
            memory.record(e);
            throw e;
        }
    }

    static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /** Bodies Tomcat parses itself, from its own stream: forms ({@code getParameter}) and multipart ({@code getParts}). */
    static boolean readByContainer(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) return false;
        String t = type.toLowerCase(Locale.ROOT).trim();
        return t.startsWith("multipart/") || t.startsWith("application/x-www-form-urlencoded");
    }

    long timeouts() {
        return timeouts.get();
    }

    long tooLarge() {
        return tooLarge.get();
    }

    long blockingRefusals() {
        return blockingRefusals.get();
    }

    int blockingReadsInUse() {
        return blockingReadsLimit - blockingReads.availablePermits();
    }

    private ApiError tooLargeError() {
        return new ApiError("$", "the request body exceeds " + maxBytes + " bytes (bosang.max-request-bytes); split the batch");
    }

    /** How a body was refused: status, body and the Retry-After seconds, if any. */
    private record Refusal(int status, ApiError error, String retryAfter) {
    }

    /**
     * One request's body, read without a thread. Tomcat calls the listeners of one connection one at a time, each
     * holding that connection's lock; the monitor here only makes that explicit.
     */
    private final class BodyReader implements ReadListener, AsyncListener {
        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private AsyncContext async;
        private ServletInputStream in;
        private long declared;
        private byte[] buffer = EMPTY;
        private int count;
        private long held;
        private long received;
        private byte[] scratch;
        private Refusal refusal;
        private boolean done;
        private Body body;

        BodyReader(HttpServletRequest request, HttpServletResponse response, Refusal refusal) {
            this.request = request;
            this.response = response;
            this.refusal = refusal;
        }

        synchronized void start() throws IOException {
            declared = request.getContentLengthLong();
            async = request.startAsync(request, response);
            async.setTimeout(timeout.toMillis());
            async.addListener(this);
            if (refusal == null && declared > maxBytes) {
                tooLarge.incrementAndGet();
                refusal = new Refusal(413, tooLargeError(), null);
            }
            in = request.getInputStream();
            // Always non-blocking, even to refuse at once: Tomcat then drops the unread rest of a body without
            // blocking a thread on it, where a blocking swallow would wait on a trickling client.
            in.setReadListener(this);
            if (refusal != null && declared > discardLimit) finish(refusal);
        }

        @Override
        public synchronized void onDataAvailable() throws IOException {
            while (!done && in.isReady()) {
                int n;
                if (refusal == null) {
                    if (count == buffer.length && !grow()) continue;
                    n = in.read(buffer, count, buffer.length - count);
                    if (n > 0) count += n;
                } else {
                    if (scratch == null) scratch = new byte[8192];
                    n = in.read(scratch);
                }
                if (n < 0) return;   // the end: onAllDataRead follows
                received += n;
                if (refusal == null && count > maxBytes) {
                    tooLarge.incrementAndGet();
                    refuse(new Refusal(413, tooLargeError(), null));
                }
                if (refusal != null && received > discardLimit) {
                    finish(refusal);   // too much to drop: answer and close
                    return;
                }
            }
        }

        /** Doubles the buffer, up to the declared length or the limit (+1 to see a body that is too long). */
        private boolean grow() {
            long cap = buffer.length == 0 ? FIRST_BUFFER : 2L * buffer.length;
            if (declared >= 0) cap = Math.min(cap, declared + 1);
            cap = Math.min(cap, maxBytes + 1);
            int more = (int) (cap - buffer.length);
            if (more <= 0) {
                refuse(new Refusal(413, tooLargeError(), null));
                return false;
            }
            if (!budget.tryTake(more)) {
                refuse(new Refusal(503, new ApiError("$", "the service holds as many request bodies as its memory budget allows "
                        + "(bosang.limits.in-flight-bytes); send the request again shortly"), "1"));
                return false;
            }
            held += more;
            buffer = Arrays.copyOf(buffer, (int) cap);
            return true;
        }

        private void refuse(Refusal r) {
            refusal = r;
            releaseHeld();
            buffer = EMPTY;
            count = 0;
        }

        private void releaseHeld() {
            budget.give(held);
            held = 0;
        }

        @Override
        public synchronized void onAllDataRead() {
            if (done) return;
            if (refusal != null) {
                finish(refusal);
                return;
            }
            done = true;
            body = new Body(buffer, count, held, budget);
            held = 0;
            buffer = null;
            request.setAttribute(BODY, body);
            async.dispatch();
        }

        @Override
        public synchronized void onError(Throwable t) {
            if (done) return;
            if (t instanceof SocketTimeoutException) {
                timeouts.incrementAndGet();
                finish(timedOut());
                return;
            }
            // the body broke off (the client went away, or sent a bad chunk): answered, though likely to no one
            finish(new Refusal(400, new ApiError("$", "the request body could not be read"), null));
        }

        @Override
        public synchronized void onTimeout(AsyncEvent event) {
            if (done) return;
            timeouts.incrementAndGet();
            finish(timedOut());
        }

        private Refusal timedOut() {
            return new Refusal(408, new ApiError("$", "the request body did not arrive within " + timeout.toSeconds()
                    + " s (bosang.limits.body-read-timeout)"), null);
        }

        @Override
        public synchronized void onComplete(AsyncEvent event) {
            releaseHeld();
            if (body != null) body.release();
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }

        private void finish(Refusal r) {
            done = true;
            releaseHeld();
            try {
                ErrorBodies.write(response, r.status(), r.error(), r.retryAfter());
            } catch (IOException | IllegalStateException e) {
                LOG.debug("could not answer a refused request body: {}", e.getClass().getName());
            }
            complete();
        }

        private void complete() {
            try {
                async.complete();
            } catch (IllegalStateException alreadyOver) {
                // completed or timed out meanwhile
            }
        }
    }

    /** A body received whole, holding its share of the in-flight budget until its response is written. */
    static final class Body {
        private final byte[] bytes;
        private final int length;
        private final long held;
        private final InFlightBytes budget;
        private final AtomicBoolean released = new AtomicBoolean();

        Body(byte[] bytes, int length, long held, InFlightBytes budget) {
            this.bytes = bytes;
            this.length = length;
            this.held = held;
            this.budget = budget;
        }

        void release() {
            if (released.compareAndSet(false, true)) budget.give(held);
        }
    }

    /** The request as the controllers see it: the same request, its body served from memory. */
    static final class BufferedRequest extends HttpServletRequestWrapper {
        private final Body body;

        BufferedRequest(HttpServletRequest request, Body body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body.bytes, 0, body.length);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    try {
                        listener.onDataAvailable();
                        listener.onAllDataRead();
                    } catch (IOException e) {
                        listener.onError(e);
                    }
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public int available() {
                    return in.available();
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String enc = getCharacterEncoding();
            Charset cs = enc == null ? StandardCharsets.UTF_8 : Charset.forName(enc);
            return new BufferedReader(new InputStreamReader(getInputStream(), cs));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
