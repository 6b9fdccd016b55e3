package io.bosang.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An analyst's working copy of a policy folder: copied whole into a parent folder under the policy's own folder name
 * (the loader requires the folder name to equal the policy id), ready to edit and to {@code check} and {@code diff}.
 */
public final class WorkingCopy {
    private WorkingCopy() {
    }

    /** Copies {@code policyDir} to {@code parent/<folder name>} and returns the copy. */
    public static Path of(Path policyDir, Path parent) {
        Path to = parent.resolve(policyDir.getFileName().toString());
        try (Stream<Path> files = Files.walk(policyDir)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(policyDir.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + policyDir + " to " + to + ": " + e.getMessage(), e);
        }
        return to;
    }

    /** Replaces {@code from} by {@code to} in the copy's file {@code relative}; fails when the text is not there. */
    public static void edit(Path copy, String relative, String from, String to) {
        Path file = copy.resolve(relative);
        try {
            String text = Files.readString(file);
            if (!text.contains(from)) throw new IllegalArgumentException(relative + " does not contain: " + from);
            Files.writeString(file, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
