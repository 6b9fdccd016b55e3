package io.bosang.spark;

import io.bosang.domain.Incident;
import io.bosang.incident.IncidentCatalog;
import io.bosang.incident.IncidentReader;
import io.bosang.problem.PolicyBuildException;
import io.bosang.problem.Problem;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The incidents claims may name: the shipped ones (class path) plus incident files read on the driver and shipped
 * with the job as text, as {@code bosang assess --incident FILE} adds one.
 *
 * @param files file name → YAML text, in the order given
 */
public record IncidentFiles(Map<String, String> files) implements Serializable {
    private static final long serialVersionUID = 1L;

    public IncidentFiles {
        files = new LinkedHashMap<>(files);
    }

    public static IncidentFiles shipped() {
        return new IncidentFiles(Map.of());
    }

    /** The shipped incidents plus each of {@code paths}; each is read (and checked) here, on the driver. */
    public static IncidentFiles with(List<Path> paths) throws PolicyBuildException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Path p : paths) {
            try {
                texts.put(p.toString(), Files.readString(p, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read incident file " + p, e);
            }
        }
        IncidentFiles out = new IncidentFiles(texts);
        out.catalog();
        return out;
    }

    /** The catalogue: shipped incidents, then each file (a file's incident replaces a shipped one of the same id). */
    public IncidentCatalog catalog() throws PolicyBuildException {
        IncidentCatalog c = IncidentCatalog.classpath();
        for (Map.Entry<String, String> f : files.entrySet()) {
            List<Problem> problems = new ArrayList<>();
            Incident i = IncidentReader.read(new StringReader(f.getValue()), f.getKey(), problems);
            if (i == null || !problems.isEmpty()) throw new PolicyBuildException(f.getKey(), problems);
            c = c.with(i);
        }
        return c;
    }
}
