package io.bosang.service;

import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The memory health check goes DOWN for good at the first OutOfMemoryError it sees: one that kills a thread (as
 * one killed Tomcat's poller), or one wrapped in a request's exception. The errors here are thrown, not provoked:
 * {@link ServiceStaysUpTest} shows that the real load no longer provokes one.
 */
@Timeout(30)
class OutOfMemoryHealthTest {

    @Test
    void aThreadKilledByAnOutOfMemoryErrorTurnsHealthDownForGood() throws Exception {
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        // Not handed on to a Spring context's handler in this JVM (that one would count the test's error too).
        Thread.UncaughtExceptionHandler quiet = (t, e) -> { };
        Thread.setDefaultUncaughtExceptionHandler(quiet);
        OutOfMemoryHealth memory = new OutOfMemoryHealth();
        memory.installUncaughtHandler();
        try {
            assertEquals(Status.UP, memory.health().getStatus());
            Thread poller = new Thread(() -> {
                throw new OutOfMemoryError("Java heap space (thrown by the test)");
            }, "test-poller");
            poller.start();
            poller.join(10_000);
            assertFalse(poller.isAlive());

            Health h = memory.health();
            assertEquals(Status.DOWN, h.getStatus(), h.toString());
            assertEquals(1L, h.getDetails().get("outOfMemoryErrors"));
            assertEquals("test-poller", h.getDetails().get("lastOutOfMemoryThread"));
            assertEquals(Status.DOWN, memory.health().getStatus(), "it stays down: the process must be restarted");
        } finally {
            memory.close();
            assertSame(quiet, Thread.getDefaultUncaughtExceptionHandler(), "closing gives the JVM its handler back");
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
    }

    @Test
    void anOutOfMemoryErrorInsideARequestsExceptionIsSeenAndOtherFailuresAreNot() {
        OutOfMemoryHealth memory = new OutOfMemoryHealth();
        assertFalse(memory.record(new ServletException("Handler dispatch failed", new IllegalStateException("not memory"))));
        assertEquals(Status.UP, memory.health().getStatus());
        assertTrue(memory.record(new ServletException("Handler dispatch failed", new OutOfMemoryError("Java heap space"))));
        assertEquals(Status.DOWN, memory.health().getStatus());
        assertEquals(1L, memory.errors());
    }
}
