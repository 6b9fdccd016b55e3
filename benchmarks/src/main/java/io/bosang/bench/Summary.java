package io.bosang.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.bosang.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a run's raw results ({@code jmh.json}, {@code compile-time.json}, {@code cli-1m.time}, {@code cli-1m-gc.log})
 * into the Markdown tables of BENCHMARKS.md: medians of the measurement iterations and the target ratios. Usage:
 * <pre>java -cp benchmarks.jar io.bosang.bench.Summary benchmarks/results</pre>
 */
public final class Summary {
    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "benchmarks/results");
        StringBuilder md = new StringBuilder();
        Map<String, double[]> jmh = jmh(dir.resolve("jmh.json"));
        if (!jmh.isEmpty()) {
            md.append("| benchmark | threads | median claims/s | min | max | µs per claim (median) |\n|---|---:|---:|---:|---:|---:|\n");
            jmh.forEach((name, v) -> md.append(String.format(Locale.ROOT, "| %s | %d | %,.0f | %,.0f | %,.0f | %,.1f |%n",
                    name, (int) v[3], v[0], v[1], v[2], v[3] * 1e6 / v[0])));
            md.append("\nµs per claim is per thread (threads × 10⁶ / claims/s).\n\n");
            md.append("| ratio | value | target |\n|---|---:|---|\n");
            ratio(md, jmh, "end to end, hand-written ÷ Drools (1 thread)", "EndToEnd.cupHandWritten", "EndToEnd.cupDrools", "within 3×");
            ratio(md, jmh, "engine only, hand-written ÷ Drools (1 thread)", "Engine.cupHandWritten", "Engine.cupDrools", "within 3×");
            ratio(md, jmh, "engine only, hand-written ÷ Drools (2 threads)", "Engine.cupHandWritten2Threads", "Engine.cupDrools2Threads", "within 3×");
            ratio(md, jmh, "Drools (shared KieBase) ÷ naive compile per claim", "Engine.cupDrools", "Engine.cupNaiveCompilePerClaim", "≥ 10×");
            ratio(md, jmh, "Drools (shared KieBase) ÷ naive KieContainer per claim", "Engine.cupDrools", "Engine.cupNaiveContainerPerClaim", "≥ 10×");
            ratio(md, jmh, "Drools pooled sessions ÷ a fresh session per claim", "Engine.cupDrools", "Engine.cupFreshSessionPerClaim", "(the pool's gain)");
            ratio(md, jmh, "content-user-protection end to end, 2 threads ÷ 1 thread", "EndToEnd.cupDrools2Threads", "EndToEnd.cupDrools", "(scaling)");
            ratio(md, jmh, "kakao end to end, 2 threads ÷ 1 thread", "EndToEnd.kakaoDrools2Threads", "EndToEnd.kakaoDrools", "(scaling)");
            md.append('\n');
        }
        Path compile = dir.resolve("compile-time.json");
        if (Files.exists(compile)) {
            md.append("| policy | cold JVMs | PolicyLoader.load median | JVM start → loaded median | runs (load, ms) | target |\n|---|---:|---:|---:|---|---|\n");
            for (JsonNode n : Json.mapper().readTree(compile.toFile())) {
                md.append(String.format(Locale.ROOT, "| %s | %d | %.2f s | %.2f s | %s | < 3 s |%n", n.get("policy").asText(),
                        n.get("runs").asInt(), n.get("loadMsMedian").asDouble() / 1000, n.get("uptimeMsMedian").asDouble() / 1000,
                        n.get("loadMs").toString()));
            }
            md.append('\n');
        }
        Path time = dir.resolve("cli-1m.time");
        if (Files.exists(time)) {
            String t = Files.readString(time, StandardCharsets.UTF_8);
            String wall = find(t, "Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\): (\\S+)");
            String rssKb = find(t, "Maximum resident set size \\(kbytes\\): (\\d+)");
            String cpu = find(t, "Percent of CPU this job got: (\\S+)");
            String exit = find(t, "Exit status: (\\d+)");
            md.append("| 1,000,000 Kakao claims via CLI, --threads 2, -Xmx256m | value | target |\n|---|---:|---|\n");
            md.append("| wall time | ").append(wall).append(" (").append(String.format(Locale.ROOT, "%.1f s", seconds(wall))).append(") | < 60 s |\n");
            md.append("| max RSS | ").append(rssKb == null ? "?" : String.format(Locale.ROOT, "%,d MB", Long.parseLong(rssKb) / 1024)).append(" | |\n");
            md.append("| CPU | ").append(cpu).append(" | |\n");
            md.append("| exit status | ").append(exit).append(" | 0 |\n");
            Path gc = dir.resolve("cli-1m-gc.log");
            if (Files.exists(gc)) {
                long[] heap = heap(Files.readString(gc, StandardCharsets.UTF_8));
                md.append(String.format(Locale.ROOT, "| heap: max before GC / max after GC / max committed | %d MB / %d MB / %d MB | ≤ 256 MB |%n",
                        heap[0], heap[1], heap[2]));
                md.append(String.format(Locale.ROOT, "| GC pauses | %d | |%n", heap[3]));
            }
            Path stderr = dir.resolve("cli-1m.stderr");
            if (Files.exists(stderr)) {
                String[] lines = Files.readString(stderr, StandardCharsets.UTF_8).strip().split("\n");
                md.append("\nCLI summary line: `").append(lines[lines.length - 1].strip()).append("`\n");
            }
        }
        System.out.print(md);
    }

    /** Benchmark short name → {median, min, max, threads} of the measurement iterations, in run order. */
    private static Map<String, double[]> jmh(Path file) throws IOException {
        Map<String, double[]> out = new LinkedHashMap<>();
        if (!Files.exists(file)) return out;
        for (JsonNode b : Json.mapper().readTree(file.toFile())) {
            String name = b.get("benchmark").asText().replace("io.bosang.bench.", "").replace("Benchmarks.", ".");
            JsonNode pm = b.get("primaryMetric");
            double min = Double.MAX_VALUE;
            double max = 0;
            for (JsonNode fork : pm.get("rawData")) {
                for (JsonNode x : fork) {
                    min = Math.min(min, x.asDouble());
                    max = Math.max(max, x.asDouble());
                }
            }
            out.put(name, new double[]{pm.get("scorePercentiles").get("50.0").asDouble(), min, max, b.get("threads").asInt()});
        }
        return out;
    }

    private static void ratio(StringBuilder md, Map<String, double[]> jmh, String label, String a, String b, String target) {
        if (!jmh.containsKey(a) || !jmh.containsKey(b)) return;
        md.append(String.format(Locale.ROOT, "| %s | %.1f× | %s |%n", label, jmh.get(a)[0] / jmh.get(b)[0], target));
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static double seconds(String wall) {
        if (wall == null) return Double.NaN;
        String[] p = wall.split(":");
        double s = 0;
        for (String x : p) s = s * 60 + Double.parseDouble(x);
        return s;
    }

    /** From a -Xlog:gc log: {max heap before GC, max after GC, max committed, pauses} in MB. */
    static long[] heap(String log) {
        Matcher m = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)").matcher(log);
        long before = 0;
        long after = 0;
        long committed = 0;
        long pauses = 0;
        while (m.find()) {
            before = Math.max(before, Long.parseLong(m.group(1)));
            after = Math.max(after, Long.parseLong(m.group(2)));
            committed = Math.max(committed, Long.parseLong(m.group(3)));
            pauses++;
        }
        return new long[]{before, after, committed, pauses};
    }
}
