package io.bosang.cli;

import io.bosang.check.PolicyCheck;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where {@code bosang check} finds a policy's scenarios when {@code --scenarios} is not given: a folder's own
 * {@code scenarios/} (or its sibling under the repository's {@code src/test/resources}), else those of the shipped
 * policy the folder is named after (a working copy); and for a shipped policy id
 * the repository's {@code rules/src/test/resources/policies/ID/scenarios}, looked for from the working directory up
 * and from the launcher's checkout (the jar's location), never a path fixed relative to the working directory.
 */
final class ScenarioFolders {
    private ScenarioFolders() {
    }

    static Optional<Path> defaultFor(String policy) {
        Path dir = Path.of(policy);
        if (Files.isDirectory(dir)) {
            Optional<Path> own = PolicyCheck.scenariosFor(dir);
            if (own.isPresent() || dir.toAbsolutePath().getFileName() == null) return own;
            // A working copy of a shipped policy (cp -r .../policies/ID /tmp/edit/) is checked against ID's scenarios.
            policy = dir.toAbsolutePath().normalize().getFileName().toString();
        }
        for (Path root : roots()) {
            for (Path p = root; p != null; p = p.getParent()) {
                Path candidate = p.resolve("rules/src/test/resources/policies").resolve(policy).resolve("scenarios");
                if (Files.isDirectory(candidate)) return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static List<Path> roots() {
        List<Path> roots = new ArrayList<>();
        roots.add(Path.of("").toAbsolutePath());
        try {
            Path jar = Path.of(ScenarioFolders.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            roots.add(jar.toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (an unusual class loader): the working directory alone
        }
        return roots;
    }
}
