package io.bosang.service.workbench;

import io.bosang.check.WorkingCopy;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyFolder;
import io.bosang.engine.PolicyLoader;
import io.bosang.params.DatedValue;
import io.bosang.params.Parameter;
import io.bosang.params.ParameterFileReader;
import io.bosang.params.ParameterSet;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;
import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Analysts' working copies of policy folders, kept under the work directory: made from a served policy
 * ({@link WorkingCopy#of}, with its scenarios copied into {@code scenarios/}) or from an uploaded zip, then edited
 * (a parameter value, an uploaded rule file or table) and built, checked and diffed against the version they were
 * copied from. In memory and on disk for the life of the process; the oldest is dropped past {@code maxCopies}.
 */
@Component
public class WorkingCopies {
    private static final Pattern VALUE_LINE = Pattern.compile("^(\\s*value:\\s*)(.*)$");
    private final Path root;
    private final boolean ownRoot;
    private final int maxCopies;
    private final PolicySources sources;
    private final Map<String, Copy> copies = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * One working copy.
     *
     * @param id      its id in URLs
     * @param dir     the policy folder of the copy ({@code <work>/copies/<id>/<policy id>})
     * @param base    the version it was copied from, what a diff compares against (null when none is served)
     * @param from    where it came from, in words
     * @param created when it was made
     */
    public record Copy(String id, Path dir, Policy base, String from, Instant created) {
        public String policyId() {
            return dir.getFileName().toString();
        }

        public String createdText() {
            return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC).format(created);
        }
    }

    /** A build of a copy: the policy, or the problems that stop it. */
    public record Build(Policy policy, List<Problem> problems) {
        public boolean ok() {
            return policy != null;
        }
    }

    public WorkingCopies(WorkbenchProperties props, PolicySources sources) throws IOException {
        this.ownRoot = props.workDir() == null;
        this.root = ownRoot ? Files.createTempDirectory("bosang-workbench-") : Files.createDirectories(props.workDir());
        this.maxCopies = Math.max(1, props.maxCopies());
        this.sources = sources;
    }

    public Path root() {
        return root;
    }

    /** A copy of the served policy {@code base}, with its scenarios. */
    public Copy create(Policy base) {
        Path folder = sources.folder(base).orElseThrow(() -> new IllegalStateException("no folder for " + base.id()));
        String id = newId();
        Path parent = root.resolve("copies").resolve(id);
        try {
            Files.createDirectories(parent);
            Path dir = WorkingCopy.of(folder, parent);
            Optional<Path> scenarios = sources.scenarios(base);
            if (scenarios.isPresent() && !Files.isDirectory(dir.resolve("scenarios"))) copyTree(scenarios.get(), dir.resolve("scenarios"));
            return remember(new Copy(id, dir, base, base.origin().startsWith("classpath:") ? "shipped" : "rules directory", Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy from an uploaded policy folder (already checked and unpacked into {@code files}); based on the served policy of the same id, if any. */
    public Copy fromFiles(String policyId, Map<String, byte[]> files) {
        String id = newId();
        Path dir = root.resolve("copies").resolve(id).resolve(policyId);
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path to = dir.resolve(f.getKey()).normalize();
                if (!to.startsWith(dir)) throw new IllegalArgumentException("not inside the policy folder: " + f.getKey());
                Files.createDirectories(to.getParent());
                Files.write(to, f.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Policy base = sources.registry().find(policyId).orElse(null);
        return remember(new Copy(id, dir, base, "upload", Instant.now()));
    }

    public Optional<Copy> find(String id) {
        return Optional.ofNullable(id == null ? null : copies.get(id));
    }

    /** Every copy, newest first. */
    public List<Copy> all() {
        return copies.values().stream().sorted(Comparator.comparing(Copy::created).reversed()).toList();
    }

    /** Builds the copy as it is now on disk (every problem by file, line and key). */
    public Build build(Copy c) {
        try {
            return new Build(PolicyLoader.load(c.dir()), List.of());
        } catch (PolicyBuildException e) {
            return new Build(null, e.problems());
        } catch (RuntimeException e) {
            return new Build(null, List.of(new Problem("", 0, "", "cannot read the working copy: " + e.getClass().getSimpleName())));
        }
    }

    /** The copy's parameters read from its files, even when its rules do not build; problems of the files are added. */
    public ParameterSet parameters(Copy c, List<Problem> problems) {
        return ParameterFileReader.readFolder(c.dir().resolve("parameters"), "parameters/", problems);
    }

    /** Every file of the copy by relative path (scenarios included), sorted. */
    public List<String> files(Copy c) {
        return PolicyFolder.files(c.dir()).stream().map(f -> PolicyFolder.relative(c.dir(), f)).toList();
    }

    public Optional<byte[]> read(Copy c, String relative) {
        return PolicySources.read(c.dir(), relative);
    }

    /**
     * Sets the value of parameter {@code parameterId} dated {@code from} to {@code value}, in its file, leaving the
     * rest of the file (descriptions, references, comments) as it was. The next build validates it.
     */
    public void setValue(Copy c, String parameterId, String from, String value) {
        List<Problem> ignored = new ArrayList<>();
        Parameter p = parameters(c, ignored).get(parameterId)
                .orElseThrow(() -> new IllegalArgumentException("no parameter '" + parameterId + "' in this copy"));
        DatedValue dated = p.values().stream().filter(v -> v.from().toString().equals(from)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("parameter " + parameterId + " has no value dated " + from));
        if (value == null || value.isBlank() || value.length() > 200 || value.contains("\n") || value.contains("\"")) {
            throw new IllegalArgumentException("a value is one line of text without quotes");
        }
        Path file = c.dir().resolve(p.file());
        try {
            List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
            for (int i = Math.max(0, dated.line()); i < lines.size(); i++) {
                Matcher m = VALUE_LINE.matcher(lines.get(i));
                if (m.matches()) {
                    lines.set(i, m.group(1) + "\"" + value.trim() + "\"");
                    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("cannot find the value line of " + parameterId + " dated " + from + " in " + p.file());
    }

    /** Writes (or replaces) one file of the copy; the path must be a policy file inside the folder. */
    public void put(Copy c, String relative, byte[] content) {
        if (!SafePaths.isPolicyFile(relative)) throw new IllegalArgumentException("not a policy file path: " + relative);
        Path to = c.dir().resolve(relative).normalize();
        if (!to.startsWith(c.dir())) throw new IllegalArgumentException("not inside the policy folder: " + relative);
        try {
            Files.createDirectories(to.getParent());
            Files.write(to, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The whole copy as a zip whose entries sit in a folder named by the policy id (what the upload reads back). */
    public byte[] zip(Copy c) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String rel : files(c)) {
                ZipEntry e = new ZipEntry(c.policyId() + "/" + rel);
                e.setTime(0L);
                zip.putNextEntry(e);
                zip.write(Files.readAllBytes(c.dir().resolve(rel)));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Copies the working copy over {@code rulesDir/<id>} (files the copy no longer has are removed), for the registry
     * to reload through its gate. The caller holds the admin token.
     */
    public void writeInto(Copy c, Path rulesDir) {
        Path target = rulesDir.resolve(c.policyId());
        try {
            Files.createDirectories(target);
            Map<String, Path> keep = new LinkedHashMap<>();
            for (String rel : files(c)) keep.put(rel, c.dir().resolve(rel));
            for (Map.Entry<String, Path> f : keep.entrySet()) {
                Path to = target.resolve(f.getKey());
                Files.createDirectories(to.getParent());
                Files.copy(f.getValue(), to, StandardCopyOption.REPLACE_EXISTING);
            }
            for (Path old : PolicyFolder.files(target)) {
                if (!keep.containsKey(PolicyFolder.relative(target, old))) Files.delete(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Copy remember(Copy c) {
        copies.put(c.id(), c);
        while (copies.size() > maxCopies) {
            all().stream().reduce((a, b) -> b).ifPresent(oldest -> {
                copies.remove(oldest.id());
                deleteTree(root.resolve("copies").resolve(oldest.id()));
            });
        }
        return c;
    }

    private String newId() {
        byte[] b = new byte[6];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path f : s.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a leftover temp file is harmless
        }
    }

    @PreDestroy
    void removeOwnRoot() {
        if (ownRoot) deleteTree(root);
    }
}
