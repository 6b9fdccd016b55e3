package io.bosang.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.bosang.engine.Policy;
import io.bosang.engine.PolicyLoader;
import io.bosang.json.Json;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Cold-JVM policy compile time: for each policy, starts {@code --runs} fresh JVMs (same java, same class path), each
 * of which calls {@link PolicyLoader#load(String)} once and reports how long that call took and the JVM's uptime when
 * it returned; the parent prints and writes the medians. Usage:
 * <pre>java -cp benchmarks.jar io.bosang.bench.CompileTime [--runs N] [--out FILE] POLICY...</pre>
 */
public final class CompileTime {
    private CompileTime() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 2 && args[0].equals("--child")) {
            child(args[1]);
            return;
        }
        int runs = 5;
        Path out = null;
        List<String> policies = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> policies.add(args[i]);
            }
        }
        if (policies.isEmpty()) policies = List.of(Corpus.CUP, Corpus.KAKAO);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        ArrayNode results = JsonNodeFactory.instance.arrayNode();
        for (String policy : policies) {
            double[] load = new double[runs];
            double[] uptime = new double[runs];
            double[] process = new double[runs];
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                Process p = new ProcessBuilder(java, "-cp", cp, CompileTime.class.getName(), "--child", policy)
                        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
                String line;
                try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    line = in.readLine();
                }
                if (p.waitFor() != 0 || line == null) throw new IllegalStateException("child JVM failed for " + policy);
                process[r] = (System.nanoTime() - t0) / 1e6;
                String[] parts = line.trim().split(" ");
                load[r] = Double.parseDouble(parts[0]);
                uptime[r] = Double.parseDouble(parts[1]);
                System.out.printf(Locale.ROOT, "%s run %d: PolicyLoader.load %.0f ms, JVM uptime at return %.0f ms, process %.0f ms%n",
                        policy, r + 1, load[r], uptime[r], process[r]);
            }
            ObjectNode o = results.addObject();
            o.put("policy", policy);
            o.put("runs", runs);
            o.put("loadMsMedian", median(load));
            o.put("uptimeMsMedian", median(uptime));
            o.put("processMsMedian", median(process));
            o.set("loadMs", array(load));
            o.set("uptimeMs", array(uptime));
            o.set("processMs", array(process));
            System.out.printf(Locale.ROOT, "%s median of %d cold JVMs: PolicyLoader.load %.0f ms; JVM start to loaded %.0f ms; whole process %.0f ms%n",
                    policy, runs, median(load), median(uptime), median(process));
        }
        if (out != null) Files.writeString(out, Json.pretty(results) + "\n", StandardCharsets.UTF_8);
    }

    private static void child(String policy) throws Exception {
        long t0 = System.nanoTime();
        Policy p = PolicyLoader.load(policy);
        long t1 = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        if (p.rules().isEmpty()) throw new IllegalStateException("no rules");
        System.out.println(String.format(Locale.ROOT, "%.1f %d", (t1 - t0) / 1e6, uptime));
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static ArrayNode array(double[] xs) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (double x : xs) a.add(Math.round(x * 10) / 10.0);
        return a;
    }

}
