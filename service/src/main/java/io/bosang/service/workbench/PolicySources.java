package io.bosang.service.workbench;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyFolder;
import io.bosang.engine.PolicyRegistry;
import io.bosang.engine.RuleInfo;
import io.bosang.incident.IncidentCatalog;
import io.bosang.scenario.ScenarioResult;
import io.bosang.scenario.ScenarioRunner;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a served policy's files and scenarios are: the folder it was built from (the rules directory, or the shipped
 * folder on the class path, inside the jar), and its scenarios (the folder's own {@code scenarios/}, or the shipped
 * scenarios bundled into the service at {@code workbench/scenarios/<id>/scenarios}).
 */
@Component
public class PolicySources {
    static final String BUNDLED_SCENARIOS = "workbench/scenarios/";
    static final String BUNDLED_SAMPLES = "workbench/samples/";
    static final String SAMPLE_CLAIMS = "kakao-2022-10-15-claims.ndjson";
    static final String ONE_CLAIM = "one-claim.json";

    private final PolicyRegistry registry;
    private final IncidentCatalog incidents;
    /** Scenario results by content hash: a policy's content decides them, so they are run once per version. */
    private final Map<String, List<ScenarioResult>> scenarioResults = new ConcurrentHashMap<>();

    public PolicySources(PolicyRegistry registry, IncidentCatalog incidents) {
        this.registry = registry;
        this.incidents = incidents;
    }

    /** The folder a served policy was built from. */
    public Optional<Path> folder(Policy p) {
        if (p.origin().startsWith("classpath:")) return PolicyFolder.shipped(loader(), p.id());
        Path dir = Path.of(p.origin());
        return Files.isDirectory(dir) ? Optional.of(dir) : Optional.empty();
    }

    /** Its scenarios: the folder's own, else the shipped ones bundled into the service. */
    public Optional<Path> scenarios(Policy p) {
        Optional<Path> own = folder(p).map(d -> d.resolve("scenarios")).filter(Files::isDirectory);
        if (own.isPresent()) return own;
        return PolicyFolder.resource(loader(), BUNDLED_SCENARIOS + p.id() + "/scenarios").filter(Files::isDirectory);
    }

    /** The scenarios' results for this version of the policy, run once and kept. */
    public List<ScenarioResult> scenarioResults(Policy p) {
        return scenarioResults.computeIfAbsent(p.contentHash(), h -> {
            Path dir = scenarios(p).orElse(null);
            if (dir == null) return List.of();
            ScenarioRunner runner = new ScenarioRunner(incidents);
            List<ScenarioResult> out = new ArrayList<>();
            for (Path f : ScenarioRunner.files(dir)) out.addAll(runner.run(p, f, dir.relativize(f).toString()));
            return List.copyOf(out);
        });
    }

    /** A file of the policy's folder by relative path, or empty when it has no such file (or the path leaves the folder). */
    public Optional<byte[]> file(Policy p, String relative) {
        return folder(p).flatMap(dir -> read(dir, relative));
    }

    static Optional<byte[]> read(Path dir, String relative) {
        if (!SafePaths.isSafe(relative)) return Optional.empty();
        Path f = dir.resolve(relative);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            return Optional.of(Files.readAllBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The comment block written above a rule in its DRL file: the law it quotes or paraphrases. Empty for a table's rule. */
    public String lawAbove(Policy p, RuleInfo rule) {
        if (!rule.file().endsWith(".drl") || rule.line() < 2) return "";
        return file(p, rule.file()).map(bytes -> lawAbove(new String(bytes, StandardCharsets.UTF_8), rule.line())).orElse("");
    }

    static String lawAbove(String text, int ruleLine) {
        String[] lines = text.split("\n", -1);
        List<String> block = new ArrayList<>();
        for (int i = ruleLine - 2; i >= 0; i--) {
            String l = lines[i].trim();
            if (!l.startsWith("//")) break;
            block.add(0, l.substring(2).trim());
        }
        return String.join(" ", block);
    }

    /** The bundled sample claims (40 claims of the Kakao outage, three malformed and one duplicate on purpose). */
    public byte[] sampleClaims() {
        return bundled(SAMPLE_CLAIMS);
    }

    /** The bundled one-claim sample, to prefill the try-a-claim form. */
    public String oneClaim() {
        return new String(bundled(ONE_CLAIM), StandardCharsets.UTF_8);
    }

    private static byte[] bundled(String name) {
        try (var in = loader().getResourceAsStream(BUNDLED_SAMPLES + name)) {
            if (in == null) throw new IllegalStateException("the service was built without its bundled " + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public PolicyRegistry registry() {
        return registry;
    }

    public IncidentCatalog incidents() {
        return incidents;
    }

    private static ClassLoader loader() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return cl != null ? cl : PolicySources.class.getClassLoader();
    }
}
