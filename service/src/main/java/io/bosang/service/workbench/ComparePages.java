package io.bosang.service.workbench;

import io.bosang.engine.Policy;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Compare for a law firm: claims (uploaded, or the bundled sample) under the policies picked, per claim and in total,
 * with the rules or findings behind each difference; as table and charts, and as HTML report, NDJSON and CSV.
 */
@Controller
public class ComparePages {
    static final int MAX_POLICIES = 8;
    private final PolicySources sources;
    private final Uploads uploads;
    private final Jobs jobs;
    private final Runs runs;
    private final WorkingCopies copies;

    public ComparePages(PolicySources sources, Uploads uploads, Jobs jobs, Runs runs, WorkingCopies copies) {
        this.sources = sources;
        this.uploads = uploads;
        this.jobs = jobs;
        this.runs = runs;
        this.copies = copies;
    }

    @GetMapping("/compare")
    public String form(Model model) {
        model.addAttribute("policies", sources.registry().all().values());
        model.addAttribute("preselected", List.of("kakao-1015-2022", "content-user-protection", "kcdrs-online-content", "civil-damages-estimate"));
        return "workbench/compare";
    }

    @PostMapping("/compare")
    public String compare(@RequestParam(name = "policies", required = false) List<String> ids,
                          @RequestParam(name = "corpus", defaultValue = "sample") String corpus,
                          @RequestParam(name = "claims", required = false) MultipartFile claims) {
        List<String> distinct = ids == null ? List.of() : ids.stream().distinct().toList();
        if (distinct.size() < 2 || distinct.size() > MAX_POLICIES) {
            throw new WorkbenchErrors.Refused(400, "pick 2 to " + MAX_POLICIES + " policies to compare");
        }
        List<Policy> policies = distinct.stream().map(id -> sources.registry().find(id)
                .orElseThrow(() -> new WorkbenchErrors.NotFound("no policy " + id))).toList();   // one snapshot each, for the whole run
        byte[] uploaded = "upload".equals(corpus) ? uploads.bytes(claims, "claims file") : null;
        Path dir = copies.root().resolve("comparisons").resolve(Long.toString(System.nanoTime()));
        Runs.Corpus chosen = runs.corpus("upload".equals(corpus) ? "upload" : "sample", 0, uploaded, dir);
        Jobs.Job job = jobs.submit("compare", String.join(",", distinct), j -> runs.compare(policies, chosen, dir, j));
        return "redirect:/workbench/jobs/" + job.id();
    }

    /** The comparison's downloads: report.html, rows.ndjson, rows.csv. */
    @GetMapping("/compare/{job}/{file}")
    public ResponseEntity<byte[]> download(@PathVariable("job") String id, @PathVariable("file") String file) {
        Jobs.Job job = jobs.find(id).orElseThrow(() -> new WorkbenchErrors.NotFound("no comparison " + id));
        if (!(job.result() instanceof Runs.Comparison c)) throw new WorkbenchErrors.NotFound("the comparison has no result yet");
        Path path = switch (file) {
            case "report.html" -> c.html();
            case "rows.ndjson" -> c.ndjson();
            case "rows.csv" -> c.csv();
            default -> throw new WorkbenchErrors.NotFound("no download " + file);
        };
        try {
            return PolicyPages.download("comparison-" + file, Files.readAllBytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
