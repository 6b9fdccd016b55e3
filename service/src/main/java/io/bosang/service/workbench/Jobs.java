package io.bosang.service.workbench;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Long runs (check and diff of a working copy over a corpus, a comparison) as jobs on a bounded executor: one runs at
 * a time, a few wait, more are refused. A page polls a job's progress as JSON; cancelling interrupts it, and the run
 * stops at its next chunk of claims.
 */
@Component
public class Jobs {
    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);
    private static final int KEPT = 32;
    private final ThreadPoolExecutor executor;
    private final Map<String, Job> jobs = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    public Jobs(WorkbenchProperties props) {
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, props.queuedJobs())), r -> {
            Thread t = new Thread(r, "bosang-workbench-job");
            t.setDaemon(true);
            return t;
        });
    }

    public enum State { QUEUED, RUNNING, DONE, FAILED, CANCELLED }

    /** What a job does: its body reports progress on the job and returns the result the page shows. */
    @FunctionalInterface
    public interface Body {
        Object run(Job job) throws Exception;
    }

    /** One run. Progress fields are written by the job's thread and read by the polling page. */
    public static final class Job {
        private final String id;
        private final String kind;
        private final String subject;
        private final Instant created = Instant.now();
        private volatile State state = State.QUEUED;
        private volatile String phase = "queued";
        private final AtomicLong done = new AtomicLong();
        private volatile long total;
        private volatile Object result;
        private volatile String error;
        private volatile boolean cancelRequested;
        private volatile Future<?> future;

        Job(String id, String kind, String subject) {
            this.id = id;
            this.kind = kind;
            this.subject = subject;
        }

        public String id() { return id; }
        public String kind() { return kind; }
        public String subject() { return subject; }
        public Instant created() { return created; }
        public State state() { return state; }
        public String phase() { return phase; }
        public long done() { return done.get(); }
        public long total() { return total; }
        public Object result() { return result; }
        public String error() { return error; }
        public boolean finished() { return state == State.DONE || state == State.FAILED || state == State.CANCELLED; }

        /** Enters a phase of {@code total} steps (0 when unknown). */
        public void phase(String name, long steps) {
            checkCancelled();
            this.phase = name;
            this.total = steps;
            this.done.set(0);
        }

        /** Progress within the phase; throws {@link CancellationException} once cancelled, which ends the run. */
        public void progress(long steps) {
            done.set(steps);
            checkCancelled();
        }

        public void checkCancelled() {
            if (cancelRequested || Thread.currentThread().isInterrupted()) throw new CancellationException("cancelled");
        }

        /** Percent of the phase done, or -1 when the phase has no known size. */
        public int percent() {
            long t = total;
            return t <= 0 ? -1 : (int) Math.min(100, done.get() * 100 / t);
        }
    }

    /** Thrown when the queue is full: the page says the workbench is busy. */
    public static final class Busy extends RuntimeException {
        Busy() {
            super("the workbench is running other jobs; try again when they finish", null, false, false);
        }
    }

    public Job submit(String kind, String subject, Body body) {
        Job job;
        synchronized (jobs) {
            job = new Job(newId(), kind, subject);
            jobs.put(job.id, job);
            while (jobs.size() > KEPT) {
                String oldest = jobs.keySet().iterator().next();
                if (!jobs.get(oldest).finished()) break;
                jobs.remove(oldest);
            }
        }
        Job j = job;
        try {
            job.future = executor.submit(() -> execute(j, body));
        } catch (RejectedExecutionException e) {
            synchronized (jobs) {
                jobs.remove(job.id);
            }
            throw new Busy();
        }
        return job;
    }

    private void execute(Job job, Body body) {
        if (job.cancelRequested) {
            job.state = State.CANCELLED;
            return;
        }
        job.state = State.RUNNING;
        try {
            job.result = body.run(job);
            job.state = job.cancelRequested ? State.CANCELLED : State.DONE;
        } catch (CancellationException e) {
            job.state = State.CANCELLED;
        } catch (Exception | StackOverflowError e) {
            if (job.cancelRequested) {
                job.state = State.CANCELLED;
                return;
            }
            // The page shows the failure's class only: messages may quote uploaded claims. Logged by class, too.
            job.error = e.getClass().getSimpleName();
            job.state = State.FAILED;
            LOG.warn("workbench job {} ({}) failed with {}", job.id, job.kind, e.getClass().getName());
        } finally {
            job.phase = job.state.name().toLowerCase(java.util.Locale.ROOT);
            Thread.interrupted();   // the pool thread goes on clean
        }
    }

    public Optional<Job> find(String id) {
        synchronized (jobs) {
            return Optional.ofNullable(jobs.get(id));
        }
    }

    /** Asks the job to stop: a queued job never starts, a running one is interrupted and stops at its next chunk. */
    public boolean cancel(String id) {
        Job job = find(id).orElse(null);
        if (job == null || job.finished()) return false;
        job.cancelRequested = true;
        Future<?> f = job.future;
        if (f != null) f.cancel(true);
        if (job.state == State.QUEUED) job.state = State.CANCELLED;
        return true;
    }

    private String newId() {
        byte[] b = new byte[8];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
