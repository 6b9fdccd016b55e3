package io.bosang.cli;

import io.bosang.incident.IncidentCatalog;
import io.bosang.problem.PolicyBuildException;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code --incidents FILE...}: incident files the claims refer to, besides the shipped incidents (a file wins). */
final class IncidentsOption {
    @Option(names = "--incidents", split = ",", paramLabel = "FILE",
            description = "Incident files (YAML) the claims refer to, besides the shipped ones (comma-separated, or the option repeated).")
    List<Path> files = new ArrayList<>();

    IncidentCatalog catalog() throws PolicyBuildException {
        IncidentCatalog incidents = IncidentCatalog.classpath();
        for (Path f : files) incidents = incidents.withFile(f);
        return incidents;
    }
}
