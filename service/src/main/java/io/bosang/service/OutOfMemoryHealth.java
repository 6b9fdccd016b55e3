package io.bosang.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryNotificationInfo;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Health {@code memory}: DOWN for good once an {@link OutOfMemoryError} was seen anywhere we can see one, so an
 * orchestrator restarts the process. After an OutOfMemoryError any thread may have died half way (in the incident it
 * was Tomcat's poller, and health and assessments hung while the process lived on), so no state after it is trusted.
 *
 * <p>Where one is seen: the JVM's default uncaught-exception handler (a thread killed by it, such as the poller), the
 * request path (the body filter, the error dispatch, the exception handler), and the assessment workers. The first
 * line of defence is not this class but {@code -XX:+ExitOnOutOfMemoryError}, which {@code bosang-service} passes by
 * default: the JVM then exits at the first one. This indicator is for a JVM started without that flag.
 *
 * <p>It also asks the JVM to notify when a heap pool is still {@value #HEAP_ALERT_PERCENT}% full right after a
 * collection (a {@link MemoryPoolMXBean} collection-usage threshold): that is counted, logged and shown, but does
 * not fail health by itself, since a heap can pass it and recover.
 */
final class OutOfMemoryHealth implements HealthIndicator, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(OutOfMemoryHealth.class);
    static final int HEAP_ALERT_PERCENT = 95;

    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong fullAfterCollection = new AtomicLong();
    private volatile Instant lastAt;
    private volatile String lastThread;
    private Thread.UncaughtExceptionHandler previous;
    private Thread.UncaughtExceptionHandler installed;
    private NotificationListener heapListener;

    /** Records {@code t} when it is, or was caused by, an OutOfMemoryError; returns whether it was. */
    boolean record(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                errors.incrementAndGet();
                lastAt = Instant.now();
                lastThread = Thread.currentThread().getName();
                return true;
            }
        }
        return false;
    }

    /** Sees every thread that dies of an OutOfMemoryError; then hands the error on as before. */
    void installUncaughtHandler() {
        previous = Thread.getDefaultUncaughtExceptionHandler();
        installed = (thread, e) -> {
            if (record(e)) lastThread = thread.getName();
            if (previous != null) {
                previous.uncaughtException(thread, e);
            } else if (!(e instanceof ThreadDeath)) {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace(System.err);
            }
        };
        Thread.setDefaultUncaughtExceptionHandler(installed);
    }

    /** Asks every heap pool that supports it to notify when it is still nearly full right after a collection. */
    void watchHeap() {
        int pools = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.isCollectionUsageThresholdSupported() && pool.getUsage().getMax() > 0) {
                pool.setCollectionUsageThreshold(pool.getUsage().getMax() / 100 * HEAP_ALERT_PERCENT);
                pools++;
            }
        }
        if (pools == 0) return;
        heapListener = (Notification n, Object handback) -> {
            if (MemoryNotificationInfo.MEMORY_COLLECTION_THRESHOLD_EXCEEDED.equals(n.getType())) {
                fullAfterCollection.incrementAndGet();
                LOG.warn("a heap pool is still {}% full or more right after a collection: the service is close to running out of memory",
                        HEAP_ALERT_PERCENT);
            }
        };
        ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).addNotificationListener(heapListener, null, null);
    }

    long errors() {
        return errors.get();
    }

    @Override
    public Health health() {
        Health.Builder h = errors.get() > 0 ? Health.down() : Health.up();
        h.withDetail("outOfMemoryErrors", errors.get())
                .withDetail("heapFullAfterCollection", fullAfterCollection.get())
                .withDetail("maxHeapBytes", Runtime.getRuntime().maxMemory());
        if (lastAt != null) {
            h.withDetail("lastOutOfMemoryAt", lastAt.toString()).withDetail("lastOutOfMemoryThread", lastThread)
                    .withDetail("action", "restart the process: after an OutOfMemoryError any thread may have died half way");
        }
        return h.build();
    }

    @Override
    public void close() {
        if (installed != null && Thread.getDefaultUncaughtExceptionHandler() == installed) Thread.setDefaultUncaughtExceptionHandler(previous);
        if (heapListener != null) {
            try {
                ((NotificationEmitter) ManagementFactory.getMemoryMXBean()).removeNotificationListener(heapListener);
            } catch (ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
