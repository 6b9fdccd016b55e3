package io.bosang.spark;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.params.Parameter;
import io.bosang.problem.PolicyBuildException;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * How an executor builds exactly the policy the driver built: a shipped policy by id (from the {@code rules} jar on
 * the executor's class path) or the files of a rules folder read on the driver and shipped with the job, plus any
 * what-if parameter values. The driver builds the policy first (a broken folder fails the submission with file, line
 * and key) and records its content hash; an executor that builds anything else (another jar, another folder) fails.
 *
 * @param id           the policy's id as the driver built it (its {@code policy.yaml} id)
 * @param classpathId  the shipped policy's id when it comes from the class path, else null
 * @param folderName   the folder's name when it comes from a folder (a manifest may take its id from it), else null
 * @param files        the folder's files by relative path ({@code /} separators), else empty
 * @param whatIf       parameter id → value, each applied from 1900-01-01 like a scenario's what-if
 * @param contentHash  the content hash of the policy the driver built, what-if included
 */
public record PolicySpec(String id, String classpathId, String folderName, Map<String, byte[]> files,
                         Map<String, String> whatIf, String contentHash) implements Serializable {
    /** The reference what-if values carry, in every assessment that cites them. */
    public static final String WHAT_IF_REFERENCE = "what-if (--set)";
    private static final long serialVersionUID = 1L;

    public PolicySpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(contentHash, "contentHash");
        files = Map.copyOf(files);
        whatIf = Map.copyOf(new TreeMap<>(whatIf));
    }

    /** The shipped policy {@code id}, with what-if values (may be empty). Builds it once here to fail early. */
    public static PolicySpec classpath(String id, Map<String, String> whatIf) throws PolicyBuildException {
        Policy p = applyWhatIf(PolicyLoader.load(id), whatIf);
        return ExecutorCache.seed(new PolicySpec(p.id(), id, null, Map.of(), whatIf, p.contentHash()), p);
    }

    /** The policy in {@code dir} on the driver's file system, shipped to the executors as its files. */
    public static PolicySpec folder(Path dir, Map<String, String> whatIf) throws PolicyBuildException {
        Policy p = applyWhatIf(PolicyLoader.load(dir), whatIf);
        Path name = dir.toAbsolutePath().normalize().getFileName();
        // Not seeded into this JVM's cache: even on local[N] the executor side builds it from the shipped files.
        return new PolicySpec(p.id(), null, name == null ? "policy" : name.toString(), readFolder(dir), whatIf, p.contentHash());
    }

    /** An id of a shipped policy or a folder path, whichever {@code idOrDir} names (as {@link PolicyLoader#resolve}). */
    public static PolicySpec resolve(String idOrDir, Map<String, String> whatIf) throws PolicyBuildException {
        Path p = Path.of(idOrDir);
        return Files.isDirectory(p) ? folder(p, whatIf) : classpath(idOrDir, whatIf);
    }

    /**
     * {@code policy} with {@code whatIf} applied the way a scenario applies its {@code parameters:}: each value replaces
     * the parameter's dated values from 1900-01-01 on, cited with {@link #WHAT_IF_REFERENCE}.
     */
    public static Policy applyWhatIf(Policy policy, Map<String, String> whatIf) throws PolicyBuildException {
        if (whatIf.isEmpty()) return policy;
        Map<String, Parameter> replaced = new TreeMap<>();
        List<io.bosang.problem.Problem> problems = new ArrayList<>();
        new TreeMap<>(whatIf).forEach((param, value) -> {
            Parameter p = policy.parameters().get(param).orElse(null);
            if (p == null) {
                problems.add(new io.bosang.problem.Problem("--set", 0, param, "policy " + policy.id() + " has no parameter '" + param + "'"));
            } else {
                replaced.put(param, p.overriddenFrom(LocalDate.of(1900, 1, 1), value, WHAT_IF_REFERENCE));
            }
        });
        if (!problems.isEmpty()) throw new PolicyBuildException(policy.id(), problems);
        return policy.withParameters(replaced);
    }

    /** Builds the policy on an executor and checks it is the driver's, byte for byte. */
    public Policy build() throws PolicyBuildException {
        Policy p;
        if (classpathId != null) {
            p = PolicyLoader.load(classpathId);
        } else {
            p = PolicyLoader.load(materialise());
        }
        p = applyWhatIf(p, whatIf);
        if (!p.contentHash().equals(contentHash)) {
            throw new IllegalStateException("policy " + id + " built on this executor has content hash " + p.contentHash()
                    + " but the driver's has " + contentHash + ": the executors run another bosang-rules jar than the driver");
        }
        return p;
    }

    /** What identifies the compiled policy in an executor JVM's cache. */
    public String cacheKey() {
        return id + "@" + contentHash;
    }

    /** Output folder name of this policy in a run; a what-if copy is told apart by its hash. */
    public String outputName() {
        return whatIf.isEmpty() ? id : id + "-whatif-" + contentHash.replace("sha256:", "").substring(0, 12);
    }

    /** Writes the shipped files once per JVM below the temp dir, named by content hash, and returns the folder. */
    private Path materialise() {
        try {
            Path root = Path.of(System.getProperty("java.io.tmpdir"), "bosang-spark-policies",
                    contentHash.replace("sha256:", "").replace(':', '_'));
            Path dir = root.resolve(folderName);
            if (Files.isRegularFile(root.resolve(".complete"))) return dir;
            Path staging = Files.createTempDirectory(root.getParent() == null ? Path.of(".") : createDirectories(root.getParent()), "staging-");
            Path stagedDir = staging.resolve(folderName);
            for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
                Path target = stagedDir.resolve(f.getKey()).normalize();
                if (!target.startsWith(stagedDir)) throw new IllegalArgumentException("policy file outside its folder: " + f.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, f.getValue());
            }
            Files.writeString(staging.resolve(".complete"), contentHash);
            try {
                Files.move(staging, root);
            } catch (IOException alreadyThere) {
                // another task of this JVM (or another JVM on the node) won the race: its copy has the same content
                deleteQuietly(staging);
                if (!Files.isRegularFile(root.resolve(".complete"))) throw alreadyThere;
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shipped policy " + id + " to the local temp dir", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException ignored) {
            // a leftover staging folder in the temp dir is harmless
        }
    }

    private static Path createDirectories(Path dir) throws IOException {
        return Files.createDirectories(dir);
    }

    /** Every regular file below {@code dir} by relative path, sorted (as the loader hashes them). */
    static Map<String, byte[]> readFolder(Path dir) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicySpec s && s.cacheKey().equals(cacheKey());
    }

    @Override
    public int hashCode() {
        return cacheKey().hashCode();
    }

    @Override
    public String toString() {
        return "PolicySpec[" + cacheKey() + (classpathId != null ? " classpath" : " folder " + folderName) + "]";
    }
}
