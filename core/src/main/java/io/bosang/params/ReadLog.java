package io.bosang.params;

import java.util.ArrayList;
import java.util.List;

/**
 * The parameter values one evaluation read, in reading order without repeats. The engine gives each evaluation its
 * own log and marks where each rule firing starts, so the values a consequence read are cited on what it inserted.
 * Not thread-safe: an evaluation runs on one thread.
 */
public final class ReadLog {
    private final List<ParameterValue> read = new ArrayList<>(8);

    void record(ParameterValue v) {
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
