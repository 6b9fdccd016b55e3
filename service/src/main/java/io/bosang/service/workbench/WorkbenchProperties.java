package io.bosang.service.workbench;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.nio.file.Path;

/**
 * The workbench's settings, under {@code bosang.workbench.*}.
 *
 * @param workDir        where working copies, uploaded claims and run outputs are kept (default: a fresh folder
 *                       under the system temp directory, removed when the service stops)
 * @param maxUploadBytes largest uploaded file (a policy zip, a claims file, a rule file)
 * @param maxZipEntries  most entries a policy zip may hold
 * @param maxZipBytes    most bytes a policy zip may expand to (a zip bomb is refused before it fills the disk)
 * @param maxCorpus      most claims of a generated corpus or an uploaded claims file
 * @param maxCopies      most working copies kept at once (the oldest is removed first)
 * @param examples       generated cases per payout invariant when a working copy is checked
 * @param threads        worker threads of one run (a run is one job; one job runs at a time)
 * @param queuedJobs     runs that may wait for the one running; more are refused with 503
 */
@ConfigurationProperties("bosang.workbench")
public record WorkbenchProperties(
        Path workDir,
        @DefaultValue("8MB") DataSize maxUploadBytes,
        @DefaultValue("400") int maxZipEntries,
        @DefaultValue("32MB") DataSize maxZipBytes,
        @DefaultValue("200000") int maxCorpus,
        @DefaultValue("20") int maxCopies,
        @DefaultValue("60") int examples,
        @DefaultValue("2") int threads,
        @DefaultValue("4") int queuedJobs) {
}
