package io.bosang.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs a request's assessments on a bounded pool of daemon worker threads and waits at most
 * {@code bosang.limits.assessment-timeout} for them. Past it the request gets 503 naming the policy and the claim
 * being assessed, and the rest of its claims are not started.
 *
 * <p>What cannot be done: stop the claim being computed. A rule consequence is Java code inside Drools; the DRL lint
 * refuses loops and the firing cap ends a rule that re-activates itself, but one long computation (a huge
 * {@code BigDecimal.pow}) checks no interrupt, and {@code Thread.stop} would leave shared state broken. So the worker
 * finishes that claim in the background and then stops. While it runs it holds one worker; health goes DOWN when
 * every worker is held past the deadline, since nothing can be assessed until one ends. The workers are daemon
 * threads, so none keeps the JVM from exiting at shutdown.
 */
final class AssessmentDeadline implements HealthIndicator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AssessmentDeadline.class);

    private final ThreadPoolExecutor pool;
    private final Duration timeout;
    private final int workers;
    private final OutOfMemoryHealth memory;
    private final Set<Progress> running = ConcurrentHashMap.newKeySet();
    private final AtomicLong requestsPastDeadline = new AtomicLong();

    AssessmentDeadline(Duration timeout, int workers, OutOfMemoryHealth memory) {
        this.timeout = timeout;
        this.workers = workers;
        this.memory = memory;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "bosang-request-assess-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Where a request's assessment is: the policy and the claim being assessed, so a timeout can say which. Once the
     * request is abandoned, the next claim it reaches stops the work.
     */
    static final class Progress {
        private volatile String policy;
        private volatile long record;
        private volatile String claimId;
        private volatile long startedNanos;
        private volatile boolean abandoned;
        private volatile String afterDeadline;

        Progress(String policy) {
            this.policy = policy;
        }

        /** Called before each claim is assessed. */
        void at(String policy, long record, String claimId) {
            if (abandoned) throw new Abandoned();
            this.policy = policy;
            this.record = record;
            this.claimId = claimId;
        }
    }

    /** Ends the background work of an abandoned request at its next claim. */
    static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super("the request was abandoned at its deadline", null, false, false);
        }
    }

    /** Runs {@code work} on a worker and returns its result, or throws a 503 {@link ApiException} at the deadline. */
    <T> T run(String policy, Function<Progress, T> work) {
        return run(policy, null, work);
    }

    /**
     * As {@link #run(String, Function)}, for work that cannot be stopped at its next claim once abandoned (it runs to
     * its end in the background): {@code whatBecomesOfIt} tells the client, in the 503, what that means for it.
     */
    <T> T run(String policy, String whatBecomesOfIt, Function<Progress, T> work) {
        Progress progress = new Progress(policy);
        progress.afterDeadline = whatBecomesOfIt;
        Future<T> f;
        try {
            f = pool.submit(() -> {
                progress.startedNanos = System.nanoTime();
                running.add(progress);
                try {
                    return work.apply(progress);
                } catch (OutOfMemoryError e) {
                    memory.record(e);
                    throw e;
                } finally {
                    running.remove(progress);
                }
            });
        } catch (RejectedExecutionException stopping) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "$", "the service is stopping; send the request again");
        }
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            progress.abandoned = true;
            f.cancel(false);   // a request still waiting for a worker never starts; a running one stops at its next claim
            requestsPastDeadline.incrementAndGet();
            // Policy and position only: a claim id is the claimant's data and is never logged.
            LOG.warn("assessment under policy {} passed its deadline of {} at record {}; abandoned", progress.policy, timeout, progress.record);
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "$", timedOut(progress), progress.startedNanos == 0 ? "5" : null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) throw re;
            if (cause instanceof Error err) throw err;
            throw new IllegalStateException("assessment failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.abandoned = true;
            f.cancel(false);
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "$", "the service is stopping; send the request again");
        }
    }

    private String timedOut(Progress p) {
        String limit = timeout.toMillis() % 1000 == 0 ? timeout.toSeconds() + " s" : timeout.toMillis() + " ms";
        if (p.startedNanos == 0) {
            return "policy " + p.policy + ": the request waited longer than " + limit + " (bosang.limits.assessment-timeout) for one of the "
                    + workers + " assessment workers, all busy; send it again later";
        }
        if (p.afterDeadline != null) {
            return "policy " + p.policy + ": the request's assessments passed the " + limit + " allowed (bosang.limits.assessment-timeout). "
                    + p.afterDeadline + " Report the policy to its maintainers if this repeats.";
        }
        return "policy " + p.policy + ": claim " + p.claimId + " (record " + p.record + ") took too long: the request's assessments "
                + "passed the " + limit + " allowed (bosang.limits.assessment-timeout), so nothing of it is returned and its remaining "
                + "claims are not assessed. A rule's computation cannot be stopped from outside: this claim's goes on in the background "
                + "until it ends. Report the policy to its maintainers.";
    }

    /** Workers held by requests already answered with 503: each is still computing one claim. */
    int heldPastDeadline() {
        long limit = timeout.toNanos();
        long now = System.nanoTime();
        int n = 0;
        for (Progress p : running) if (p.abandoned || now - p.startedNanos > limit) n++;
        return n;
    }

    long requestsPastDeadline() {
        return requestsPastDeadline.get();
    }

    @Override
    public Health health() {
        int held = heldPastDeadline();
        Health.Builder h = held >= workers ? Health.down().withDetail("reason", "every assessment worker is still computing a claim "
                + "past its deadline; nothing can be assessed until one ends") : Health.up();
        return h.withDetail("workers", workers)
                .withDetail("busy", running.size())
                .withDetail("heldPastDeadline", held)
                .withDetail("queued", pool.getQueue().size())
                .withDetail("requestsPastDeadline", requestsPastDeadline.get())
                .withDetail("timeout", timeout.toString())
                .build();
    }

    @Override
    public void close() {
        pool.shutdownNow();   // interrupts and does not wait: a claim still computing dies with the JVM (daemon threads)
    }
}
