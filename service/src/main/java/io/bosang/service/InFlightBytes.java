package io.bosang.service;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A budget of request-body bytes held in memory at once, over all requests. A body takes from it as its buffer grows
 * (so a client that declares 2 MB and sends one byte holds one buffer's worth, not 2 MB) and gives back when its
 * response is written. Refusing past it keeps many concurrent large bodies from exhausting the heap.
 */
final class InFlightBytes {
    private final long limit;
    private final AtomicLong used = new AtomicLong();
    private final AtomicLong refusals = new AtomicLong();

    InFlightBytes(long limit) {
        if (limit < 1) throw new IllegalArgumentException("the in-flight budget must be positive");
        this.limit = limit;
    }

    /** Takes {@code n} bytes if the budget has them; otherwise takes nothing and counts a refusal. */
    boolean tryTake(long n) {
        while (true) {
            long now = used.get();
            if (now + n > limit) {
                refusals.incrementAndGet();
                return false;
            }
            if (used.compareAndSet(now, now + n)) return true;
        }
    }

    void give(long n) {
        if (n > 0) used.addAndGet(-n);
    }

    long limit() {
        return limit;
    }

    long used() {
        return used.get();
    }

    long refusals() {
        return refusals.get();
    }
}
