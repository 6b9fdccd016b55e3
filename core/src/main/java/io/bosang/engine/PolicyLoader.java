package io.bosang.engine;

import io.bosang.engine.internal.ContentHash;
import io.bosang.engine.internal.DecisionTables;
import io.bosang.engine.internal.DroolsRuleBase;
import io.bosang.engine.internal.ManifestReader;
import io.bosang.engine.internal.SourceRegistryReader;
import io.bosang.internal.files.ResourceFolders;
import io.bosang.law.SourceRegistry;
import io.bosang.params.ParameterFileReader;
import io.bosang.params.ParameterSet;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds policies from the classpath (the shipped {@code rules} module) or from a directory (an analyst's working
 * copy). A build validates everything and reports every problem at once; a failed build throws
 * {@link PolicyBuildException} and leaves every other policy untouched.
 */
public final class PolicyLoader {
    private PolicyLoader() {
    }

    /** Ids of the policies on the classpath, sorted. */
    public static List<String> available() {
        return List.copyOf(ResourceFolders.onClasspath(classLoader()).keySet());
    }

    /** Builds the shipped policy {@code id} from the classpath. */
    public static Policy load(String id) throws PolicyBuildException {
        Path dir = ResourceFolders.onClasspath(classLoader(), id).orElseThrow(() -> new PolicyBuildException(id,
                List.of(new Problem("policies/" + id, 0, id, "no policy '" + id + "' on the classpath; available: "
                        + String.join(", ", available())))));
        return build(dir, "classpath:policies/" + id);
    }

    /** Builds the policy in {@code dir} (a folder holding {@code policy.yaml}, DRL files and {@code parameters/}). */
    public static Policy load(Path dir) throws PolicyBuildException {
        if (!Files.isRegularFile(dir.resolve("policy.yaml"))) {
            throw new PolicyBuildException(dir.toString(), List.of(new Problem("policy.yaml", 0, "",
                    "no policy.yaml in " + dir.toAbsolutePath() + ": a policy folder holds policy.yaml, its .drl files and parameters/")));
        }
        return build(dir, dir.toAbsolutePath().normalize().toString());
    }

    /** Builds from a policy id or a directory path, whichever {@code idOrDir} names. */
    public static Policy resolve(String idOrDir) throws PolicyBuildException {
        Path p = Path.of(idOrDir);
        if (Files.isDirectory(p)) return load(p);
        return load(idOrDir);
    }

    /**
     * The shared source registry (shipped with the rules, {@code sources/*.yaml} on the class path): every source a
     * shipped policy cites. Empty when the rules are not on the class path.
     */
    public static SourceRegistry sources() {
        return SourceRegistryReader.shared(classLoader()).registry();
    }

    private static Policy build(Path dir, String origin) throws PolicyBuildException {
        String folderName = dir.getFileName() == null ? "" : dir.getFileName().toString().replace("/", "");
        List<Problem> problems = new ArrayList<>();
        SourceRegistryReader.Shared shared = SourceRegistryReader.shared(classLoader());
        problems.addAll(shared.problems());
        SourceRegistry sources = SourceRegistryReader.forPolicy(dir, shared.registry(), problems);
        PolicyManifest manifest = ManifestReader.read(dir.resolve("policy.yaml"), folderName, problems, sources);
        ParameterSet parameters = ParameterFileReader.readFolder(dir.resolve("parameters"), "parameters/", problems, sources);

        Map<String, byte[]> files = readFolder(dir);
        Set<String> reported = new java.util.TreeSet<>();
        problems.forEach(p -> reported.add(p.file()));
        files.forEach((rel, bytes) -> {
            if (oversize(bytes) && !reported.contains(rel)) {
                problems.add(new Problem(rel, 0, "", new String(bytes, StandardCharsets.UTF_8).substring(OVERSIZE.length()).replaceFirst(" \\[[^]]*]$", "")));
            }
        });
        List<DroolsRuleBase.DrlFile> drl = new ArrayList<>();
        boolean anyRuleFile = false;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            String rel = f.getKey();
            if (oversize(f.getValue())) {
                anyRuleFile |= rel.endsWith(".drl") || DecisionTables.isTable(rel);   // refused above, at its size
            } else if (rel.endsWith(".drl")) {
                drl.add(new DroolsRuleBase.DrlFile(rel, new String(f.getValue(), StandardCharsets.UTF_8)));
                anyRuleFile = true;
            } else if (DecisionTables.isTable(rel)) {
                drl.addAll(DecisionTables.toDrl(rel, f.getValue(), problems));   // tier tables, converted to DRL
                anyRuleFile = true;
            }
        }
        if (!anyRuleFile) problems.add(new Problem("", 0, "", "the policy has no rule files (.drl, or .csv / .xlsx decision tables)"));
        DroolsRuleBase ruleBase = drl.isEmpty() ? null : DroolsRuleBase.compile(drl, problems, sources);

        if (ruleBase != null) {
            // Every parameter a rule names must exist: caught here, not when the first claim reaches the rule. A key a
            // consequence computes is known only when it runs: reading one that does not exist fails that claim with
            // an ERROR naming the rule and the key.
            Set<String> known = new java.util.TreeSet<>();
            parameters.all().forEach(p -> known.add(p.id()));
            // A parameter whose own file is broken is already reported there; do not report every rule that reads it.
            Set<String> brokenFiles = new java.util.TreeSet<>();
            problems.forEach(p -> brokenFiles.add(p.file()));
            for (RuleInfo rule : ruleBase.catalogue()) {
                for (String param : rule.parameters()) {
                    if (!known.contains(param) && !brokenFiles.contains("parameters/" + param.replace('.', '/') + ".yaml")) {
                        problems.add(new Problem(rule.file(), rule.line(), rule.ruleId(), ruleBase.where(rule, param)
                                + "rule reads parameter '" + param + "', which has no file parameters/" + param.replace('.', '/') + ".yaml"));
                    }
                }
            }
        }
        String name = manifest != null ? manifest.id() : folderName;
        if (!problems.isEmpty() || manifest == null || ruleBase == null) {
            throw new PolicyBuildException(name, problems);
        }
        return new Policy(manifest, parameters, ruleBase, hash(files), origin, sources);
    }

    /** A policy's content hash: its files, and the shared source registry whose entries its results render. */
    private static String hash(Map<String, byte[]> files) {
        return ContentHash.combine(ContentHash.of(files), "sources=" + SourceRegistryReader.shared(classLoader()).registry().digest());
    }

    /**
     * The content hash of every file below {@code dir}, exactly as a policy built from it is stamped: what a watcher
     * compares to know that a folder changed. Throws {@link UncheckedIOException} when a file cannot be read.
     */
    public static String contentHash(Path dir) {
        return hash(readFolder(dir));
    }

    /**
     * The largest file a policy folder may hold (the largest shipped is 11 KB; a decision-table workbook a few
     * hundred KB): a larger one is a build problem, and is never read into memory, not even to hash it.
     */
    public static final long MAX_FOLDER_FILE_BYTES = 8L * 1024 * 1024;
    private static final String OVERSIZE = "\u0000oversize\u0000";

    /**
     * Every file below {@code dir} by relative path, in path order. A file over {@link #MAX_FOLDER_FILE_BYTES} stands
     * as a marker holding its size and modification time, so a watcher still sees it change and the build refuses it.
     */
    private static Map<String, byte[]> readFolder(Path dir) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            for (Path file : ResourceFolders.files(dir)) {
                long size = Files.size(file);
                byte[] bytes = size <= MAX_FOLDER_FILE_BYTES ? Files.readAllBytes(file)
                        : (OVERSIZE + String.format(java.util.Locale.ROOT, "the file is %,d bytes; a file of a policy folder holds at most %,d bytes (8 MiB) [%s]",
                        size, MAX_FOLDER_FILE_BYTES, Files.getLastModifiedTime(file))).getBytes(StandardCharsets.UTF_8);
                files.put(ResourceFolders.relative(dir, file), bytes);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static boolean oversize(byte[] bytes) {
        if (bytes.length < OVERSIZE.length()) return false;
        for (int i = 0; i < OVERSIZE.length(); i++) if (bytes[i] != (byte) OVERSIZE.charAt(i)) return false;
        return true;
    }

    private static ClassLoader classLoader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : PolicyLoader.class.getClassLoader();
    }
}
