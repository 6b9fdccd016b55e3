package io.bosang.cli;

import io.bosang.incident.IncidentCatalog;
import io.bosang.problem.PolicyBuildException;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The {@code --incident FILE} option shared by the commands that read claims: the shipped incidents plus one file. */
final class IncidentsOption {
    @Option(names = "--incident", paramLabel = "FILE", description = "An incident file (YAML) the claims refer to, besides the shipped ones.")
    Path incidentFile;

    IncidentCatalog catalog() throws PolicyBuildException {
        IncidentCatalog incidents = IncidentCatalog.classpath();
        return incidentFile == null ? incidents : incidents.withFile(incidentFile);
    }
}
