package io.bosang.incident;

import io.bosang.domain.Incident;
import io.bosang.internal.files.ResourceFolders;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The incidents claims can refer to by id: the ones shipped under {@code incidents/} on the classpath, plus any
 * incident files given explicitly (which win over a shipped incident of the same id). Immutable.
 */
public final class IncidentCatalog {
    private final Map<String, Incident> byId;

    private IncidentCatalog(Map<String, Incident> byId) {
        this.byId = java.util.Collections.unmodifiableMap(new TreeMap<>(byId));
    }

    public static IncidentCatalog of(Incident... incidents) {
        Map<String, Incident> m = new TreeMap<>();
        for (Incident i : incidents) m.put(i.id(), i);
        return new IncidentCatalog(m);
    }

    /** Every {@code incidents/*.yaml} on the classpath. A broken shipped file is a build error of the content. */
    public static IncidentCatalog classpath() throws PolicyBuildException {
        Map<String, Incident> m = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        try {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            if (cl == null) cl = IncidentCatalog.class.getClassLoader();
            Enumeration<URL> roots = cl.getResources("incidents");
            while (roots.hasMoreElements()) {
                Path root = ResourceFolders.toPath(roots.nextElement());
                if (root == null || !Files.isDirectory(root)) continue;
                try (Stream<Path> files = Files.list(root)) {
                    for (Path f : files.sorted().toList()) {
                        if (!f.getFileName().toString().endsWith(".yaml")) continue;
                        Incident i = IncidentReader.read(f, "incidents/" + f.getFileName().toString().replace("/", ""), problems);
                        if (i != null) m.putIfAbsent(i.id(), i);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) throw new PolicyBuildException("incidents", problems);
        return new IncidentCatalog(m);
    }

    /** This catalogue plus the incident in {@code file}. */
    public IncidentCatalog withFile(Path file) throws PolicyBuildException {
        List<Problem> problems = new ArrayList<>();
        Incident i = IncidentReader.read(file, file.toString(), problems);
        if (i == null) throw new PolicyBuildException(file.toString(), problems);
        return with(i);
    }

    public IncidentCatalog with(Incident incident) {
        Map<String, Incident> m = new TreeMap<>(byId);
        m.put(incident.id(), incident);
        return new IncidentCatalog(m);
    }

    public Optional<Incident> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public List<Incident> all() {
        return List.copyOf(byId.values());
    }
}
