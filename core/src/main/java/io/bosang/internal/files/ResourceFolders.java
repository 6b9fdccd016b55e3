package io.bosang.internal.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds policy folders on the classpath, whether they sit in a directory (an IDE, {@code target/classes}) or inside
 * a jar (opened once as a zip file system and kept open: policies are read from it more than once).
 */
public final class ResourceFolders {
    public static final String ROOT = "policies";
    private static final Map<URI, FileSystem> JARS = new ConcurrentHashMap<>();

    private ResourceFolders() {
    }

    /** Policy id → folder, for every {@code policies/<id>/policy.yaml} on the class path, sorted by id. */
    public static Map<String, Path> onClasspath(ClassLoader loader) {
        Map<String, Path> found = new TreeMap<>();
        try {
            Enumeration<URL> roots = loader.getResources(ROOT);
            while (roots.hasMoreElements()) {
                Path root = toPath(roots.nextElement());
                if (root == null || !Files.isDirectory(root)) continue;
                try (Stream<Path> children = Files.list(root)) {
                    for (Path dir : children.toList()) {
                        if (Files.isRegularFile(dir.resolve("policy.yaml"))) {
                            found.putIfAbsent(dir.getFileName().toString().replace("/", ""), dir);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    public static Optional<Path> onClasspath(ClassLoader loader, String id) {
        URL url = loader.getResource(ROOT + "/" + id + "/policy.yaml");
        if (url == null) return Optional.empty();
        Path manifest = toPath(url);
        return Optional.ofNullable(manifest == null ? null : manifest.getParent());
    }

    /** A path for a classpath URL, opening (once) the jar it lives in. */
    public static Path toPath(URL url) {
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) return Paths.get(uri);
            if ("jar".equals(uri.getScheme())) {
                String s = uri.toString();
                int bang = s.indexOf("!/");
                URI jar = URI.create(s.substring(0, bang));
                FileSystem fs = JARS.computeIfAbsent(jar, ResourceFolders::open);
                return fs.getPath(s.substring(bang + 1));
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static FileSystem open(URI jar) {
        try {
            return FileSystems.newFileSystem(jar, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(jar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every regular file below {@code dir}, sorted by relative path with '/' separators. */
    public static List<Path> files(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> out = new ArrayList<>(walk.filter(Files::isRegularFile).toList());
            out.sort((a, b) -> relative(dir, a).compareTo(relative(dir, b)));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String relative(Path dir, Path file) {
        return dir.relativize(file).toString().replace('\\', '/').replaceFirst("^/", "");
    }
}
