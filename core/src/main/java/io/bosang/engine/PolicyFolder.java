package io.bosang.engine;

import io.bosang.engine.internal.DecisionTables;
import io.bosang.internal.files.ResourceFolders;

import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The files of a policy folder as the loader sees them, for tools that copy, list or serve them (the workbench, a
 * working copy): the same walk, the same relative names, the same notion of a rule file, whether the folder is on
 * disk or inside a jar.
 */
public final class PolicyFolder {
    private PolicyFolder() {
    }

    /** Every file below {@code dir}, in path order, as the loader reads them. */
    public static List<Path> files(Path dir) {
        return ResourceFolders.files(dir);
    }

    /** {@code file}'s name relative to {@code dir}, with '/' separators (how problems and hashes name it). */
    public static String relative(Path dir, Path file) {
        return ResourceFolders.relative(dir, file);
    }

    /** True for a decision table ({@code .csv}, {@code .xlsx}) the loader compiles with the DRL. */
    public static boolean isDecisionTable(String file) {
        return DecisionTables.isTable(file);
    }

    /** The folder of the shipped policy {@code id} on {@code loader}'s class path (in a jar: a zip file system path). */
    public static Optional<Path> shipped(ClassLoader loader, String id) {
        return ResourceFolders.onClasspath(loader, id);
    }

    /** A classpath resource folder as a path, or empty when there is none. */
    public static Optional<Path> resource(ClassLoader loader, String name) {
        URL url = loader.getResource(name);
        return Optional.ofNullable(url == null ? null : ResourceFolders.toPath(url));
    }
}
