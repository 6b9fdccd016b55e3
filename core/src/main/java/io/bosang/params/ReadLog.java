package io.bosang.params;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter values one evaluation read, in reading order without repeats. The engine gives each evaluation its
 * own log and marks where each rule firing starts, so the values a consequence read are cited on what it inserted.
 * Not thread-safe: an evaluation runs on one thread, and only reads on that thread are its own. Drools compiles a
 * much-used MVEL condition on a thread of its own and evaluates it there once, on the fact of whatever claim
 * reached the threshold; that read, at a moment no one controls, once landed in a firing's citations (1 claim in
 * 100,000, a different one each run). Reads on any other thread are not recorded.
 */
public final class ReadLog {
    private final List<ParameterValue> read = new ArrayList<>(8);
    private final Thread owner = Thread.currentThread();

    void record(ParameterValue v) {
        if (Thread.currentThread() != owner) return;
        for (int i = 0, n = read.size(); i < n; i++) if (read.get(i) == v) return;   // values are shared instances
        read.add(v);
    }

    /** Forgets what was read (a new firing starts). */
    public void clear() {
        read.clear();
    }

    public boolean isEmpty() {
        return read.isEmpty();
    }

    /** What was read since the last {@link #clear()}, in reading order. */
    public List<ParameterValue> values() {
        return List.copyOf(read);
    }
}
