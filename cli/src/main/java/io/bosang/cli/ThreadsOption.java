package io.bosang.cli;

import picocli.CommandLine.Option;

import java.io.PrintWriter;

/**
 * {@code --threads N}: worker threads; results never depend on it. More threads than a few per core only add memory
 * in flight and contention, so N is capped at {@link #MAX_PER_CORE} per core (at most {@link #MAX}), with a message.
 */
final class ThreadsOption {
    static final int MAX_PER_CORE = 4;
    static final int MAX = 64;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores; at most 4 per core). Results do not depend on it.")
    Integer threads;

    /** The thread count to use, or -1 after a one-line message when N is not a positive number. */
    int resolve(String command, PrintWriter err) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (threads == null) return cores;
        if (threads < 1) {
            err.println("bosang " + command + ": --threads must be at least 1 (got " + threads + ")");
            return -1;
        }
        int cap = Math.min(MAX, MAX_PER_CORE * cores);
        if (threads > cap) {
            err.println("bosang " + command + ": --threads " + threads + " is more than " + cap + " (" + MAX_PER_CORE + " per core on "
                    + cores + " cores); using " + cap);
            return cap;
        }
        return threads;
    }
}
