#!/usr/bin/env bash
# Reproduces every figure of BENCHMARKS.md in one command (about 10 minutes on 2 cores):
#   benchmarks/run.sh
# 1. builds the CLI and target/benchmarks.jar (mvn package, tests skipped; nothing is installed);
# 2. runs all JMH benchmarks: 1 fork, 2 warm-up and 3 measurement iterations of 5 s each;
# 3. times PolicyLoader.load in 5 cold JVMs per shipped policy;
# 4. generates 1,000,000 Kakao claims and times `bosang assess --threads 2` on them with -Xmx256m;
# 5. writes the summary tables to benchmarks/results/summary.md.
# Raw results (JMH JSON, compile times, /usr/bin/time output, GC log, machine facts) go to benchmarks/results/.
# Override with env: FORKS, WARMUPS, ITERATIONS, TIME (per iteration), JMH_FILTER (regexp), COMPILE_RUNS,
# CLI_COUNT, SKIP_CLI=1, WORK (scratch dir for the 1M-claim files, default /tmp).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$here"
results="$here/benchmarks/results"
mkdir -p "$results"
jar="$here/benchmarks/target/benchmarks.jar"
work="${WORK:-/tmp}"

{
  echo "date (UTC): $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git: $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
  echo "nproc: $(nproc)"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "--- lscpu"; lscpu
  echo "--- java -version"; java -version 2>&1
  echo "--- free -m"; free -m
} > "$results/machine.txt"

echo "== build" >&2
mvn -B -q -DskipTests package -pl cli,benchmarks -am >&2

echo "== JMH" >&2
java -jar "$jar" -f "${FORKS:-1}" -wi "${WARMUPS:-2}" -i "${ITERATIONS:-3}" -w "${TIME:-5s}" -r "${TIME:-5s}" \
  -rf json -rff "$results/jmh.json" "${JMH_FILTER:-io.bosang.bench}" | tee "$results/jmh.txt"

echo "== cold-JVM compile time" >&2
java -cp "$jar" io.bosang.bench.CompileTime --runs "${COMPILE_RUNS:-5}" --out "$results/compile-time.json" \
  content-user-protection kakao-1015-2022 | tee "$results/compile-time.txt"

if [ "${SKIP_CLI:-0}" != 1 ]; then
  echo "== CLI, ${CLI_COUNT:-1000000} Kakao claims" >&2
  ./bosang policies > /dev/null   # builds now if the launcher thinks sources changed, so the timed run never does
  ./bosang sample --policy kakao-1015-2022 --count "${CLI_COUNT:-1000000}" --seed 1 -o "$work/m1.ndjson"
  rm -f "$results/cli-1m-gc.log"
  /usr/bin/time -v -o "$results/cli-1m.time" \
    env BOSANG_JAVA_OPTS="-Xmx256m -Xlog:gc:file=$results/cli-1m-gc.log" \
    ./bosang assess --policy kakao-1015-2022 --threads 2 "$work/m1.ndjson" -o "$work/m1.out" 2> "$results/cli-1m.stderr"
  echo "output records: $(wc -l < "$work/m1.out")" > "$results/cli-1m.records"
  tail -n 2 "$results/cli-1m.stderr" >&2
fi

echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$results/machine.txt"
java -cp "$jar" io.bosang.bench.Summary "$results" > "$results/summary.md"
cat "$results/summary.md"
