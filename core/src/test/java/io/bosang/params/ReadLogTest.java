package io.bosang.params;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** An evaluation's read log records its own thread's reads only (see ReadLog: Drools' condition jitter reads on another). */
class ReadLogTest {
    @Test
    void readsOnAnotherThreadAreNotThisEvaluations() throws Exception {
        ParameterValue own = new ParameterValue("own", "1", "", LocalDate.of(2020, 1, 1), "test");
        ParameterValue foreign = new ParameterValue("foreign", "2", "", LocalDate.of(2020, 1, 1), "test");
        ReadLog log = new ReadLog();
        log.record(own);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                log.record(foreign);
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        other.start();
        other.join(10_000);
        log.record(own);
        assertNull(failed.get());
        assertEquals(List.of(own), log.values());
    }
}
