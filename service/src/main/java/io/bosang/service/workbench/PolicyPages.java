package io.bosang.service.workbench;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyFolder;
import io.bosang.engine.RuleInfo;
import io.bosang.scenario.ScenarioResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;

/** The policies served, and one policy: its rules with their law, its dated parameters, its scenarios with their verdicts. */
@Controller
public class PolicyPages {
    private final PolicySources sources;

    public PolicyPages(PolicySources sources) {
        this.sources = sources;
    }

    @GetMapping("/")
    public String policies(Model model) {
        model.addAttribute("policies", sources.registry().all().values());
        return "workbench/policies";
    }

    /** A rule as the policy page shows it. */
    public record RuleView(RuleInfo rule, String law, boolean table) {
    }

    @GetMapping("/policies/{id}")
    public String policy(@PathVariable("id") String id, Model model) {
        Policy p = served(id);
        List<RuleView> rules = p.rules().stream()
                .map(r -> new RuleView(r, sources.lawAbove(p, r), PolicyFolder.isDecisionTable(r.file()))).toList();
        List<ScenarioResult> scenarios = sources.scenarioResults(p);
        model.addAttribute("policy", p);
        model.addAttribute("rules", rules);
        model.addAttribute("parameters", p.parameters().all());
        model.addAttribute("scenarios", scenarios);
        model.addAttribute("scenariosPassed", scenarios.stream().filter(ScenarioResult::passed).count());
        model.addAttribute("ruleFiles", rules.stream().map(r -> r.rule().file()).filter(f -> !f.isEmpty()).distinct().sorted().toList());
        return "workbench/policy";
    }

    /** A rule file (DRL or decision table) of a served policy, to download. */
    @GetMapping("/policies/{id}/file")
    public ResponseEntity<byte[]> file(@PathVariable("id") String id, @RequestParam("path") String path) {
        Policy p = served(id);
        byte[] bytes = sources.file(p, path).orElseThrow(() -> new WorkbenchErrors.NotFound("no file " + path + " in " + id));
        return download(path, bytes);
    }

    static ResponseEntity<byte[]> download(String path, byte[] bytes) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        MediaType type = name.endsWith(".xlsx") ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                : name.endsWith(".zip") ? MediaType.parseMediaType("application/zip")
                : name.endsWith(".html") ? MediaType.parseMediaType("text/html;charset=UTF-8")
                : name.endsWith(".csv") ? MediaType.parseMediaType("text/csv;charset=UTF-8")
                : name.endsWith(".ndjson") ? MediaType.parseMediaType("application/x-ndjson;charset=UTF-8")
                : MediaType.parseMediaType("text/plain;charset=UTF-8");
        return ResponseEntity.status(HttpStatus.OK).contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name.replace("\"", "") + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    private Policy served(String id) {
        return sources.registry().find(id).orElseThrow(() -> new WorkbenchErrors.NotFound("no policy " + id));
    }
}
