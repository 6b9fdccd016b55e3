package io.bosang.service.workbench;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyRegistry;
import io.bosang.params.Parameter;
import io.bosang.problem.Problem;
import io.bosang.service.BosangProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Edit and see the impact: working copies of a policy (from a served policy or an uploaded zip), edited by parameter
 * value or by uploading a rule file or decision table, then run — build, scenarios and declared invariants, and a
 * diff against the version they were copied from over a corpus — as a job with progress and cancel. Saving into the
 * rules directory takes the admin token and goes through the registry's reload gate, as a file edit does.
 */
@Controller
public class WorkbenchPages {
    private final WorkingCopies copies;
    private final PolicySources sources;
    private final Uploads uploads;
    private final Jobs jobs;
    private final Runs runs;
    private final BosangProperties service;

    public WorkbenchPages(WorkingCopies copies, PolicySources sources, Uploads uploads, Jobs jobs, Runs runs, BosangProperties service) {
        this.copies = copies;
        this.sources = sources;
        this.uploads = uploads;
        this.jobs = jobs;
        this.runs = runs;
        this.service = service;
    }

    @GetMapping("/workbench")
    public String workbench(Model model) {
        model.addAttribute("policies", sources.registry().ids());
        model.addAttribute("copies", copies.all());
        return "workbench/workbench";
    }

    @PostMapping("/workbench/copies")
    public String create(@RequestParam("policy") String policyId) {
        Policy p = sources.registry().find(policyId).orElseThrow(() -> new WorkbenchErrors.NotFound("no policy " + policyId));
        return "redirect:/workbench/copies/" + copies.create(p).id();
    }

    @PostMapping("/workbench/copies/upload")
    public String upload(@RequestParam("zip") MultipartFile zip) {
        Uploads.PolicyZip z = uploads.policyZip(uploads.bytes(zip, "policy zip"));
        return "redirect:/workbench/copies/" + copies.fromFiles(z.policyId(), z.files()).id();
    }

    /** A parameter of the copy with its dated values, for the edit form. */
    public record ParameterView(Parameter parameter, boolean cited) {
    }

    @GetMapping("/workbench/copies/{copy}")
    public String copy(@PathVariable("copy") String id, Model model) {
        WorkingCopies.Copy c = copy(id);
        List<Problem> problems = new ArrayList<>();
        WorkingCopies.Build build = copies.build(c);
        problems.addAll(build.problems());
        List<Problem> paramProblems = new ArrayList<>();
        model.addAttribute("copy", c);
        model.addAttribute("build", build);
        model.addAttribute("problems", problems);
        model.addAttribute("parameters", copies.parameters(c, paramProblems).all());
        model.addAttribute("files", copies.files(c));
        model.addAttribute("canSave", service.rulesDir() != null);
        return "workbench/copy";
    }

    @PostMapping("/workbench/copies/{copy}/parameters")
    public String setValue(@PathVariable("copy") String id, @RequestParam("parameter") String parameter,
                           @RequestParam("from") String from, @RequestParam("value") String value) {
        WorkingCopies.Copy c = copy(id);
        copies.setValue(c, parameter, from, value);
        return "redirect:/workbench/copies/" + c.id() + "#parameters";
    }

    @PostMapping("/workbench/copies/{copy}/files")
    public String putFile(@PathVariable("copy") String id, @RequestParam("file") MultipartFile file,
                          @RequestParam(name = "path", required = false) String path) {
        WorkingCopies.Copy c = copy(id);
        String target = path != null && !path.isBlank() ? path.trim() : baseName(file.getOriginalFilename());
        if (target == null || !SafePaths.isPolicyFile(target)) {
            throw new Uploads.Refused("name the file inside the policy folder, e.g. rules.drl or parameters/x.yaml (.drl, .csv, .xlsx, .yaml, .md)");
        }
        copies.put(c, target, uploads.bytes(file, "rule file"));
        return "redirect:/workbench/copies/" + c.id() + "#build";   // where the build shows what the file did
    }

    @GetMapping("/workbench/copies/{copy}/file")
    public ResponseEntity<byte[]> file(@PathVariable("copy") String id, @RequestParam("path") String path) {
        WorkingCopies.Copy c = copy(id);
        return PolicyPages.download(path, copies.read(c, path).orElseThrow(() -> new WorkbenchErrors.NotFound("no file " + path)));
    }

    @GetMapping("/workbench/copies/{copy}/zip")
    public ResponseEntity<byte[]> zip(@PathVariable("copy") String id) {
        WorkingCopies.Copy c = copy(id);
        return PolicyPages.download(c.policyId() + ".zip", copies.zip(c));
    }

    /** Runs the copy: build, scenarios and invariants, then the diff over the chosen corpus. */
    @PostMapping("/workbench/copies/{copy}/runs")
    public String run(@PathVariable("copy") String id, @RequestParam(name = "corpus", defaultValue = "sample") String corpus,
                      @RequestParam(name = "count", defaultValue = "1000") int count,
                      @RequestParam(name = "claims", required = false) MultipartFile claims) {
        WorkingCopies.Copy c = copy(id);
        byte[] uploaded = "upload".equals(corpus) ? uploads.bytes(claims, "claims file") : null;
        Path dir = copies.root().resolve("runs").resolve(c.id() + "-" + System.nanoTime());
        Runs.Corpus chosen = runs.corpus(corpus, count, uploaded, dir);
        Jobs.Job job = jobs.submit("impact", c.id(), j -> runs.impact(copies, c, chosen, j));
        return "redirect:/workbench/jobs/" + job.id();
    }

    @PostMapping("/workbench/copies/{copy}/save")
    public String save(@PathVariable("copy") String id, @RequestParam(name = "token", defaultValue = "") String token, Model model) {
        WorkingCopies.Copy c = copy(id);
        Path rulesDir = service.rulesDir();
        if (rulesDir == null) throw new WorkbenchErrors.Refused(409, "no rules directory is configured (bosang.rules-dir): nothing to save into");
        String expected = service.adminToken();
        if (expected == null || expected.isEmpty()) {
            throw new WorkbenchErrors.Refused(403, "saving needs bosang.admin-token to be set: the workbench never writes rules without it");
        }
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
            throw new WorkbenchErrors.Refused(401, "wrong admin token");
        }
        copies.writeInto(c, rulesDir);
        PolicyRegistry.Reload reload = sources.registry().reload(c.policyId());
        model.addAttribute("copy", c);
        model.addAttribute("reload", reload);
        return "workbench/saved";
    }

    @GetMapping("/workbench/jobs/{job}")
    public String job(@PathVariable("job") String id, Model model) {
        Jobs.Job job = jobs.find(id).orElseThrow(() -> new WorkbenchErrors.NotFound("no job " + id));
        model.addAttribute("job", job);
        if (job.result() instanceof Runs.Impact impact) model.addAttribute("impact", impact);
        if (job.result() instanceof Runs.Comparison comparison) model.addAttribute("comparison", comparison);
        return "workbench/job";
    }

    /** The progress a job page polls. */
    @GetMapping(path = "/workbench/jobs/{job}/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    public Map<String, Object> progress(@PathVariable("job") String id) {
        Jobs.Job job = jobs.find(id).orElseThrow(() -> new WorkbenchErrors.NotFound("no job " + id));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", job.id());
        m.put("state", job.state().name());
        m.put("phase", job.phase());
        m.put("done", job.done());
        m.put("total", job.total());
        m.put("percent", job.percent());
        m.put("finished", job.finished());
        return m;
    }

    @PostMapping("/workbench/jobs/{job}/cancel")
    public String cancel(@PathVariable("job") String id) {
        jobs.cancel(id);
        return "redirect:/workbench/jobs/" + id;
    }

    /** The file name a browser sent, without any folder it may carry. */
    static String baseName(String name) {
        if (name == null) return null;
        String n = name.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private WorkingCopies.Copy copy(String id) {
        return copies.find(id).orElseThrow(() -> new WorkbenchErrors.NotFound("no working copy " + id));
    }
}
