package io.bosang.cli;

import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.json.Json;
import io.bosang.problem.PolicyBuildException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** Lists the shipped policies with version, kind, content hash and title. */
@Command(name = "policies", mixinStandardHelpOptions = true,
        header = "List the shipped policies with version, kind and content hash.",
        description = "List the policies that ship with Bosang: id, version, kind, content hash and title.")
final class PoliciesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per policy instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        int code = BosangCli.OK;
        if (!json) out.printf("%-28s %-12s %-16s %-14s %s%n", "POLICY", "VERSION", "KIND", "HASH", "TITLE");
        for (String id : PolicyLoader.available()) {
            try {
                Policy p = PolicyLoader.load(id);
                if (json) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", p.id());
                    row.put("version", p.version());
                    row.put("kind", p.manifest().kind());
                    row.put("contentHash", p.contentHash());
                    row.put("title", p.manifest().title());
                    row.put("rules", p.rules().size());
                    row.put("parameters", p.parameters().all().size());
                    out.println(Json.line(row));
                } else {
                    out.printf("%-28s %-12s %-16s %-14s %s%n", p.id(), p.version(), p.manifest().kind(),
                            p.contentHash().substring(7, 19), p.manifest().title());
                }
            } catch (PolicyBuildException e) {
                err.println(e.getMessage());
                code = BosangCli.BROKEN_POLICY;
            }
        }
        return code;
    }
}
