package io.bosang.service;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * What keeps the service up under slow, large or runaway requests, under {@code bosang.limits.*} (the connector's own
 * limits are {@code server.tomcat.*} in application.properties). See docs/DESIGN.md, "A service that stays up".
 *
 * @param bodyReadTimeout    how long a request body may take to arrive, in all; past it the request gets 408 and its
 *                           connection is closed. The body is read without holding a request thread.
 * @param inFlightBytes      how many bytes of request bodies the service holds at once, over all requests; a body
 *                           that would pass it gets 503 with Retry-After. Unset: a sixteenth of the maximum heap
 * @param blockingBodyReads  how many form and multipart bodies (the workbench's, which Tomcat itself reads, holding
 *                           a thread) may be received at once; more get 503 with Retry-After
 * @param assessmentTimeout  how long one request's assessments may take; past it the request gets 503 naming the
 *                           policy and the claim, and the claim's computation finishes in the background
 * @param assessmentThreads  threads that assess requests' claims; 0: as many as processors, at least 2
 */
@ConfigurationProperties("bosang.limits")
public record ServiceLimits(
        @DefaultValue("30s") Duration bodyReadTimeout,
        DataSize inFlightBytes,
        @DefaultValue("8") int blockingBodyReads,
        @DefaultValue("30s") Duration assessmentTimeout,
        @DefaultValue("0") int assessmentThreads) {

    public ServiceLimits {
        if (bodyReadTimeout.isNegative() || bodyReadTimeout.isZero()) throw new IllegalArgumentException("bosang.limits.body-read-timeout must be positive");
        if (assessmentTimeout.isNegative() || assessmentTimeout.isZero()) throw new IllegalArgumentException("bosang.limits.assessment-timeout must be positive");
        if (blockingBodyReads < 1) throw new IllegalArgumentException("bosang.limits.blocking-body-reads must be at least 1");
        if (assessmentThreads < 0) throw new IllegalArgumentException("bosang.limits.assessment-threads must be 0 (automatic) or more");
    }

    /** The in-flight budget in bytes: as configured, or a sixteenth of the maximum heap. */
    long inFlightBudgetBytes() {
        return inFlightBytes != null ? inFlightBytes.toBytes() : Runtime.getRuntime().maxMemory() / 16;
    }

    int assessmentWorkers() {
        return assessmentThreads > 0 ? assessmentThreads : Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
