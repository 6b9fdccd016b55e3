package io.bosang.problem;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with a policy's files, located for the analyst who must fix it.
 *
 * @param file    the file, relative to the policy folder (e.g. {@code parameters/multiplier.yaml})
 * @param line    1-based line, or 0 when the problem concerns the whole file
 * @param key     the key, rule or parameter concerned, or empty
 * @param message what is wrong, in words an analyst can act on
 */
@JsonPropertyOrder({"file", "line", "key", "message"})
public record Problem(String file, int line, String key, String message) {
    public static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparing(Problem::key).thenComparing(Problem::message);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
        key = key == null ? "" : key;
    }

    /** {@code file:line: [key] message}, the form compilers use so editors can jump to it. */
    @Override
    public String toString() {
        return file + ":" + line + ": " + (key.isEmpty() ? "" : "[" + key + "] ") + message;
    }
}
